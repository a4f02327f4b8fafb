// Package forge models the Forge app manifest, manifest.yml, as far as
// connectlint needs it: the app id, Connect on Forge (app.connect), the
// remotes and endpoint modules of a Forge Remote with the tokens they pass
// to it, and the scopes under permissions.scopes. It also holds the scope
// names Forge accepts that the API table does not list, Atlassian's
// published Connect equivalents of OAuth 2.0 scopes, and a text edit that
// adds scopes to the manifest keeping its comments and layout.
//
// Parse keeps the byte position of every value it reports, so findings
// point at the exact text, as package connect does for the app descriptor.
package forge

import (
	"slices"

	"go.yaml.in/yaml/v3"

	"github.com/connectlint/connectlint/internal/connect"
	"github.com/connectlint/connectlint/internal/jsonpos"
)

// Span is a byte range [Offset, End) in the manifest file.
type Span = jsonpos.Span

// String is a manifest value with its position. Placeholder is true when
// the value holds a ${VAR} reference that the Forge CLI fills in from the
// environment at deploy time: its real value is unknown.
type String struct {
	Value       string
	Placeholder bool
	Span        Span
}

// A Flag is a boolean such as auth.appSystemToken.enabled. Span is the
// zero Span when the manifest does not set it.
type Flag struct {
	Enabled bool
	Span    Span
}

// Auth says which tokens Forge passes to a remote (auth.appSystemToken and
// auth.appUserToken of an endpoint module or a remotes entry).
type Auth struct {
	System Flag // sent as the x-forge-oauth-system header
	User   Flag // sent as the x-forge-oauth-user header
}

// Remote is one entry of the remotes list.
type Remote struct {
	Key     String
	BaseURL String // "" when baseUrl is a map of region URLs
	Auth    Auth   // used when a Forge function invokes the remote
	Span    Span   // the entry
}

// Endpoint is one modules.endpoint entry: the remote a UI module or a
// trigger invokes, and the tokens Forge passes with the invocation.
type Endpoint struct {
	Key    String
	Remote String
	Route  String // route.path
	Auth   Auth
	Span   Span // the entry
}

// Connect is app.connect: the manifest of a Connect app on Forge.
type Connect struct {
	Key            String
	Remote         String
	Authentication String
	Span           Span // the "connect" key
}

// ScopeForm is how permissions.scopes is written.
type ScopeForm uint8

const (
	NoScopes  ScopeForm = iota // no permissions.scopes key
	ScopeList                  // a list of names
	ScopeMap                   // a map from names to {allowImpersonation: bool}
)

// Scope is one declared scope.
type Scope struct {
	Name string
	Span Span // the name's text, quotes included
	// AllowImpersonation is the map form's allowImpersonation: true.
	AllowImpersonation bool
	// Placeholder is true for a ${VAR} name: the scope is decided at
	// deploy time.
	Placeholder bool
}

// Manifest is the typed view of manifest.yml that analyzers share. Fields
// absent from the file are zero.
type Manifest struct {
	Path string // absolute path of the file

	AppID   String
	Connect *Connect // nil unless app.connect is present

	// ConnectModules is the connectModules key; the zero Span when absent.
	ConnectModules Span

	Remotes   []Remote
	Endpoints []Endpoint

	// Scopes are permissions.scopes in file order, duplicates included.
	Scopes    []Scope
	ScopeForm ScopeForm
	// ScopesSpan is the permissions.scopes key, or the permissions key
	// when it has no scopes, or the zero Span when there is neither.
	ScopesSpan Span
	// Partial is true when some scope is a placeholder or not a string:
	// the manifest may declare more than Scopes says.
	Partial bool

	// Root is the parsed document's top mapping, for positions of anything
	// the typed fields do not cover; nil when the file is not a mapping.
	Root *yaml.Node

	pos *positions
}

// Offset returns the byte offset of a node of Root, for positions.
func (m *Manifest) Offset(n *yaml.Node) int {
	if m == nil || m.pos == nil || n == nil {
		return 0
	}
	return m.pos.offset(n.Line, n.Column)
}

// SystemTokenEnabled reports whether some endpoint module or remote makes
// Forge send the app system token (x-forge-oauth-system).
func (m *Manifest) SystemTokenEnabled() bool {
	return m.anyAuth(func(a Auth) bool { return a.System.Enabled })
}

// UserTokenEnabled reports whether some endpoint module or remote makes
// Forge send the app user token (x-forge-oauth-user).
func (m *Manifest) UserTokenEnabled() bool {
	return m.anyAuth(func(a Auth) bool { return a.User.Enabled })
}

func (m *Manifest) anyAuth(f func(Auth) bool) bool {
	if m == nil {
		return false
	}
	for _, e := range m.Endpoints {
		if f(e.Auth) {
			return true
		}
	}
	for _, r := range m.Remotes {
		if f(r.Auth) {
			return true
		}
	}
	return false
}

// IsConnectOnForge reports whether the manifest belongs to a Connect app
// on Forge (app.connect). Atlassian then enforces the manifest's scopes,
// and any atlassian-connect.json's scopes are ignored.
func (m *Manifest) IsConnectOnForge() bool { return m != nil && m.Connect != nil }

// HasScope reports whether the manifest declares the scope, by name.
func (m *Manifest) HasScope(name string) bool {
	return m != nil && slices.ContainsFunc(m.Scopes, func(s Scope) bool { return s.Name == name })
}

// ConnectScopes returns the distinct Connect scopes the manifest declares
// in their Connect-on-Forge spelling (read:connect-jira is READ).
func (m *Manifest) ConnectScopes() []connect.Scope {
	var out []connect.Scope
	if m == nil {
		return nil
	}
	for _, s := range m.Scopes {
		if c, ok := ConnectScope(s.Name); ok && !slices.Contains(out, c) {
			out = append(out, c)
		}
	}
	return out
}

// OAuthScopes returns the declared scopes that are not Connect scopes,
// in file order, each once.
func (m *Manifest) OAuthScopes() []Scope {
	var out []Scope
	if m == nil {
		return nil
	}
	seen := map[string]bool{}
	for _, s := range m.Scopes {
		if _, ok := ConnectScope(s.Name); ok || s.Placeholder || seen[s.Name] {
			continue
		}
		seen[s.Name] = true
		out = append(out, s)
	}
	return out
}

// ServesOtherCode reports whether the manifest's scopes also serve code
// that runs on Forge rather than in the Go remote: function modules
// (JavaScript resolvers, triggers, UI Kit) or resources (Custom UI, whose
// frontend calls product APIs through the bridge). The Go code is then not
// all the code the scopes serve.
func (m *Manifest) ServesOtherCode() bool {
	if m == nil || m.Root == nil {
		return false
	}
	if fn := get(get(m.Root, "modules"), "function"); fn != nil && len(fn.Content) > 0 {
		return true
	}
	r := get(m.Root, "resources")
	return r != nil && len(r.Content) > 0
}
