// Package connect models Atlassian Connect: the app descriptor
// (atlassian-connect.json) and the scope lattice.
package connect

import "github.com/connectlint/connectlint/internal/jsonpos"

// Span is a byte range [Offset, End) in the descriptor file.
type Span = jsonpos.Span

// String is a descriptor string value with its position. Template is true
// when the value contains a placeholder whose real value is unknown until
// build or deploy time: a Go template action ("{{ .BaseURL }}") or a
// ${...} property ("${addon.base-url}", as atlassian-connect-spring-boot
// and build tools fill in).
type String struct {
	Value    string
	Template bool
	Span     Span
}

// ScopeEntry is one element of the descriptor's "scopes" array.
type ScopeEntry struct {
	Raw   string // as written
	Scope Scope  // ScopeUnknown when Raw is not a declarable Connect scope
	Span  Span   // the string literal, quotes included

	// Template is true when Raw holds a placeholder (a Go template action
	// or ${...}): the scope is decided at deploy time, so the declared set
	// is not fully known.
	Template bool
}

// Module is one entry of a module array, e.g. modules.webhooks[3].
type Module struct {
	Type  string // the key under "modules": "webhooks", "generalPages", ...
	Index int    // position in that array (0 when the module is an object)
	Key   string // the module's "key", if any
	Event string // webhooks: the "event"
	URL   String // the module's "url", if any
	Span  Span   // the module object
}

// Descriptor is the typed view of atlassian-connect.json that analyzers
// share. Fields absent from the file are zero; Span of an absent value is
// the zero Span.
type Descriptor struct {
	Path string // absolute path of the file

	Key     String
	BaseURL String

	AuthenticationType String // "jwt", "none", ...

	// Scopes are the declared scopes in file order. ScopesSpan covers the
	// whole array ("[" to "]") so a fix can insert into it; it is the zero
	// Span when the descriptor has no "scopes" key.
	Scopes     []ScopeEntry
	ScopesSpan Span

	Lifecycle     map[string]String // "installed", "uninstalled", "enabled", "disabled"
	APIMigrations map[string]bool   // "signed-install", "context-qsh", "gdpr"

	Modules []Module

	// Templated is true when any value holds a placeholder (see String).
	Templated bool

	// Root is the parsed JSON object, for positions of anything the typed
	// fields above do not cover.
	Root *jsonpos.Value
}

// DeclaredScopes returns the distinct known scopes declared.
func (d *Descriptor) DeclaredScopes() []Scope {
	var out []Scope
	seen := map[Scope]bool{}
	for _, e := range d.Scopes {
		if e.Scope != ScopeUnknown && !seen[e.Scope] {
			seen[e.Scope] = true
			out = append(out, e.Scope)
		}
	}
	return out
}
