package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/connectlint/connectlint/internal/apispec"
	"github.com/connectlint/connectlint/internal/strpat"
)

const endpointUsage = `usage: connectlint endpoint [-json] [METHOD] PATH

Looks PATH up in the table of Atlassian Cloud REST operations and prints
each matching operation: product, operation id, path template, the Connect
scope it needs, its OAuth 2.0 scopes and whether it is current or legacy
(deprecated or removed since 2023).

PATH may be a full URL (https://x.atlassian.net/..., the api.atlassian.com
gateway) or a path; /rest/api/2 and /rest/api/latest are /rest/api/3.
A segment written as {name} stands for any value, and "*" (or "…") for any
text, as a wildcard in code does. Without METHOD, or with METHOD "*", every
method matches.

Exit status: 0 when an operation matches, 1 when none does (the nearest
ones are suggested) or on bad usage.
`

// runEndpoint is the endpoint subcommand.
func runEndpoint(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("endpoint", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() { fmt.Fprint(stderr, endpointUsage) }
	asJSON := fs.Bool("json", false, "print the answer as JSON")
	if code, ok := parseFlags(fs, args); !ok {
		return code
	}
	var method, path string
	switch fs.NArg() {
	case 1:
		path = fs.Arg(0)
	case 2:
		method, path = fs.Arg(0), fs.Arg(1)
	default:
		fmt.Fprint(stderr, endpointUsage)
		return exitFailure
	}
	if method == "*" {
		method = ""
	}
	if path == "" {
		fmt.Fprintln(stderr, "connectlint endpoint: empty path")
		return exitFailure
	}
	// The shell hands us "*" where code would have a wildcard.
	pat := strpat.Parse(strings.ReplaceAll(path, "*", strpat.WildMark))
	m := apispec.Lookup(method, pat)
	request := strings.TrimSpace(strings.ToUpper(method) + " " + path)

	if *asJSON {
		return printEndpointJSON(stdout, stderr, request, m)
	}
	switch m.Kind {
	case apispec.NotAtlassian:
		fmt.Fprintf(stderr, "connectlint endpoint: %s is not an Atlassian Cloud REST path (a Jira, Jira Software, JSM or Confluence path under /rest or /wiki)\n", request)
		return exitFailure
	case apispec.Unknown:
		fmt.Fprintf(stderr, "connectlint endpoint: no operation matches %s\n", request)
		if len(m.Suggestions) > 0 {
			fmt.Fprintln(stderr, "nearest operations:")
			for _, op := range m.Suggestions {
				fmt.Fprintf(stderr, "  %s  (%s, %s)\n", op.Route(), op.Scope, op.Status)
			}
		}
		return exitFailure
	}
	if len(m.Ops) > 1 {
		fmt.Fprintf(stdout, "%d operations match %s, best first", len(m.Ops), request)
		if m.Loose {
			fmt.Fprint(stdout, " (a wildcard stands for several path segments)")
		}
		fmt.Fprintln(stdout)
		fmt.Fprintln(stdout)
	} else if m.Loose {
		fmt.Fprintln(stdout, "(a wildcard stands for several path segments)")
	}
	for i, op := range m.Ops {
		if i > 0 {
			fmt.Fprintln(stdout)
		}
		printOperation(stdout, op)
	}
	return exitOK
}

func printOperation(w io.Writer, op *apispec.Operation) {
	fmt.Fprintln(w, op.Route())
	row := func(name, value string) {
		if value != "" {
			fmt.Fprintf(w, "  %-15s %s\n", name+":", value)
		}
	}
	row("product", string(op.Product))
	row("operation id", op.OperationID)
	row("connect scope", op.Scope.String())
	row("oauth scopes", orNone(op.OAuth))
	row("oauth beta", strings.Join(op.OAuthBeta, " "))
	row("status", statusText(op))
	if op.Replacement != "" {
		row("replacement", op.Replacement)
	}
}

func orNone(s []string) string {
	if len(s) == 0 {
		return "(none)"
	}
	return strings.Join(s, " ")
}

func statusText(op *apispec.Operation) string {
	s := op.Status.String()
	if op.Status == apispec.Legacy {
		s += " (only in a 2023 spec: deprecated or removed)"
	}
	if op.Deprecated {
		s += ", deprecated"
	}
	return s
}

// endpointJSON is the -json answer.
type endpointJSON struct {
	Request     string          `json:"request"`
	Kind        string          `json:"kind"` // matched, unknown, not-atlassian
	Loose       bool            `json:"loose,omitempty"`
	Operations  []operationJSON `json:"operations,omitempty"`
	Suggestions []operationJSON `json:"suggestions,omitempty"`
}

type operationJSON struct {
	Product      string   `json:"product"`
	Method       string   `json:"method"`
	Path         string   `json:"path"`
	OperationID  string   `json:"operationId"`
	ConnectScope string   `json:"connectScope"`
	OAuth        []string `json:"oauthScopes"`
	OAuthBeta    []string `json:"oauthBetaScopes,omitempty"`
	Status       string   `json:"status"`
	Deprecated   bool     `json:"deprecated,omitempty"`
	Replacement  string   `json:"replacement,omitempty"`
}

func toJSON(ops []*apispec.Operation) []operationJSON {
	var out []operationJSON
	for _, op := range ops {
		out = append(out, operationJSON{
			Product:      string(op.Product),
			Method:       op.Method,
			Path:         op.Path,
			OperationID:  op.OperationID,
			ConnectScope: op.Scope.String(),
			OAuth:        append([]string{}, op.OAuth...),
			OAuthBeta:    op.OAuthBeta,
			Status:       op.Status.String(),
			Deprecated:   op.Deprecated,
			Replacement:  op.Replacement,
		})
	}
	return out
}

func printEndpointJSON(stdout, stderr io.Writer, request string, m apispec.Match) int {
	enc := json.NewEncoder(stdout)
	enc.SetIndent("", "  ")
	err := enc.Encode(endpointJSON{
		Request:     request,
		Kind:        m.Kind.String(),
		Loose:       m.Loose,
		Operations:  toJSON(m.Ops),
		Suggestions: toJSON(m.Suggestions),
	})
	if err != nil {
		fmt.Fprintf(stderr, "connectlint endpoint: %v\n", err)
		return exitFailure
	}
	if m.Kind != apispec.Matched {
		return exitFailure
	}
	return exitOK
}
