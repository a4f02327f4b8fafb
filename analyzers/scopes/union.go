package scopes

import (
	"slices"
	"strings"

	"github.com/connectlint/connectlint/internal/authz"
)

// An Excess is an excess-scope finding a main package reported on a scope
// of a grant.
type Excess struct {
	Grant *authz.Grant
	Entry authz.Entry
}

// fileGrant reports whether a grant is declared in a file every program
// of the module shares (a descriptor or manifest), not in Go code.
func fileGrant(g *authz.Grant) bool { return !strings.HasSuffix(g.At.File, ".go") }

// NeededByAnother returns the excess-scope findings of the programs of one
// run that another program of the run needs: several main packages that
// share a descriptor or manifest are judged by the union of their needs,
// so a scope the server needs is not excess because a helper command does
// not. A scope another program may need (an unresolved call) counts as
// needed. results are the scopes results of the run's main packages.
func NeededByAnother(results []*Result) []Excess {
	var out []Excess
	for i, r := range results {
		for _, x := range r.Excess {
			if !fileGrant(x.Grant) {
				continue
			}
			for j, other := range results {
				if i != j && other.mayNeed(x) {
					out = append(out, x)
					break
				}
			}
		}
	}
	return out
}

// mayNeed reports whether the program needs or may need the scope of x
// from its grant in the same file.
func (r *Result) mayNeed(x Excess) bool {
	for _, g := range r.Grants {
		if g.At.File != x.Grant.At.File || g.Model != x.Grant.Model {
			continue
		}
		if g.Partial || g.Shared {
			return false // never judged excess there either
		}
		m := authz.ModelOf(g.Model)
		n := m.Canonical(x.Entry.Name)
		c := &checker{grants: r.Grants}
		gn := c.needsOf(g, r.Program)
		if gn.calls == 0 {
			return false
		}
		if slices.ContainsFunc(gn.need, func(s string) bool { return m.Implies(s, n) }) {
			return true
		}
		return slices.ContainsFunc(gn.unresolved, func(u unresolved) bool { return u.mayNeed(m, n) })
	}
	return false
}
