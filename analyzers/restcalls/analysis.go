package restcalls

import (
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/buildssa"
	"golang.org/x/tools/go/ssa"

	"github.com/connectlint/connectlint/internal/gotypes"
)

// state is one run of the analyzer over one package.
type state struct {
	pass   *analysis.Pass
	ssa    *buildssa.SSA
	module string

	// sums holds the summaries of this package's functions; a nil entry
	// marks one being computed (recursion yields an empty summary).
	sums     map[*ssa.Function]*Summary
	imported map[*types.Func]*Summary
	impls    map[string][]impl
	implPkgs []*types.Package
	concrete map[*types.Package][]types.Type // ConcreteTypes of implPkgs
	calls    []*Call
	sends    []*Call
	globals  map[*ssa.Global][]ssa.Value
	exprs    *CallExprs
}

func newAnalysis(pass *analysis.Pass) *state {
	a := &state{
		pass:     pass,
		sums:     map[*ssa.Function]*Summary{},
		imported: map[*types.Func]*Summary{},
		impls:    map[string][]impl{},
		exprs:    NewCallExprs(pass.Files),
	}
	if pass.Module != nil {
		a.module = pass.Module.Path
	}
	a.ssa = BuildSSA(pass)
	return a
}

var emptySummary = &Summary{}

// globalStores returns what this package's code stores to a package-level
// variable of the package: its initial value, and any later assignment
// (a base URL set from a flag in main then counts as one of the values).
func (a *state) globalStores(g *ssa.Global) ([]ssa.Value, bool) {
	if g.Pkg != a.ssa.Pkg {
		return nil, false
	}
	if a.globals == nil {
		a.globals = map[*ssa.Global][]ssa.Value{}
		for _, fn := range a.ssa.SrcFuncs {
			for _, b := range fn.Blocks {
				for _, instr := range b.Instrs {
					if st, ok := instr.(*ssa.Store); ok {
						if sg, ok := st.Addr.(*ssa.Global); ok {
							a.globals[sg] = append(a.globals[sg], st.Val)
						}
					}
				}
			}
		}
	}
	vals, ok := a.globals[g]
	return vals, ok
}

// summarize returns fn's summary, computing it (and the calls it makes)
// the first time.
func (a *state) summarize(fn *ssa.Function) *Summary {
	fn = gotypes.Origin(fn)
	if s, ok := a.sums[fn]; ok {
		if s == nil {
			return emptySummary
		}
		return s
	}
	if fn.Pkg != a.ssa.Pkg {
		if obj, ok := fn.Object().(*types.Func); ok {
			return a.importedSummary(obj)
		}
		return emptySummary
	}
	if fn.Blocks == nil {
		return emptySummary
	}
	a.sums[fn] = nil
	s := (&funcState{a: a, fn: fn}).run()
	a.sums[fn] = s
	return s
}

func (a *state) importedSummary(obj *types.Func) *Summary {
	obj = obj.Origin()
	if s, ok := a.imported[obj]; ok {
		return s
	}
	s := new(Summary)
	if obj.Pkg() == nil || obj.Pkg() == a.pass.Pkg || !a.pass.ImportObjectFact(obj, s) {
		s = emptySummary
	}
	a.imported[obj] = s
	return s
}

func (a *state) exportFacts() {
	for fn, s := range a.sums {
		if s == nil || len(s.Effects) == 0 && len(s.Results) == 0 {
			continue
		}
		// Only exported functions and methods can be called from other
		// packages (interface calls resolve within the package).
		if obj, ok := fn.Object().(*types.Func); ok && obj.Pkg() == a.pass.Pkg && obj.Exported() {
			a.pass.ExportObjectFact(obj, s)
		}
	}
}

// target is a function a call may run, with its summary.
type target struct {
	sum    *Summary
	fn     *ssa.Function // nil for an interface method known only by name
	obj    *types.Func
	offset int  // 1 when the call is an interface call: Args lack the receiver
	local  bool // defined in this package
}

// targets returns the summarised functions a call may run: the static
// callee, or for an interface method call, the implementations in this
// package.
func (a *state) targets(c *ssa.CallCommon) []target {
	if fn := c.StaticCallee(); fn != nil {
		fn = gotypes.Origin(fn)
		s := a.summarize(fn)
		if len(s.Effects) == 0 && len(s.Results) == 0 {
			return nil
		}
		obj, _ := fn.Object().(*types.Func)
		return []target{{sum: s, fn: fn, obj: obj, local: fn.Pkg == a.ssa.Pkg}}
	}
	if !c.IsInvoke() {
		return nil
	}
	var out []target
	for _, im := range a.implementations(c) {
		var s *Summary
		if im.fn != nil {
			s = a.summarize(im.fn)
		} else {
			s = a.importedSummary(im.obj)
		}
		if len(s.Effects) == 0 && len(s.Results) == 0 {
			continue
		}
		obj := im.obj
		if obj == nil {
			obj, _ = im.fn.Object().(*types.Func)
		}
		out = append(out, target{sum: s, fn: im.fn, obj: obj, offset: 1, local: im.fn != nil && im.fn.Pkg == a.ssa.Pkg})
	}
	return out
}

