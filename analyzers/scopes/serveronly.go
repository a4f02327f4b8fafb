package scopes

import (
	"go/types"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"
)

// serverOnlyFuncs are the package's functions reached only from code
// named for Server / Data Center (serverNamed): every static call of
// them in the package is made by such a function or by another one of
// these, and nothing else can call them (their value is never taken, no
// other package sees them, no interface names them). mattermost-plugin-
// confluence's GetSpaceDataWithAPIToken, called only from
// handleConfluenceServerWebhook, is one. A function with no caller is not.
func serverOnlyFuncs(pass *analysis.Pass, funcs []*ssa.Function) map[*ssa.Function]bool {
	callers := map[*ssa.Function][]*ssa.Function{} // by callee, both outermost
	taken := map[types.Object]bool{}               // functions used as values
	for _, fn := range funcs {
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				var callee *ssa.Function
				if c, ok := instr.(ssa.CallInstruction); ok {
					if callee = c.Common().StaticCallee(); callee != nil {
						callers[outermost(callee)] = append(callers[outermost(callee)], outermost(fn))
					}
				}
				for _, op := range instr.Operands(nil) {
					if f, ok := (*op).(*ssa.Function); ok && f != callee && f.Object() != nil {
						taken[f.Object()] = true // a method value's $bound wrapper names the method
					}
				}
			}
		}
	}
	viaInterface := interfaceMethodNames(pass)
	main := pass.Pkg.Name() == "main"
	maybe := map[*ssa.Function]bool{}
	for callee := range callers {
		obj := callee.Object()
		if obj == nil || taken[obj] || obj.Pkg() != pass.Pkg || serverNamed(callee) ||
			!main && obj.Exported() || callee.Signature.Recv() != nil && viaInterface[callee.Name()] {
			continue
		}
		maybe[callee] = true
	}
	// Drop, until none is left to drop, each function with a caller that
	// is neither named for Server nor still a candidate.
	for changed := true; changed; {
		changed = false
		for callee := range maybe {
			for _, caller := range callers[callee] {
				if !serverNamed(caller) && !maybe[caller] {
					delete(maybe, callee)
					changed = true
					break
				}
			}
		}
	}
	// What is left holds cycles of calls no Server-named function enters
	// too: keep only what such a function reaches.
	calls := map[*ssa.Function][]*ssa.Function{}
	var work []*ssa.Function
	for callee := range maybe {
		for _, caller := range callers[callee] {
			calls[caller] = append(calls[caller], callee)
			if serverNamed(caller) {
				work = append(work, callee)
			}
		}
	}
	only := map[*ssa.Function]bool{}
	for len(work) > 0 {
		fn := work[len(work)-1]
		work = work[:len(work)-1]
		if only[fn] {
			continue
		}
		only[fn] = true
		work = append(work, calls[fn]...)
	}
	return only
}

// outermost is the declared function a function literal is part of (a
// literal's calls are its function's), or the generic function an
// instance is of.
func outermost(fn *ssa.Function) *ssa.Function {
	for fn.Parent() != nil {
		fn = fn.Parent()
	}
	if fn.Origin() != nil {
		fn = fn.Origin()
	}
	return fn
}

// interfaceMethodNames are the names of the methods of the interfaces the
// package declares, uses, or finds declared in the packages it imports:
// a method of such a name may be called through an interface, where no
// static call shows.
func interfaceMethodNames(pass *analysis.Pass) map[string]bool {
	names := map[string]bool{}
	add := func(t types.Type) {
		if it, ok := t.Underlying().(*types.Interface); ok {
			for i := range it.NumMethods() {
				names[it.Method(i).Name()] = true
			}
		}
	}
	for _, pkg := range append([]*types.Package{pass.Pkg}, pass.Pkg.Imports()...) {
		scope := pkg.Scope()
		for _, name := range scope.Names() {
			if tn, ok := scope.Lookup(name).(*types.TypeName); ok {
				add(tn.Type())
			}
		}
	}
	for _, tv := range pass.TypesInfo.Types {
		if tv.Type != nil {
			add(tv.Type)
		}
	}
	return names
}
