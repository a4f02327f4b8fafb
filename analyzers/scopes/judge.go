package scopes

import (
	"fmt"
	"slices"
	"strings"

	"github.com/connectlint/connectlint/internal/apispec"
	"github.com/connectlint/connectlint/internal/authz"
)

// governing returns the grants that may authorize a call: those of the
// model its credential or host decides (authz.Governing), only the one its
// credential comes from when that is known, and every grant when nothing
// tells (the call is then covered when any grant covers it).
func governing(c *CallNeed, grants []*authz.Grant) []*authz.Grant {
	m := authz.Governing(c.Host, c.Auth)
	var out []*authz.Grant
	for _, g := range grants {
		if m == 0 || g.Model == m {
			out = append(out, g)
		}
	}
	if c.Auth.Key != "" {
		var keyed []*authz.Grant
		for _, g := range out {
			if g.Issues(c.Auth.Key) {
				keyed = append(keyed, g)
			}
		}
		if len(keyed) > 0 {
			return keyed
		}
	}
	return out
}

// complete reports whether every grant that may govern the call is one a
// package sees whatever imports it: the call is judged by Connect scopes,
// which only files declare, or by the grant its credential names.
func complete(c *CallNeed, gov []*authz.Grant) bool {
	if authz.Governing(c.Host, c.Auth) == authz.Connect {
		return true
	}
	return slices.ContainsFunc(gov, func(g *authz.Grant) bool { return g.Issues(c.Auth.Key) })
}

// verdict is the judgement of a call under its governing grants.
type verdict struct {
	cov authz.Coverage
	// For Missing: each grant that lacks what the call needs, with the
	// candidate operation to ask for and the scopes to add.
	lacks []lack
}

type lack struct {
	grant *authz.Grant
	op    *apispec.Operation
	req   authz.Requirement
	add   []string
}

// judge decides a call with candidate operations ops under grants gov: it
// is covered when some grant covers some candidate; never grantable when
// no grant's model can grant any candidate; unknown when the table or a
// partial grant leaves it open (or no grant governs it); else missing.
func judge(ops []*apispec.Operation, gov []*authz.Grant) verdict {
	if len(gov) == 0 || len(ops) == 0 {
		return verdict{cov: authz.Unknown}
	}
	never, unknown := true, false
	var lacks []lack
	for _, g := range gov {
		m := authz.ModelOf(g.Model)
		var best *lack
		for _, op := range ops {
			req := m.Requirement(op)
			switch g.Judge(req) {
			case authz.Covered:
				return verdict{cov: authz.Covered}
			case authz.Unknown:
				unknown = true
				never = false
			case authz.Missing:
				never = false
				l := lack{grant: g, op: op, req: req, add: g.ToAdd(req)}
				if best == nil || lessLack(l, *best) {
					best = &l
				}
			}
		}
		if best != nil {
			lacks = append(lacks, *best)
		}
	}
	switch {
	case never:
		return verdict{cov: authz.Never}
	case unknown:
		return verdict{cov: authz.Unknown}
	}
	return verdict{cov: authz.Missing, lacks: lacks}
}

// lessLack prefers the candidate that needs fewer scopes added, then the
// lesser Connect scope (a scope implies only scopes before it, so the
// first is implied by no other candidate's), keeping table order.
func lessLack(a, b lack) bool {
	if len(a.add) != len(b.add) {
		return len(a.add) < len(b.add)
	}
	return a.op.Scope < b.op.Scope
}

// missingMessage words a missing-scope finding: what the call needs, in
// the family each grant uses, and what each grant holds.
func missingMessage(c *CallNeed, ops []*apispec.Operation, v verdict) string {
	var needs, holds []string
	for _, l := range v.lacks {
		m := authz.ModelOf(l.grant.Model)
		if n := authz.NeedText(m, l.grant.Granted(), l.req); !slices.Contains(needs, n) {
			needs = append(needs, n)
		}
		holds = append(holds, l.grant.Describe()+" "+l.grant.Verb()+" "+l.grant.Text())
	}
	need := strings.Join(needs, " or ")
	first := v.lacks[0].op
	var what string
	if len(ops) == 1 || sameOpsRoute(ops) {
		what = fmt.Sprintf("%s needs %s", spelled(first.Route(), c.Request), need)
	} else if rest, ok := strings.CutPrefix(need, "scope "); ok && len(needs) == 1 {
		what = fmt.Sprintf("%s matches %d operations; the least scope any of them needs is %s (%s)", c.Request, len(ops), rest, spelled(first.Route(), c.Request))
	} else {
		what = fmt.Sprintf("%s matches %d operations; the least any of them needs is %s (%s)", c.Request, len(ops), need, spelled(first.Route(), c.Request))
	}
	return what + "; " + strings.Join(holds, "; ")
}

// neverMessage words an inaccessible-endpoint finding.
func neverMessage(c *CallNeed, ops []*apispec.Operation, gov []*authz.Grant) string {
	what := spelled(ops[0].Route(), c.Request)
	if !sameOpsRoute(ops) {
		what = fmt.Sprintf("%s (all %d operations it may be)", c.Request, len(ops))
	}
	var models []string
	for _, g := range gov {
		name := "Connect apps"
		if g.Model == authz.OAuth {
			name = "OAuth 2.0 apps"
		}
		if !slices.Contains(models, name) {
			models = append(models, name)
		}
	}
	if len(models) == 1 && models[0] == "OAuth 2.0 apps" {
		return what + " is not available to OAuth 2.0 apps: no OAuth scope grants it"
	}
	return what + " is not accessible to " + strings.Join(models, " or ") + ": no scope grants it"
}

func sameOpsRoute(ops []*apispec.Operation) bool {
	for _, op := range ops[1:] {
		if op.Route() != ops[0].Route() {
			return false
		}
	}
	return true
}
