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

// A Summary is what NeededByAnother needs of a main package's Result: its
// excess-scope findings, and what the program needs or may need of each
// grant declared in a file. A Result lists every call of the program (on
// an app with 20 000 call sites, 16 MB of JSON, which the standalone
// driver would write, cache and read back); its Summary holds a few
// scopes per grant, and judges another program's findings the same.
type Summary struct {
	Excess []Excess
	Grants []GrantNeeds // the Result's file grants, in its order
}

// GrantNeeds is what a program needs or may need of one of its grants.
type GrantNeeds struct {
	File  string
	Model authz.ModelID
	// Judged is false for a Partial or Shared grant: none of its scopes
	// is judged excess, and the rest is not filled in.
	Judged bool
	Calls  int      // the calls the grant governs
	Need   []string // canonical scopes surely needed
	// MayNeedAny tells that an unresolved call may need any scope;
	// MayNeed lists those the other unresolved calls may need.
	MayNeedAny bool
	MayNeed    []string
}

// Summary returns what NeededByAnother needs of the result of a main
// package.
func (r *Result) Summary() *Summary {
	s := &Summary{Excess: r.Excess}
	for _, g := range r.Grants {
		if !fileGrant(g) {
			continue // never the grant of another program's finding
		}
		gs := GrantNeeds{File: g.At.File, Model: g.Model, Judged: !g.Partial && !g.Shared}
		if gs.Judged {
			gn, ok := r.needs[g]
			if !ok {
				c := &checker{grants: r.Grants}
				gn = c.needsOf(g, r.Program)
			}
			gs.Calls, gs.Need = gn.calls, gn.need
			for _, u := range gn.unresolved {
				gs.MayNeedAny = gs.MayNeedAny || u.anything
				for _, x := range u.possible {
					if !slices.Contains(gs.MayNeed, x) {
						gs.MayNeed = append(gs.MayNeed, x)
					}
				}
			}
		}
		s.Grants = append(s.Grants, gs)
	}
	return s
}

// NeededByAnother returns the excess-scope findings of the programs of one
// run that another program of the run needs: several main packages that
// share a descriptor or manifest are judged by the union of their needs,
// so a scope the server needs is not excess because a helper command does
// not. A scope another program may need (an unresolved call) counts as
// needed. programs are the summaries of the run's main packages.
func NeededByAnother(programs []*Summary) []Excess {
	var out []Excess
	for i, p := range programs {
		for _, x := range p.Excess {
			if !fileGrant(x.Grant) {
				continue
			}
			for j, other := range programs {
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
func (s *Summary) mayNeed(x Excess) bool {
	for _, g := range s.Grants {
		if g.File != x.Grant.At.File || g.Model != x.Grant.Model {
			continue
		}
		if !g.Judged {
			return false // never judged excess there either
		}
		if g.Calls == 0 {
			return false
		}
		m := authz.ModelOf(g.Model)
		n := m.Canonical(x.Entry.Name)
		implies := func(s string) bool { return m.Implies(s, n) }
		return slices.ContainsFunc(g.Need, implies) || g.MayNeedAny || slices.ContainsFunc(g.MayNeed, implies)
	}
	return false
}
