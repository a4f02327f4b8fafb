package scopes

import (
	"fmt"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/connectlint/connectlint/analyzers/manifest"
	"github.com/connectlint/connectlint/analyzers/restcalls"
	"github.com/connectlint/connectlint/internal/authz"
	"github.com/connectlint/connectlint/internal/forge"
	"github.com/connectlint/connectlint/internal/posmap"
)

// manifestGrants are the grants of a Forge manifest: its Connect scopes
// (read:connect-jira, ...) as a Connect grant when the manifest belongs to
// a Connect app on Forge, and its OAuth 2.0 scopes as the grant behind the
// app system and user tokens. A manifest whose scopes also serve Forge
// functions or Custom UI, which connectlint does not see, holds shared
// grants: never excess.
func manifestGrants(res *manifest.Result) (connectGrant, oauthGrant *authz.Grant) {
	if res == nil || res.Manifest == nil || res.File == nil {
		return nil, nil
	}
	m := res.Manifest
	at := authz.Position{File: m.Path}
	shared := m.ServesOtherCode()
	if m.IsConnectOnForge() {
		connectGrant = &authz.Grant{Model: authz.Connect, Kind: "manifest.yml", At: at, Partial: m.Partial, Shared: shared}
	}
	if !m.IsConnectOnForge() || len(m.OAuthScopes()) > 0 || m.SystemTokenEnabled() || m.UserTokenEnabled() {
		oauthGrant = &authz.Grant{Model: authz.OAuth, Kind: "manifest.yml", At: at, Partial: m.Partial, Shared: shared, Key: authz.ForgeManifestKey}
	}
	for _, s := range m.Scopes {
		if s.Placeholder {
			continue
		}
		e := authz.Entry{Name: s.Name, At: manifestPosition(res, s.Span.Offset), End: s.Span.End}
		switch _, isConnect := forge.ConnectScope(s.Name); {
		case isConnect && connectGrant != nil:
			connectGrant.Scopes = append(connectGrant.Scopes, e)
		case !isConnect && oauthGrant != nil:
			oauthGrant.Scopes = append(oauthGrant.Scopes, e)
		}
	}
	return connectGrant, oauthGrant
}

// manifestPosition is the position of a byte offset in the manifest.
func manifestPosition(res *manifest.Result, offset int) authz.Position {
	p := res.File.Position(res.Pos(offset))
	return authz.Position{File: p.Filename, Line: p.Line, Column: p.Column, Offset: p.Offset}
}

// forgeTokenFeatures are the scopes the package's calls with a Forge token
// need of the manifest: read:app-system-token for the app system token,
// read:app-user-token for the user token, once per package each. A
// manifest that lacks one gets missing-scope at the first such call.
func (c *checker) forgeTokenFeatures(calls *restcalls.Result) []Feature {
	var out []Feature
	seen := map[string]bool{}
	for _, call := range calls.Calls {
		var scope string
		switch call.Auth.Key {
		case authz.ForgeSystemKey:
			scope = forge.SystemTokenScope
		case authz.ForgeUserKey:
			scope = forge.UserTokenScope
		default:
			continue
		}
		if seen[scope] || call.Nested || c.inTestFile(call.Pos) {
			continue
		}
		seen[scope] = true
		what := "a call with " + call.Auth.What
		at := c.position(call.Pos)
		out = append(out, Feature{Model: authz.OAuth, Scope: scope, What: what, At: at})
		g := c.forgeOAuth
		if g == nil || g.Partial || g.Has(scope) {
			continue
		}
		pos := posmap.Pos(c.pass.Fset, at)
		c.missing = append(c.missing, missingCall{
			diag: ruleMissing.Diagnostic(pos, call.End, fmt.Sprintf("%s needs OAuth 2.0 scope %s; %s %s %s",
				what, scope, g.Describe(), g.Verb(), g.Text())),
			lacks: []lack{{grant: g, add: []string{scope}}},
		})
	}
	return out
}

// manifestFix adds the scopes the manifest's grants lack to its
// permissions.scopes, keeping its layout and comments. Connect scopes are
// written as Connect on Forge spells them, in the product the manifest's
// Connect scopes already name.
func (c *checker) manifestFix(gs []*authz.Grant, adds map[*authz.Grant][]string) (analysis.SuggestedFix, bool) {
	res := c.man
	if len(gs) == 0 || res == nil || res.Manifest == nil || res.File == nil {
		return analysis.SuggestedFix{}, false
	}
	var names []string
	for _, g := range gs {
		for _, s := range adds[g] {
			if g.Model == authz.Connect {
				x, ok := authz.ConnectScope(s)
				if !ok {
					return analysis.SuggestedFix{}, false
				}
				if s = forge.ConnectScopeName(x, manifestProduct(res.Manifest)); s == "" {
					return analysis.SuggestedFix{}, false
				}
			}
			names = append(names, s)
		}
	}
	edits, err := forge.AddScopes(res.Manifest, res.Data, names)
	if err != nil || len(edits) == 0 {
		return analysis.SuggestedFix{}, false
	}
	fix := analysis.SuggestedFix{Message: fmt.Sprintf("Add %s to the permissions.scopes of %s", strings.Join(names, ", "), gs[0].Describe())}
	for _, e := range edits {
		fix.TextEdits = append(fix.TextEdits, analysis.TextEdit{Pos: res.Pos(e.Offset), End: res.Pos(e.End), NewText: []byte(e.New)})
	}
	return fix, true
}

// manifestProduct is the product of the manifest's Connect scopes:
// "confluence" when they are written for Confluence, else "jira".
func manifestProduct(m *forge.Manifest) string {
	for _, s := range m.Scopes {
		if _, ok := forge.ConnectScope(s.Name); ok && strings.HasSuffix(s.Name, ":connect-confluence") {
			return "confluence"
		}
	}
	return "jira"
}
