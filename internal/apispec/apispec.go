// Package apispec is connectlint's knowledge of the Atlassian Cloud REST
// APIs: a table of every operation with its Connect scope, generated from
// Atlassian's OpenAPI documents, and a matcher from request patterns to
// operations.
package apispec

import (
	"github.com/connectlint/connectlint/internal/connect"
	"github.com/connectlint/connectlint/internal/strpat"
)

// Product is the API an operation belongs to.
type Product string

const (
	Jira                  Product = "jira"
	JiraSoftware          Product = "jira-software"
	JiraServiceManagement Product = "jira-service-management"
	Confluence            Product = "confluence"
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
	OAuthBeta   []string      // OAuth 2.0 beta (granular) scopes
	Deprecated  bool
	Status      Status
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
}

// Lookup matches a request against the table. method is upper case, or ""
// when the code does not fix it; url is the request URL or path pattern as
// the code builds it (scheme and host, gateway prefix, query string and
// fragment allowed).
func Lookup(method string, url strpat.Pattern) Match {
	// Implemented by the API-table work (issue 3).
	return Match{Kind: NotAtlassian}
}
