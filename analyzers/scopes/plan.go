package scopes

import (
	"slices"

	"github.com/connectlint/connectlint/internal/authz"
	"github.com/connectlint/connectlint/internal/connect"
	"github.com/connectlint/connectlint/internal/forge"
)

// A Plan lists the scopes a grant of one model must hold for the
// program's calls and features, each with what needs it: what the scopes
// subcommand prints.
type Plan struct {
	Model authz.ModelID
	// Family is "classic" or "granular" for OAuth 2.0 ("" for Connect):
	// the family asked for. An operation with no scope of that family
	// (Confluence v2 and Jira Software have only granular ones) is asked
	// for in the other.
	Family string
	Scopes []PlanScope
	// NoScope are the calls that need no scope; Never the calls no scope
	// of the model grants.
	NoScope, Never []Reason
	// Unresolved are the calls whose operation is not known, or whose
	// candidate operations need different scopes.
	Unresolved []Unresolved
}

// PlanScope is a scope and what needs it.
type PlanScope struct {
	Scope   string
	Reasons []Reason
}

// Reason is one thing that needs a scope.
type Reason struct {
	What string // "GET /rest/api/3/issue/{issueIdOrKey}", "webhook jira:issue_updated"
	Via  string // how the call is made: "net/http", a wrapper, a library, "descriptor"
	At   authz.Position
}

// Unresolved is a call whose needs are not known.
type Unresolved struct {
	Reason
	Candidates int      // operations it may be (0: it matches none)
	Scopes     []string // the scopes one of which it needs; none when unknown
}

// viaDescriptor is the Via of reasons that come from the descriptor.
const viaDescriptor = "descriptor"

// PlanFor works out the plan of model m (and OAuth family "classic" or
// "granular") for the program's needs. Calls another model governs (a
// Connect JWT call in an OAuth 2.0 plan, a call through api.atlassian.com
// in a Connect plan) are left out: they need nothing of m's grants.
// With everyCall, every call counts: what the code would need if all its
// calls were made in model m.
func PlanFor(prog *Needs, m authz.Model, family string, everyCall bool) *Plan {
	p := planFor(prog, m, family, everyCall)
	p.sort()
	return p
}

// ForgePlanFor is the plan of a Forge app's manifest.yml: the OAuth 2.0
// scopes of every call, as a Forge remote makes them all with the app
// system or user token (whatever credential the code uses today), and the
// scopes of those tokens: read:app-user-token for the calls made with the
// user token and for acting as a user, read:app-system-token for the
// others.
func ForgePlanFor(prog *Needs, family string) *Plan {
	p := planFor(prog, authz.ModelOf(authz.OAuth), family, true)
	// Forge issues no refresh tokens; the token scopes are added per call
	// below.
	p.Scopes = slices.DeleteFunc(p.Scopes, func(s PlanScope) bool {
		return s.Scope == authz.OfflineAccess || s.Scope == forge.SystemTokenScope || s.Scope == forge.UserTokenScope
	})
	for i := range prog.Calls {
		cn := &prog.Calls[i]
		scope := forge.SystemTokenScope
		if cn.Auth.Key == authz.ForgeUserKey {
			scope = forge.UserTokenScope
		}
		p.add(scope, Reason{What: cn.What(), Via: cn.Via, At: cn.At})
	}
	for _, f := range prog.Features {
		if f.Model == authz.Connect && f.Scope == connect.ActAsUser.String() {
			p.add(forge.UserTokenScope, Reason{What: f.What, At: f.At})
		}
	}
	p.sort()
	return p
}

// add records that r needs scope, once per place and text.
func (p *Plan) add(scope string, r Reason) {
	for i := range p.Scopes {
		if p.Scopes[i].Scope == scope {
			if !slices.ContainsFunc(p.Scopes[i].Reasons, func(x Reason) bool { return x.At == r.At && x.What == r.What }) {
				p.Scopes[i].Reasons = append(p.Scopes[i].Reasons, r)
			}
			return
		}
	}
	p.Scopes = append(p.Scopes, PlanScope{Scope: scope, Reasons: []Reason{r}})
}

// sort orders the scopes as sortScopes does.
func (p *Plan) sort() {
	names := p.Names()
	sortScopes(authz.ModelOf(p.Model), names)
	slices.SortFunc(p.Scopes, func(a, b PlanScope) int {
		return slices.Index(names, a.Scope) - slices.Index(names, b.Scope)
	})
}

