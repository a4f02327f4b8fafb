package scopes

import (
	"fmt"
	"path/filepath"
	"slices"
	"strings"

	"github.com/connectlint/connectlint/internal/authz"
	"github.com/connectlint/connectlint/internal/posmap"
)

// maxListed bounds the unresolved calls named in a message.
const maxListed = 3

// checkExcess reports, for each grant, each scope that the calls it
// governs and the features of its model do not need, or, when some of
// those calls could not be resolved, one note instead.
func (c *checker) checkExcess(prog *Needs) {
	for _, g := range c.grants {
		c.excessOf(g, prog)
	}
}

// grantNeeds is what the calls a grant governs need of it.
type grantNeeds struct {
	calls      int
	need       []string     // canonical scopes surely needed, in order
	unresolved []unresolved // governed calls that may need more
}

// unresolved is a call whose operation is not known well enough: it may
// need any of possible, or anything at all.
type unresolved struct {
	call     *CallNeed
	possible []string
	anything bool
}

func (u unresolved) mayNeed(m authz.Model, s string) bool {
	return u.anything || slices.ContainsFunc(u.possible, func(x string) bool { return m.Implies(x, s) })
}

// needsOf works out what the calls a grant governs need of it. A call
// surely needs the scopes every candidate operation needs (in the
// alternative the grant satisfies, or else the one it would be asked
// for), and may need those some candidates need.
func (c *checker) needsOf(g *authz.Grant, prog *Needs) grantNeeds {
	m := authz.ModelOf(g.Model)
	granted := g.Granted()
	var gn grantNeeds
	add := func(s string) {
		if !slices.Contains(gn.need, s) {
			gn.need = append(gn.need, s)
		}
	}
	for i := range prog.Calls {
		cn := &prog.Calls[i]
		if !slices.Contains(governing(cn, c.grants), g) {
			continue
		}
		gn.calls++
		ops := cn.Ops()
		if len(ops) == 0 {
			gn.unresolved = append(gn.unresolved, unresolved{call: cn, anything: true})
			continue
		}
		var certain, possible []string
		anything := false
		for k, op := range ops {
			req := m.Requirement(op)
			if req.Kind == authz.NotKnown {
				anything = true
				break
			}
			var s []string
			if req.Kind == authz.NeedsScopes {
				s = usedScopes(m, granted, req)
			}
			if k == 0 {
				certain = slices.Clone(s)
			} else {
				certain = slices.DeleteFunc(certain, func(x string) bool { return !slices.Contains(s, x) })
			}
			for _, x := range s {
				if !slices.Contains(possible, x) {
					possible = append(possible, x)
				}
			}
		}
		if anything {
			gn.unresolved = append(gn.unresolved, unresolved{call: cn, anything: true})
			continue
		}
		for _, s := range certain {
			add(s)
		}
		if len(possible) > len(certain) {
			gn.unresolved = append(gn.unresolved, unresolved{call: cn, possible: possible})
		}
	}
	for _, f := range prog.Features {
		if f.Model == g.Model {
			add(m.Canonical(f.Scope))
		}
	}
	sortScopes(m, gn.need)
	return gn
}

// usedScopes are the scopes of the alternatives of req the grant
// satisfies, or when it satisfies none (a missing scope), of the one it
// would be asked for.
func usedScopes(m authz.Model, granted []string, req authz.Requirement) []string {
	var out []string
	for _, alt := range req.Alternatives {
		if holdsAll(m, granted, alt) {
			out = append(out, alt...)
		}
	}
	if out == nil {
		out = slices.Clone(authz.Prefer(m, granted, req))
	}
	return out
}

func holdsAll(m authz.Model, granted, need []string) bool {
	for _, n := range need {
		if !slices.ContainsFunc(granted, func(g string) bool { return m.Implies(g, n) }) {
			return false
		}
	}
	return true
}

// sortScopes puts Connect scopes in lattice order, OAuth ones by name.
func sortScopes(m authz.Model, ss []string) {
	if m.ID() == authz.Connect {
		slices.SortFunc(ss, func(a, b string) int {
			x, _ := authz.ConnectScope(a)
			y, _ := authz.ConnectScope(b)
			return int(x) - int(y)
		})
		return
	}
	slices.Sort(ss)
}

