package forge

import (
	_ "embed"
	"fmt"
	"slices"
	"strings"
	"sync"

	"github.com/connectlint/connectlint/internal/apispec"
	"github.com/connectlint/connectlint/internal/connect"
	"github.com/connectlint/connectlint/internal/textutil"
)

// The Forge scopes a remote backend needs to receive the tokens it calls
// product REST APIs with (see Auth).
const (
	SystemTokenScope = "read:app-system-token"
	UserTokenScope   = "read:app-user-token"
)

// connectVerbs maps the prefix of a Connect-on-Forge scope to its Connect
// scope. Jira's family has project-admin, Confluence's space-admin, as the
// Connect scopes of each product do.
var connectVerbs = map[string]connect.Scope{
	"read":                   connect.Read,
	"write":                  connect.Write,
	"delete":                 connect.Delete,
	"project-admin":          connect.ProjectAdmin,
	"space-admin":            connect.SpaceAdmin,
	"admin":                  connect.Admin,
	"act-as-user":            connect.ActAsUser,
	"access-email-addresses": connect.AccessEmailAddresses,
}

// ConnectScope parses a Connect scope in the spelling a Connect app on
// Forge declares it in manifest.yml: read:connect-jira is READ,
// space-admin:connect-confluence is SPACE_ADMIN. Such a scope grants
// exactly what the Connect scope grants (the lattice of package connect).
func ConnectScope(name string) (connect.Scope, bool) {
	verb, product, ok := strings.Cut(name, ":")
	if !ok {
		return connect.ScopeUnknown, false
	}
	s, ok := connectVerbs[verb]
	switch {
	case !ok:
		return connect.ScopeUnknown, false
	case product == "connect-jira" && s != connect.SpaceAdmin,
		product == "connect-confluence" && s != connect.ProjectAdmin:
		return s, true
	}
	return connect.ScopeUnknown, false
}

// ConnectScopeName is the Connect-on-Forge spelling of a declarable Connect
// scope for a product ("jira" or "confluence"): READ, "jira" is
// read:connect-jira. It is "" for NONE, INACCESSIBLE and a scope the
// product lacks (SPACE_ADMIN in Jira).
func ConnectScopeName(s connect.Scope, product string) string {
	for verb, c := range connectVerbs {
		if c == s {
			name := verb + ":connect-" + product
			if got, ok := ConnectScope(name); ok && got == s {
				return name
			}
		}
	}
	return ""
}

//go:embed scopes.txt
var forgeOnlyText string

// ForgeOnlyScopes returns the scope names Forge accepts that no operation
// of the API table lists (scopes.txt, with its sources), sorted.
func ForgeOnlyScopes() []string { return slices.Clone(forgeOnly()) }

var forgeOnly = sync.OnceValue(func() []string {
	var out []string
	for line := range strings.Lines(forgeOnlyText) {
		if line, _, _ = strings.Cut(line, "#"); strings.TrimSpace(line) != "" {
			out = append(out, strings.TrimSpace(line))
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
})

// restScopes are the OAuth 2.0 scopes some operation of the API table
// lists, classic or granular.
var restScopes = sync.OnceValue(func() map[string]bool {
	m := map[string]bool{}
	for _, op := range apispec.Operations() {
		for _, s := range op.OAuth {
			m[s] = true
		}
		for _, s := range op.OAuthBeta {
			m[s] = true
		}
	}
	return m
})

// KnownScope reports whether name is a scope connectlint knows a Forge
// manifest may declare: an OAuth 2.0 scope of the API table, a Forge or
// product scope of ForgeOnlyScopes, or a Connect-on-Forge scope.
func KnownScope(name string) bool {
	if restScopes()[name] {
		return true
	}
	if _, ok := ConnectScope(name); ok {
		return true
	}
	_, found := slices.BinarySearch(forgeOnly(), name)
	return found
}

// RESTScope reports whether some REST operation of the API table lists the
// OAuth 2.0 scope, so that the calls the code makes decide whether the app
// needs it. Scopes for which it is false (storage:app, report:personal-data,
// read:chat:rovo, scopes of APIs outside the table) are for things Go code
// analysis cannot see and are never excess. read:app-system-token and
// read:app-user-token are false too: the tokens the code reads decide them.
func RESTScope(name string) bool { return restScopes()[name] }

// UnknownScopes reports the manifest's scopes that are misspellings of a
// scope connectlint knows: a name far from every known scope is left alone,
// as it may belong to a product connectlint does not cover. A Connect
// scope written as in atlassian-connect.json (READ) is named in the
// manifest's spelling.
func UnknownScopes(m *Manifest) []Problem {
	if m == nil {
		return nil
	}
	var out []Problem
	for _, s := range m.Scopes {
		if s.Placeholder || KnownScope(s.Name) {
			continue
		}
		if c, ok := connect.ParseScope(s.Name); ok && ConnectScopeName(c, "jira") != "" {
			out = append(out, Problem{s.Span, fmt.Sprintf("unknown scope %q: a Connect app on Forge declares the Connect scope %s as %s", s.Name, c, ConnectScopeName(c, "jira"))})
			continue
		}
		if best, ok := textutil.Nearest(s.Name, knownScopes(), max(2, len(s.Name)/6)); ok {
			out = append(out, Problem{s.Span, fmt.Sprintf("unknown scope %q; did you mean %s?", s.Name, best)})
		}
	}
	return out
}

// knownScopes lists every scope KnownScope accepts, sorted.
var knownScopes = sync.OnceValue(func() []string {
	out := slices.Clone(forgeOnly())
	for s := range restScopes() {
		out = append(out, s)
	}
	for verb := range connectVerbs {
		for _, product := range []string{"jira", "confluence"} {
			if _, ok := ConnectScope(verb + ":connect-" + product); ok {
				out = append(out, verb+":connect-"+product)
			}
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
})