func planFor(prog *Needs, m authz.Model, family string, everyCall bool) *Plan {
	p := &Plan{Model: m.ID(), Family: family}
	add := p.add
	for i := range prog.Calls {
		cn := &prog.Calls[i]
		if gov := authz.Governing(cn.Host, cn.Auth); !everyCall && gov != 0 && gov != m.ID() {
			continue
		}
		r := Reason{What: cn.What(), Via: cn.Via, At: cn.At}
		ops := cn.Ops()
		var first authz.Requirement
		var firstAlt, possible []string
		agree := len(ops) > 0
		for k, op := range ops {
			req := m.Requirement(op)
			alt := familyAlt(m, req, family)
			for _, s := range alt {
				if !slices.Contains(possible, s) {
					possible = append(possible, s)
				}
			}
			if k == 0 {
				first, firstAlt = req, alt
			} else if req.Kind != first.Kind || !slices.Equal(alt, firstAlt) {
				agree = false
			}
		}
		switch {
		case !agree || first.Kind == authz.NotKnown:
			u := Unresolved{Reason: Reason{What: cn.Request, Via: cn.Via, At: cn.At}, Candidates: len(ops)}
			if agree {
				u.Candidates = 0 // the table does not say what it needs
			} else {
				u.Scopes = possible
				sortScopes(m, u.Scopes)
			}
			p.Unresolved = append(p.Unresolved, u)
		case first.Kind == authz.NoScope:
			p.NoScope = append(p.NoScope, r)
		case first.Kind == authz.Inaccessible:
			p.Never = append(p.Never, r)
		default:
			for _, s := range firstAlt {
				add(s, r)
			}
		}
	}
	for _, f := range prog.Features {
		if f.Model == m.ID() {
			via := ""
			if f.Model == authz.Connect && f.Scope == "READ" {
				via = viaDescriptor
			}
			add(m.Canonical(f.Scope), Reason{What: f.What, Via: via, At: f.At})
		}
	}
	return p
}

// familyAlt is the alternative of req in the family asked for, else the
// other one (Connect has one).
func familyAlt(m authz.Model, req authz.Requirement, family string) []string {
	if req.Kind != authz.NeedsScopes {
		return nil
	}
	for _, alt := range req.Alternatives {
		if family == "" || len(alt) > 0 && authz.Classic(alt[0]) == (family == "classic") {
			return alt
		}
	}
	return req.Alternatives[0]
}

// Names returns the plan's scopes.
func (p *Plan) Names() []string {
	out := make([]string, len(p.Scopes))
	for i, s := range p.Scopes {
		out[i] = s.Scope
	}
	return out
}

// Holders are the grants a plan is compared with: the grants of its model,
// and for OAuth 2.0 those that use its family (a grant that holds a classic
// scope, or none, uses the classic family).
func (p *Plan) Holders(grants []*authz.Grant) []*authz.Grant {
	var out []*authz.Grant
	for _, g := range grants {
		if g.Model != p.Model {
			continue
		}
		if p.Model == authz.OAuth {
			// offline_access and the like belong to neither family.
			names := slices.DeleteFunc(g.Names(), func(n string) bool { return !authz.Classic(n) && !authz.Granular(n) })
			classic := len(names) == 0 || slices.ContainsFunc(names, authz.Classic)
			if classic != (p.Family == "classic") {
				continue
			}
		}
		out = append(out, g)
	}
	return out
}

// Status compares the plan with its holders (see Holders): the needed
// scopes they lack (none when a holder is partial: it may hold them), and
// the scopes they hold that the plan does not need (only scopes
// connectlint can judge, and none when a holder is partial or shared, or a
// call is unresolved).
func (p *Plan) Status(grants []*authz.Grant) (missing, excess []string) {
	m := authz.ModelOf(p.Model)
	holders := p.Holders(grants)
	var granted, entries []string
	partial, shared := false, false
	for _, g := range holders {
		partial = partial || g.Partial
		shared = shared || g.Shared
		granted = append(granted, g.Granted()...)
		for _, e := range g.Scopes {
			entries = append(entries, m.Canonical(e.Name))
		}
	}
	if len(holders) == 0 {
		return nil, nil
	}
	if partial {
		return nil, nil // it may hold anything
	}
	for _, s := range p.Names() {
		if !slices.ContainsFunc(granted, func(g string) bool { return m.Implies(g, s) }) {
			missing = append(missing, s)
		}
	}
	if shared || len(p.Unresolved) > 0 {
		return missing, nil // cannot tell what is excess
	}
	for _, e := range entries {
		if m.Judged(e) && !slices.Contains(excess, e) &&
			!slices.ContainsFunc(p.Names(), func(s string) bool { return m.Implies(s, e) }) {
			excess = append(excess, e)
		}
	}
	return missing, excess
}