func (c *checker) excessOf(g *authz.Grant, prog *Needs) {
	if g.Partial || g.Shared {
		return
	}
	m := authz.ModelOf(g.Model)
	gn := c.needsOf(g, prog)
	if c.needs == nil {
		c.needs = map[*authz.Grant]grantNeeds{}
	}
	c.needs[g] = gn
	if gn.calls == 0 {
		// No Atlassian call in the Go code: the app may make its calls
		// from the browser (AP.request), which connectlint does not see.
		return
	}
	// offline_access is needed only to keep a refreshing client working
	// past the first token's expiry: named only when granted.
	shown := slices.DeleteFunc(slices.Clone(gn.need), func(s string) bool {
		return g.Model == authz.OAuth && s == authz.OfflineAccess && !g.Has(s)
	})
	needText := "the code needs no scope"
	if len(shown) > 0 {
		needText = "the code needs " + strings.Join(shown, ", ")
	}
	if maybe := mayNeedBeyond(m, gn); len(maybe) > 0 {
		needText += fmt.Sprintf(" and may need %s (%d unresolved %s)",
			strings.Join(maybe, ", "), len(gn.unresolved), plural(len(gn.unresolved), "call"))
	}
	var undecided []authz.Entry
	var blocking []*CallNeed
	seen := map[string]bool{}
	for _, e := range g.Scopes {
		n := m.Canonical(e.Name)
		if seen[n] || !m.Known(n) || !m.Judged(n) || slices.Contains(g.Implicit, n) {
			continue
		}
		seen[n] = true
		if slices.ContainsFunc(gn.need, func(x string) bool { return m.Implies(x, n) }) {
			continue
		}
		found := false
		for _, u := range gn.unresolved {
			if u.mayNeed(m, n) {
				found = true
				if !slices.Contains(blocking, u.call) {
					blocking = append(blocking, u.call)
				}
			}
		}
		if found {
			undecided = append(undecided, e)
			continue
		}
		c.reportExcess(g, e, gn, needText)
	}
	if len(undecided) > 0 {
		names := make([]string, len(undecided))
		for i, e := range undecided {
			names[i] = m.Canonical(e.Name)
		}
		resolved := "no resolved call needs a scope"
		if len(gn.need) > 0 {
			resolved = "the resolved needs are " + strings.Join(gn.need, ", ")
		}
		slices.SortFunc(blocking, func(a, b *CallNeed) int { return comparePos(a.At, b.At) })
		e := undecided[0]
		ruleUnresolved.Reportf(c.pass, c.entryRange(e), "cannot tell whether %s %s needed: %s; %s",
			strings.Join(names, ", "), isAre(len(names)), c.unresolvedText(g, blocking), resolved)
	}
}

func (c *checker) reportExcess(g *authz.Grant, e authz.Entry, gn grantNeeds, needText string) {
	c.excess = append(c.excess, Excess{g, e})
	m := authz.ModelOf(g.Model)
	n := m.Canonical(e.Name)
	if g.Model == authz.OAuth && n == authz.OfflineAccess {
		ruleExcess.Reportf(c.pass, c.entryRange(e), "OAuth 2.0 scope %s is not needed: the code never refreshes a token, and offline_access only makes Atlassian issue refresh tokens", n)
		return
	}
	verdict := "is not needed"
	if slices.ContainsFunc(gn.need, func(x string) bool { return m.Implies(n, x) }) {
		verdict = "is broader than needed"
	}
	prefix := "scope"
	if g.Model == authz.OAuth {
		prefix = "OAuth 2.0 scope"
	}
	ruleExcess.Reportf(c.pass, c.entryRange(e), "%s %s %s; %s", prefix, n, verdict, needText)
}

// mayNeedBeyond returns the scopes unresolved calls may need beyond the
// resolved needs.
func mayNeedBeyond(m authz.Model, gn grantNeeds) []string {
	var out []string
	for _, u := range gn.unresolved {
		for _, s := range u.possible {
			if !slices.ContainsFunc(gn.need, func(x string) bool { return m.Implies(x, s) }) && !slices.Contains(out, s) {
				out = append(out, s)
			}
		}
	}
	sortScopes(m, out)
	return out
}

// unresolvedText says how many calls could not be resolved and where the
// first few are; the scopes subcommand lists them all, with what each is.
func (c *checker) unresolvedText(g *authz.Grant, us []*CallNeed) string {
	var b strings.Builder
	if len(us) == 1 {
		b.WriteString("1 Atlassian call could not be resolved to an operation (")
	} else {
		fmt.Fprintf(&b, "%d Atlassian calls could not be resolved to operations (", len(us))
	}
	dir := filepath.Dir(g.At.File) // usually the module root: the descriptor's, or the grant's package
	if c.connect != nil {
		dir = filepath.Dir(c.connect.At.File)
	}
	for i, u := range us {
		if i == maxListed {
			fmt.Fprintf(&b, ", and %d more: see connectlint scopes", len(us)-maxListed)
			break
		}
		if i > 0 {
			b.WriteString(", ")
		}
		p := u.At
		p.File = rel(dir, p.File)
		b.WriteString(p.String())
	}
	b.WriteString(")")
	return b.String()
}

// entryRange is a grant entry's range in pass.Fset.
func (c *checker) entryRange(e authz.Entry) posRange {
	return posRange{posmap.Pos(c.pass.Fset, e.At), posmap.End(c.pass.Fset, e.At, e.End)}
}

func isAre(n int) string {
	if n == 1 {
		return "is"
	}
	return "are"
}
