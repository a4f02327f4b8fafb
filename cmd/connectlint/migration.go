package main

import (
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/connectlint/connectlint/analyzers/scopes"
	"github.com/connectlint/connectlint/internal/authz"
	"github.com/connectlint/connectlint/internal/connect"
	"github.com/connectlint/connectlint/internal/forge"
)

// migration is what scopes -for forge compares a Forge plan with: the
// Connect scopes the app holds today (a descriptor's, or a Connect-on-Forge
// manifest's), by Atlassian's published equivalents.
type migration struct {
	connect []connect.Scope // empty when the app has no Connect scopes
}

func newMigration(grants []*authz.Grant) *migration {
	mig := &migration{}
	for _, g := range grants {
		if g.Model != authz.Connect {
			continue
		}
		for _, n := range g.Granted() {
			if s, ok := authz.ConnectScope(n); ok && !slices.Contains(mig.connect, s) {
				mig.connect = append(mig.connect, s)
			}
		}
	}
	slices.Sort(mig.connect)
	return mig
}

// active reports whether there are Connect scopes to compare with.
func (m *migration) active() bool { return m != nil && len(m.connect) > 0 }

// The verdicts on an OAuth 2.0 scope when a Connect app moves to Forge.
const (
	migrationWithin      = "within"      // its equivalent is among the Connect scopes held
	migrationBeyond      = "beyond"      // its equivalent is broader: the update needs admin approval
	migrationUnmapped    = "unmapped"    // Atlassian marks it UNMAPPED: the update needs admin approval
	migrationUnpublished = "unpublished" // no published equivalent
)

type migrationJSON struct {
	Scope      string `json:"scope"`
	Equivalent string `json:"equivalent,omitempty"` // the published Connect equivalent
	Status     string `json:"status"`               // within, beyond, unmapped or unpublished
}

func (m *migration) json(scope string) migrationJSON {
	e := forge.ConnectEquivalent(scope)
	out := migrationJSON{Scope: scope}
	switch e.Kind {
	case forge.Mapped:
		out.Equivalent = e.Connect.String()
		out.Status = migrationBeyond
		if connect.Covers(m.connect, e.Connect) {
			out.Status = migrationWithin
		}
	case forge.Unmapped:
		out.Status = migrationUnmapped
	default:
		out.Status = migrationUnpublished
	}
	return out
}

// text is the verdict on scope in words.
func (m *migration) text(scope string) string {
	j := m.json(scope)
	switch j.Status {
	case migrationWithin:
		return "within the Connect scopes (" + j.Equivalent + ")"
	case migrationBeyond:
		return "beyond the Connect scopes (its equivalent is " + j.Equivalent + "): the update needs admin approval"
	case migrationUnmapped:
		return "UNMAPPED by Atlassian: the update needs admin approval"
	}
	return "no published Connect equivalent"
}

// writeBlock prints the permissions: block to paste into manifest.yml,
// each scope with its verdict as a comment when there are Connect scopes
// to compare with.
func (m *migration) writeBlock(w io.Writer, p *scopes.Plan) {
	if m.active() {
		fmt.Fprintf(w, "# compared with the Connect scopes %s by Atlassian's published equivalents:\n# %s\n", scopeList(m.connect), forge.EquivalencesSource)
	}
	fmt.Fprintln(w, "permissions:")
	if len(p.Scopes) == 0 {
		fmt.Fprintln(w, "  scopes: []")
		return
	}
	fmt.Fprintln(w, "  scopes:")
	for _, s := range p.Scopes {
		if m.active() {
			fmt.Fprintf(w, "    - %s\t# %s\n", s.Scope, m.text(s.Scope))
		} else {
			fmt.Fprintf(w, "    - %s\n", s.Scope)
		}
	}
}

func scopeList(ss []connect.Scope) string {
	names := make([]string, len(ss))
	for i, s := range ss {
		names[i] = s.String()
	}
	return strings.Join(names, ", ")
}

// manifestGrants are the grants of Forge manifests, which a Forge plan is
// compared with.
func manifestGrants(grants []*authz.Grant) []*authz.Grant {
	var out []*authz.Grant
	for _, g := range grants {
		if g.Model == authz.OAuth && g.Kind == "manifest.yml" {
			out = append(out, g)
		}
	}
	return out
}

// forgeFamily is the OAuth 2.0 family to ask for: granular when the
// manifest holds only granular scopes, else classic.
func forgeFamily(grants []*authz.Grant) string {
	classic, granular := false, false
	for _, g := range grants {
		for _, n := range g.Names() {
			classic = classic || authz.Classic(n) && forge.RESTScope(n)
			granular = granular || authz.Granular(n) && forge.RESTScope(n)
		}
	}
	if granular && !classic {
		return "granular"
	}
	return "classic"
}
