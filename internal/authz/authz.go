// Package authz is connectlint's model of Atlassian authorization: the
// grants an app holds, the scope models they are written in, and whether a
// grant covers a REST operation.
//
// A grant is a set of scopes declared in one place: the "scopes" of
// atlassian-connect.json, the Scopes of an OAuth 2.0 (3LO) client in the Go
// code, a Forge manifest's permissions. Each grant is written in one of two
// models:
//
//   - Connect: READ, WRITE, DELETE, PROJECT_ADMIN, SPACE_ADMIN, ADMIN,
//     ACT_AS_USER, ACCESS_EMAIL_ADDRESSES, ordered by implication (the
//     lattice of package connect); Connect on Forge writes them as
//     read:connect-jira, space-admin:connect-confluence, ...
//   - OAuth 2.0: classic scopes (read:jira-work) and granular ones
//     (read:issue:jira). Atlassian's API documentation lists, for each
//     operation, a classic set and a granular set; an app is granted the
//     operation when it holds every scope of one of the two sets.
//
// Both models answer the same questions through [Model], so that the rules
// judge every grant alike.
package authz

import (
	"fmt"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/connectlint/connectlint/internal/apispec"
)

// Position is a place in a file that survives the trip through analysis
// facts, which token.Pos does not. Offset is the byte offset (for fixes);
// Line and Column are 1-based.
type Position struct {
	File         string
	Line, Column int
	Offset       int
}

func (p Position) String() string {
	if p.Line == 0 {
		return p.File
	}
	return fmt.Sprintf("%s:%d:%d", p.File, p.Line, p.Column)
}

// Short is the file's base name and the line: "auth.go:31".
func (p Position) Short() string {
	if p.Line == 0 {
		return filepath.Base(p.File)
	}
	return fmt.Sprintf("%s:%d", filepath.Base(p.File), p.Line)
}

// IsValid reports whether p names a place.
func (p Position) IsValid() bool { return p.File != "" }

// A Grant is a set of scopes an app holds, as one place declares them.
type Grant struct {
	Model ModelID
	// Kind says what declares the grant: "atlassian-connect.json",
	// "oauth2.Config", "authorize URL", "go-atlassian OAuth",
	// "manifest.yml".
	Kind string
	// At is where the grant is declared: the descriptor, the oauth2.Config
	// literal, the authorize URL.
	At     Position
	Scopes []Entry
	// Implicit are scopes granted without an entry of their own (a library
	// that always adds offline_access): they cover calls and are never
	// excess.
	Implicit []string
	// Partial tells that some of the grant's scopes could not be resolved
	// (a scope list read from configuration): it may grant more than
	// Scopes says, so nothing is reported missing against it alone and
	// none of its scopes is excess.
	Partial bool
	// Shared tells that the grant also serves code connectlint does not
	// analyse (a Forge manifest's JavaScript functions and Custom UI): its
	// missing scopes are reported, but none of its scopes is excess.
	Shared bool
	// Key identifies the grant, so that a call whose credential comes from
	// it can be judged by it alone (see Issues).
	Key string
	// Insert is where -fix adds a scope; nil when it cannot.
	Insert *Insert
}

// An Entry is one declared scope.
type Entry struct {
	Name string
	At   Position // the scope's text
	End  int      // the byte offset just past it
}

// Insert says how to add scopes to a grant's list in its file: the text
// for scopes a, b is First+a+After+Before+b+After at Offset (Before instead
// of First when the list already has elements).
type Insert struct {
	File   string
	Offset int
	First  string // before the first added scope
	Before string // before each further one
	After  string // after each
	Quote  bool   // write scopes as Go string literals
}

// Text is the text that adds the scopes.
func (in *Insert) Text(scopes []string) string {
	var b strings.Builder
	for i, s := range scopes {
		if i == 0 {
			b.WriteString(in.First)
		} else {
			b.WriteString(in.Before)
		}
		if in.Quote {
			s = strconv.Quote(s)
		}
		b.WriteString(s + in.After)
	}
	return b.String()
}

// Granted returns every scope name the grant holds, in the model's
// canonical spelling.
func (g *Grant) Granted() []string {
	m := ModelOf(g.Model)
	out := make([]string, 0, len(g.Scopes)+len(g.Implicit))
	for _, e := range g.Scopes {
		out = append(out, m.Canonical(e.Name))
	}
	for _, s := range g.Implicit {
		out = append(out, m.Canonical(s))
	}
	return out
}

// Names returns the declared scope names as written, for messages.
func (g *Grant) Names() []string {
	out := make([]string, len(g.Scopes))
	for i, e := range g.Scopes {
		out[i] = e.Name
	}
	return out
}

// Describe names the grant for messages: "atlassian-connect.json", "the
// oauth2.Config at auth.go:31".
func (g *Grant) Describe() string {
	switch g.Kind {
	case "atlassian-connect.json", "manifest.yml":
		return filepath.Base(g.At.File)
	}
	return "the " + g.Kind + " at " + g.At.Short()
}

