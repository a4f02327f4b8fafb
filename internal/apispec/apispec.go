// Package apispec is connectlint's knowledge of the Atlassian Cloud REST
// APIs: a table of every operation with its Connect scope, generated from
// Atlassian's OpenAPI documents, and a matcher from request patterns to
// operations.
//
// The table, table_gen.go, is generated Go: static data the linker lays
// out, so it costs nothing at process start; the lookup index is built on
// the first Lookup. Regenerate it with go generate from the specs in
// ../shared/specs of the project root (current *.json, 2023 legacy/*.json);
// never edit it by hand. TestGeneratedTableUpToDate checks it is current.
package apispec

//go:generate go run ./gen -specs ../../../shared/specs -o table_gen.go

import (
	"strconv"

	"github.com/connectlint/connectlint/internal/connect"
)

// Product is the API an operation belongs to.
type Product string

const (
	Jira                  Product = "jira"
	JiraSoftware          Product = "jira-software"
	JiraServiceManagement Product = "jira-service-management"
	Confluence            Product = "confluence"
	// Platform is Atlassian's platform API on api.atlassian.com (the
	// OAuth 2.0 endpoints of platform.go), not a product's REST API.
	Platform Product = "platform"
)

// Status tells whether an operation is in Atlassian's current specs.
type Status uint8

const (
	Current Status = iota // in the current spec
	Legacy                // only in a 2023 spec: deprecated or removed since
)

// Operation is one REST operation.
type Operation struct {
	Product     Product
	Method      string // upper case: GET, POST, PUT, DELETE, PATCH, HEAD, OPTIONS
	Path        string // canonical template, e.g. /rest/api/3/issue/{issueIdOrKey}
	OperationID string
	Scope       connect.Scope // x-atlassian-connect-scope
	OAuth       []string      // OAuth 2.0 scopes (current)
	OAuthBeta   []string      // OAuth 2.0 beta scopes
	// OAuthNone tells that the spec lists the operation's OAuth 2.0 scopes
	// and they are empty: any OAuth 2.0 token may call it. Without it, no
	// OAuth and OAuthBeta scopes mean the spec does not say.
	OAuthNone  bool
	Deprecated bool
	Status     Status
	// Replacement is the successor a deprecated or legacy operation's
	// documentation names: "METHOD /path" when it is an operation of the
	// table (see ReplacedBy), else the linked page as "title (url)".
	Replacement string
}

// MatchKind classifies a lookup.
type MatchKind uint8

const (
	NotAtlassian MatchKind = iota // not an Atlassian REST path (other host, no /rest or /wiki)
	Unknown                       // looks like an Atlassian REST path, matches nothing
	Matched                       // one or more operations match
)

// Match is the answer to a lookup.
type Match struct {
	Kind MatchKind
	// Ops are the matching operations, best first. Several when wildcards
	// (or an unknown method) leave more than one candidate.
	Ops []*Operation
	// Suggestions are the nearest operations when Kind == Unknown.
	Suggestions []*Operation
	// Loose is set when a wildcard had to stand for several path segments
	// (a value containing '/') to explain the request: a weaker match.
	Loose bool
	// Host is where the request goes, as far as its URL tells.
	Host Host
}

// Host is where a request goes.
type Host uint8

const (
	HostUnknown Host = iota // a wildcard base URL or a relative path
	HostSite                // a literal site: https://x.atlassian.net
	HostGateway             // https://api.atlassian.com (OAuth 2.0 and scoped API tokens)
)

func (h Host) String() string {
	switch h {
	case HostSite:
		return "site"
	case HostGateway:
		return "gateway"
	}
	return "unknown"
}

// Source is one spec file the table was generated from.
type Source struct {
	File       string // path relative to the spec directory, e.g. legacy/jira-software-2023.json
	Version    string // the spec's info.version
	Operations int    // operations the table took from it
}

// Sources lists the spec files the table was generated from, in the order
// the generator read them (current specs, then legacy ones).
func Sources() []Source { return sources[:] }

// Operations returns every operation of the table, ordered by product,
// path and method. The operations are shared: do not modify them.
func Operations() []*Operation { return index().all }

// ByRoute returns the operation with the given Route ("METHOD /path"), or
// nil. Facts keep operations by route.
func ByRoute(route string) *Operation { return byRoute()[route] }

// ReplacedBy returns the table operation named by op.Replacement, or nil
// when there is none (no replacement, or one outside the table).
func (op *Operation) ReplacedBy() *Operation {
	return byRoute()[op.Replacement]
}

// Route is "METHOD /canonical/path", the operation's identity.
func (op *Operation) Route() string { return op.Method + " " + op.Path }

func (s Status) String() string {
	switch s {
	case Current:
		return "current"
	case Legacy:
		return "legacy"
	}
	return "Status(" + strconv.Itoa(int(s)) + ")"
}

func (k MatchKind) String() string {
	switch k {
	case NotAtlassian:
		return "not-atlassian"
	case Unknown:
		return "unknown"
	case Matched:
		return "matched"
	}
	return "MatchKind(" + strconv.Itoa(int(k)) + ")"
}