// impl is a method that may implement an interface method: an SSA
// function of this package, or an imported method known by its facts.
type impl struct {
	fn  *ssa.Function
	obj *types.Func
}

// implementations returns the methods of concrete types that an interface
// method call may run, among the types of this package and of its direct
// imports with summaries (a local class hierarchy analysis: go-atlassian's
// services call their implementation through an unexported interface in
// the same package; apps call a library through their own interface).
func (a *state) implementations(c *ssa.CallCommon) []impl {
	iface, ok := c.Value.Type().Underlying().(*types.Interface)
	if !ok {
		return nil
	}
	key := types.TypeString(c.Value.Type(), nil) + "." + c.Method.Name()
	if fns, ok := a.impls[key]; ok {
		return fns
	}
	var fns []impl
	for _, pkg := range a.implementers() {
		fns = a.implementationsIn(pkg, c, iface, fns)
		if len(fns) >= 8 {
			break
		}
	}
	a.impls[key] = fns
	return fns
}

// implementers are the packages whose types may implement the interfaces
// this package calls: the package itself, and the direct imports that
// have summaries (an app calls go-jira's *IssueService through its own
// interface, for testability).
func (a *state) implementers() []*types.Package {
	if a.implPkgs == nil {
		a.implPkgs = []*types.Package{a.pass.Pkg}
		direct := map[*types.Package]bool{}
		for _, imp := range a.pass.Pkg.Imports() {
			direct[imp] = true
		}
		for _, f := range a.pass.AllObjectFacts() {
			if p := f.Object.Pkg(); direct[p] {
				a.implPkgs = append(a.implPkgs, p)
				direct[p] = false
			}
		}
	}
	return a.implPkgs
}

// implementationsIn adds the methods of pkg's concrete types that
// implement iface's method called by c.
func (a *state) implementationsIn(pkg *types.Package, c *ssa.CallCommon, iface *types.Interface, fns []impl) []impl {
	prog := a.ssa.Pkg.Prog
	concrete, ok := a.concrete[pkg]
	if !ok {
		if a.concrete == nil {
			a.concrete = map[*types.Package][]types.Type{}
		}
		concrete = ConcreteTypes(pkg)
		a.concrete[pkg] = concrete
	}
	for sel := range ImplementingMethods(prog, concrete, iface, c.Method) {
		if pkg != a.pass.Pkg {
			// Imported: only methods declared on the type, known by
			// their facts (no SSA for other packages' code).
			if m, ok := sel.Obj().(*types.Func); ok && len(sel.Index()) == 1 && m.Pkg() == pkg {
				fns = append(fns, impl{obj: m})
			}
		} else if fn := prog.MethodValue(sel); fn != nil {
			fns = append(fns, impl{fn: fn})
		}
		if len(fns) >= 8 {
			break
		}
	}
	return fns
}

// calleeName is how a Call's Via names a wrapper.
func (a *state) calleeName(fn *ssa.Function, obj *types.Func) string {
	if obj == nil {
		if fn == nil {
			return "?"
		}
		return fn.Name()
	}
	if sig, ok := obj.Type().(*types.Signature); ok && sig.Recv() != nil {
		recv := sig.Recv().Type()
		ptr := ""
		if p, ok := recv.(*types.Pointer); ok {
			recv, ptr = p.Elem(), "*"
		}
		if n, ok := types.Unalias(recv).(*types.Named); ok {
			tn := n.Obj()
			name := tn.Name()
			if tn.Pkg() != nil && tn.Pkg() != a.pass.Pkg {
				name = tn.Pkg().Name() + "." + name
			}
			return "(" + ptr + name + ")." + obj.Name()
		}
		return obj.Name()
	}
	if obj.Pkg() == nil || obj.Pkg() == a.pass.Pkg {
		return obj.Name()
	}
	return obj.Pkg().Name() + "." + obj.Name()
}

// Library names the client library a package belongs to, "go-jira" or
// "go-atlassian" (forks included), or "". Other analyzers use it to treat
// the libraries' calls as restcalls does.
func Library(pkg *types.Package) string {
	if pkg == nil {
		return ""
	}
	p := pkg.Path()
	switch {
	case strings.Contains(p, "/go-jira"):
		return "go-jira"
	case strings.Contains(p, "/go-atlassian"):
		return "go-atlassian"
	}
	return ""
}