// Verb is the grant's verb for messages: a descriptor "declares", a client
// "grants" (it asks for those scopes at authorization).
func (g *Grant) Verb() string {
	switch g.Kind {
	case "atlassian-connect.json", "manifest.yml":
		return "declares"
	}
	return "grants"
}

// Text renders what the grant holds for messages: "READ, WRITE",
// "read:jira-work and scopes connectlint cannot resolve", "no scopes".
// Scopes are named canonically, each once.
func (g *Grant) Text() string {
	m := ModelOf(g.Model)
	var names []string
	for _, n := range g.Names() {
		c := m.Canonical(n)
		if g.Kind == "manifest.yml" {
			c = n // as the manifest spells it: read:connect-jira
		}
		if !slices.Contains(names, c) {
			names = append(names, c)
		}
	}
	switch {
	case len(names) == 0 && g.Partial:
		return "scopes connectlint cannot resolve"
	case len(names) == 0:
		return "no scopes"
	case g.Partial:
		return strings.Join(names, ", ") + " and scopes connectlint cannot resolve"
	}
	return strings.Join(names, ", ")
}

// Coverage is the verdict on a call under a grant.
type Coverage uint8

const (
	Unknown Coverage = iota // the table does not say what the call needs, or the grant is partial
	Covered                 // the grant holds what the call needs
	Missing                 // the grant lacks a scope the call needs
	Never                   // no scope of the model grants the call
)

func (c Coverage) String() string {
	return [...]string{"unknown", "covered", "missing", "never"}[c]
}

// Judge tells whether the grant covers the requirement.
func (g *Grant) Judge(req Requirement) Coverage {
	m := ModelOf(g.Model)
	switch req.Kind {
	case NoScope:
		return Covered
	case Inaccessible:
		return Never
	case NotKnown:
		return Unknown
	}
	granted := g.Granted()
	for _, alt := range req.Alternatives {
		if holdsAll(m, granted, alt) {
			return Covered
		}
	}
	if g.Partial {
		return Unknown
	}
	return Missing
}

// ToAdd returns the scopes to add to the grant for req, in the scope
// family the grant already uses (see Model.Prefer): the missing part of
// the preferred alternative.
func (g *Grant) ToAdd(req Requirement) []string {
	m := ModelOf(g.Model)
	granted := g.Granted()
	alt := m.prefer(granted, req.Alternatives)
	var out []string
	for _, s := range alt {
		if !holds(m, granted, s) {
			out = append(out, s)
		}
	}
	return out
}

// Has reports whether the grant declares the scope (by its canonical name).
func (g *Grant) Has(name string) bool {
	m := ModelOf(g.Model)
	return slices.Contains(g.Granted(), m.Canonical(name))
}

// Issues reports whether a credential with the key comes from the grant:
// the Forge app system and user tokens both hold a manifest's OAuth 2.0
// scopes.
func (g *Grant) Issues(key string) bool {
	if key == "" {
		return false
	}
	if g.Key == ForgeManifestKey {
		return key == ForgeSystemKey || key == ForgeUserKey
	}
	return g.Key == key
}

// VarKey is the Key of a grant held in a package-level variable.
func VarKey(pkgPath, name string) string { return pkgPath + "." + name }

// PosKey is the Key of a grant identified by where it is written.
func PosKey(p Position) string { return fmt.Sprintf("%s#%d", p.File, p.Offset) }

// Credential is what a request is authorized with, as far as the code
// shows it.
type Credential struct {
	// Model is the model of the grants that can authorize the request: a
	// Connect JWT is judged by Connect scopes, a client from an OAuth 2.0
	// configuration by OAuth 2.0 scopes; 0 when the code does not tell.
	Model ModelID
	What  string // "a Connect JWT", "an OAuth 2.0 client", "a bearer token", "basic auth"
	// Key is the Key of the grant the credential comes from, when known.
	Key string
}

// The Keys of the credentials Forge passes a remote backend: the app
// system token and the app user token, which hold the manifest's OAuth 2.0
// scopes (a manifest's OAuth grant has both keys' needs).
const (
	ForgeSystemKey = "forge:app-system-token"
	ForgeUserKey   = "forge:app-user-token"
	// ForgeManifestKey is the Key of a Forge manifest's OAuth 2.0 grant,
	// which issues both tokens.
	ForgeManifestKey = "forge:manifest"
)

// Governing returns the model a call is judged by: its credential's, else
// what its host accepts (api.atlassian.com takes only OAuth 2.0 tokens and
// scoped API tokens; an Atlassian site URL takes no OAuth 2.0 token, so
// scopes there are Connect's); 0 when any grant may govern it.
func Governing(host apispec.Host, cred Credential) ModelID {
	switch {
	case cred.Model != 0:
		return cred.Model
	case host == apispec.HostGateway:
		return OAuth
	case host == apispec.HostSite:
		return Connect
	}
	return 0
}
