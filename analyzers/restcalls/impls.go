package restcalls

import (
	"go/types"
	"iter"

	"golang.org/x/tools/go/ssa"
)

// ConcreteTypes lists the concrete, non-generic types declared in pkg, in
// name order: the types whose methods an interface call may reach. An
// analysis that resolves many interface calls computes it once per
// package (sorting the scope's names is not free).
func ConcreteTypes(pkg *types.Package) []types.Type {
	var out []types.Type
	scope := pkg.Scope()
	for _, name := range scope.Names() {
		tn, ok := scope.Lookup(name).(*types.TypeName)
		if !ok || tn.IsAlias() {
			continue
		}
		t := tn.Type()
		if _, isIface := t.Underlying().(*types.Interface); isIface {
			continue
		}
		if n, ok := t.(*types.Named); ok && n.TypeParams().Len() > 0 {
			continue
		}
		out = append(out, t)
	}
	return out
}

// ImplementingMethods yields, for each of the concrete types (see
// ConcreteTypes), the selection of method m on the first of T and *T that
// implements iface: the methods an interface call of m may reach there.
func ImplementingMethods(prog *ssa.Program, concrete []types.Type, iface *types.Interface, m *types.Func) iter.Seq[*types.Selection] {
	return func(yield func(*types.Selection) bool) {
		for _, t := range concrete {
			for _, recv := range []types.Type{t, types.NewPointer(t)} {
				if !types.Implements(recv, iface) {
					continue
				}
				if sel := prog.MethodSets.MethodSet(recv).Lookup(m.Pkg(), m.Name()); sel != nil && !yield(sel) {
					return
				}
				break
			}
		}
	}
}
