package restcalls

import (
	"go/types"
	"iter"

	"golang.org/x/tools/go/ssa"
)

// ImplementingMethods yields, for each concrete, non-generic type declared
// in pkg, the selection of method m on the first of T and *T that
// implements iface: the methods an interface call of m may reach in pkg.
func ImplementingMethods(prog *ssa.Program, pkg *types.Package, iface *types.Interface, m *types.Func) iter.Seq[*types.Selection] {
	return func(yield func(*types.Selection) bool) {
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
