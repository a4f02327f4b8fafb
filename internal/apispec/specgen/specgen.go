// Package specgen turns Atlassian's OpenAPI documents into the Go source of
// apispec's operation table. It is used by the go:generate command in
// ../gen and by apispec's reproducibility test.
package specgen

import (
	"bytes"
	"encoding/json"
	"fmt"
	"go/format"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/connectlint/connectlint/internal/connect"
)

// An op is one operation as the generator sees it, before it is written out.
type op struct {
	product     string // Go constant name: Jira, JiraSoftware, ...
	method      string
	path        string
	operationID string
	scope       connect.Scope
	oauth       []string
	oauthBeta   []string
	oauthNone   bool // the spec lists OAuth 2.0 scopes, and they are empty
	deprecated  bool
	legacy      bool
	replacement string

	summary, desc string // only to find a replacement
}

// A source is one spec file read.
type source struct {
	file    string // relative to the spec directory, slash-separated
	version string // info.version
	ops     int    // operations the table took from it
}

// products maps a spec file name prefix to the product constant.
// Longest prefixes first: "jira-software" must win over "jira".
var products = []struct{ prefix, constant string }{
	{"jira-service-management", "JiraServiceManagement"},
	{"jira-software", "JiraSoftware"},
	{"jira-platform", "Jira"},
	{"confluence-v", "Confluence"},
}

func productOf(file string) (string, bool) {
	base := filepath.Base(file)
	for _, p := range products {
		if strings.HasPrefix(base, p.prefix) {
			return p.constant, true
		}
	}
	return "", false
}

var productOrder = map[string]int{"Jira": 0, "JiraSoftware": 1, "JiraServiceManagement": 2, "Confluence": 3}

var methodOrder = map[string]int{"GET": 0, "HEAD": 1, "POST": 2, "PUT": 3, "PATCH": 4, "DELETE": 5, "OPTIONS": 6, "TRACE": 7}

// Generate reads dir/*.json (current specs) and dir/legacy/*.json (2023
// specs) and returns the gofmt'ed source of table_gen.go.
func Generate(dir string) ([]byte, error) {
	current, err := filepath.Glob(filepath.Join(dir, "*.json"))
	if err != nil {
		return nil, err
	}
	legacy, err := filepath.Glob(filepath.Join(dir, "legacy", "*.json"))
	if err != nil {
		return nil, err
	}
	if len(current) == 0 {
		return nil, fmt.Errorf("no spec files in %s", dir)
	}
	sort.Strings(current)
	sort.Strings(legacy)

	var (
		ops     []*op
		sources []*source
		seen    = map[string]bool{} // opKey of every current operation
	)
	for _, f := range current {
		src, fops, err := readSpec(dir, f)
		if err != nil {
			return nil, err
		}
		for _, o := range fops {
			k := opKey(o.method, o.path)
			if seen[k] {
				return nil, fmt.Errorf("%s: %s %s is in two current specs", f, o.method, o.path)
			}
			seen[k] = true
		}
		src.ops = len(fops)
		ops = append(ops, fops...)
		sources = append(sources, src)
	}
	for _, f := range legacy {
		src, fops, err := readSpec(dir, f)
		if err != nil {
			return nil, err
		}
		for _, o := range fops {
			k := opKey(o.method, o.path)
			if seen[k] {
				continue // still current: the current spec's data wins
			}
			seen[k] = true
			o.legacy = true
			ops = append(ops, o)
			src.ops++
		}
		sources = append(sources, src)
	}
	sort.Slice(ops, func(i, j int) bool {
		a, b := ops[i], ops[j]
		if a.product != b.product {
			return productOrder[a.product] < productOrder[b.product]
		}
		if a.path != b.path {
			return a.path < b.path
		}
		return methodOrder[a.method] < methodOrder[b.method]
	})
	resolveReplacements(ops)
	return render(sources, ops)
}

// opKey identifies an operation across spec versions: method and path with
// parameter names erased ({id} and {page-id} are the same route).
func opKey(method, path string) string {
	return method + " " + paramRx.ReplaceAllString(path, "{}")
}

var paramRx = regexp.MustCompile(`\{[^}/]*\}`)

// The subset of OpenAPI the generator reads.
type spec struct {
	Info struct {
		Version string `json:"version"`
	} `json:"info"`
	Servers []struct {
		URL string `json:"url"`
	} `json:"servers"`
	Paths map[string]map[string]json.RawMessage `json:"paths"`
}

type specOp struct {
	OperationID  string                `json:"operationId"`
	Summary      string                `json:"summary"`
	Description  string                `json:"description"`
	Deprecated   bool                  `json:"deprecated"`
	ConnectScope *string               `json:"x-atlassian-connect-scope"`
	OAuth2       []oauthEntry          `json:"x-atlassian-oauth2-scopes"`
	Security     []map[string][]string `json:"security"`
}

type oauthEntry struct {
	Scheme string   `json:"scheme"`
	State  string   `json:"state"`
	Scopes []string `json:"scopes"`
}

var httpMethods = map[string]bool{"get": true, "head": true, "post": true, "put": true, "patch": true, "delete": true, "options": true, "trace": true}

func readSpec(dir, file string) (*source, []*op, error) {
	rel, err := filepath.Rel(dir, file)
	if err != nil {
		return nil, nil, err
	}
	rel = filepath.ToSlash(rel)
	product, ok := productOf(file)
	if !ok {
		return nil, nil, fmt.Errorf("%s: cannot tell the product from the file name", rel)
	}
	data, err := os.ReadFile(file)
	if err != nil {
		return nil, nil, err
	}
	var s spec
	if err := json.Unmarshal(data, &s); err != nil {
		return nil, nil, fmt.Errorf("%s: %v", rel, err)
	}
	prefix, err := serverPrefix(s)
	if err != nil {
		return nil, nil, fmt.Errorf("%s: %v", rel, err)
	}
	var ops []*op
	for path, item := range s.Paths {
		for m, raw := range item {
			if !httpMethods[m] {
				continue // path-level "parameters" and the like
			}
			var so specOp
			if err := json.Unmarshal(raw, &so); err != nil {
				return nil, nil, fmt.Errorf("%s: %s %s: %v", rel, m, path, err)
			}
			o, err := makeOp(product, strings.ToUpper(m), canonicalPath(product, prefix+path), &so)
			if err != nil {
				return nil, nil, fmt.Errorf("%s: %s %s: %v", rel, m, path, err)
			}
			ops = append(ops, o)
		}
	}
	return &source{file: rel, version: s.Info.Version}, ops, nil
}

// serverPrefix is the path part of the first server URL: Confluence v2's
// paths are relative to https://{your-domain}/wiki/api/v2.
func serverPrefix(s spec) (string, error) {
	if len(s.Servers) == 0 {
		return "", nil
	}
	raw := s.Servers[0].URL
	// Template variables ({your-domain}) are not valid URL host syntax.
	u, err := url.Parse(paramRx.ReplaceAllString(raw, "x"))
	if err != nil {
		return "", fmt.Errorf("server url %q: %v", raw, err)
	}
	return strings.TrimSuffix(u.Path, "/"), nil
}

// canonicalPath fixes a quirk of the 2023 Confluence v1 spec, which lists the
// Connect dynamic-module API as /atlassian-connect/1/... although, like every
// Confluence path, it lives under /wiki/rest (the current spec says so).
func canonicalPath(product, path string) string {
	if product == "Confluence" && !strings.HasPrefix(path, "/wiki/") {
		return "/wiki/rest" + path
	}
	return path
}

func makeOp(product, method, path string, so *specOp) (*op, error) {
	if so.ConnectScope == nil {
		return nil, fmt.Errorf("no x-atlassian-connect-scope")
	}
	scope, ok := connect.ParseScope(*so.ConnectScope)
	if !ok {
		return nil, fmt.Errorf("unknown x-atlassian-connect-scope %q", *so.ConnectScope)
	}
	o := &op{
		product:     product,
		method:      method,
		path:        path,
		operationID: so.OperationID,
		scope:       scope,
		deprecated:  so.Deprecated,
		summary:     so.Summary,
		desc:        so.Description,
	}
	if so.OAuth2 != nil {
		for _, e := range so.OAuth2 {
			switch e.State {
			case "Current":
				o.oauth = append(o.oauth, e.Scopes...)
			case "Beta":
				o.oauthBeta = append(o.oauthBeta, e.Scopes...)
			default:
				return nil, fmt.Errorf("unknown OAuth 2.0 scope state %q", e.State)
			}
		}
	} else {
		// Jira Software (and a few others) name the scopes only as the
		// operation's security requirement: those are the current ones.
		for _, req := range so.Security {
			for scheme, scopes := range req {
				if scheme != "basicAuth" {
					o.oauth = append(o.oauth, scopes...)
				}
			}
		}
	}
	o.oauth = sortedSet(o.oauth)
	o.oauthBeta = sortedSet(o.oauthBeta)
	// An operation whose OAuth 2.0 scope lists are present but empty needs
	// no scope (GET /rest/api/3/serverInfo); one without them says nothing.
	o.oauthNone = len(o.oauth) == 0 && len(o.oauthBeta) == 0 && (so.OAuth2 != nil || oauthSecurity(so.Security))
	return o, nil
}

// oauthSecurity reports whether the operation's security requirements name
// an OAuth 2.0 scheme.
func oauthSecurity(reqs []map[string][]string) bool {
	for _, req := range reqs {
		for scheme := range req {
			if scheme != "basicAuth" {
				return true
			}
		}
	}
	return false
}

func sortedSet(s []string) []string {
	if len(s) == 0 {
		return nil
	}
	slices.Sort(s)
	return slices.Compact(s)
}

// A deprecation notice names its replacement as a Markdown link:
// "Deprecated, use [Get workflows paginated](#api-rest-api-3-workflow-search-get)."
// or "This will be removed on [June 1, 2026](...); use [Search workflows](...) instead."
// The sentence may contain links whose URLs hold dots ("\.\S").
var (
	deprecationUseRx = regexp.MustCompile(`(?i)(?:deprecat|removed)(?:[^.]|\.\S){0,200}?\buse\s+\[([^\]]+)\]\(([^)\s]+)\)`)
	sentenceUseRx    = regexp.MustCompile(`(?:^|\.\s+)Use\s+\[([^\]]+)\]\(([^)\s]+)\)`)
)

// resolveReplacements fills op.replacement for deprecated and legacy
// operations whose description names a successor: "METHOD /path" when the
// link points at an operation of the table, else "text (url)".
func resolveReplacements(ops []*op) {
	byAnchor := map[string]*op{}
	for _, o := range ops {
		byAnchor[anchor(o)] = o
	}
	for _, o := range ops {
		if !o.deprecated && !o.legacy {
			continue
		}
		m := deprecationUseRx.FindStringSubmatch(o.desc)
		if m == nil && o.deprecated {
			m = sentenceUseRx.FindStringSubmatch(o.desc)
		}
		if m == nil {
			continue
		}
		text, link := strings.Join(strings.Fields(strings.Trim(m[1], " `")), " "), m[2]
		if i := strings.IndexByte(link, '#'); i >= 0 {
			if r := byAnchor[strings.ToLower(link[i+1:])]; r != nil && r != o && names(text, r) {
				o.replacement = r.method + " " + r.path
				continue
			}
		}
		if strings.HasPrefix(link, "#") {
			o.replacement = text // an anchor in the same document we cannot resolve
		} else {
			o.replacement = text + " (" + link + ")"
		}
	}
}

// names reports whether a link's text fits the operation it points at: the
// words of the operation's summary, or the end of its path. (The specs
// hold a link titled "Remove group from content restriction by groupId"
// pointing at "Remove user from content restriction".)
func names(text string, op *op) bool {
	if strings.HasSuffix(op.path, "/"+text) {
		return true
	}
	have := map[string]bool{}
	for _, w := range wordRx.FindAllString(strings.ToLower(text), -1) {
		have[w] = true
	}
	want := wordRx.FindAllString(strings.ToLower(op.summary), -1)
	for _, w := range want {
		if !have[w] {
			return false
		}
	}
	return len(want) > 0
}

var wordRx = regexp.MustCompile(`[a-z0-9]+`)

// anchor is the fragment Atlassian's reference pages use for an operation:
// GET /rest/api/3/workflow/search -> api-rest-api-3-workflow-search-get.
func anchor(o *op) string {
	p := strings.NewReplacer("{", "", "}", "", "/", "-").Replace(o.path)
	return strings.ToLower("api" + p + "-" + o.method)
}

func render(sources []*source, ops []*op) ([]byte, error) {
	var b bytes.Buffer
	b.WriteString("// Code generated by internal/apispec/gen from Atlassian's OpenAPI documents; DO NOT EDIT.\n\n")
	b.WriteString("package apispec\n\n")
	b.WriteString("import \"github.com/connectlint/connectlint/internal/connect\"\n\n")
	b.WriteString("// sources are the spec files the table was generated from.\n")
	b.WriteString("var sources = [...]Source{\n")
	for _, s := range sources {
		fmt.Fprintf(&b, "\t{File: %q, Version: %q, Operations: %d},\n", s.file, s.version, s.ops)
	}
	b.WriteString("}\n\n")
	b.WriteString("// operations is the table, ordered by product, path and method.\n")
	b.WriteString("var operations = [...]Operation{\n")
	for _, o := range ops {
		fmt.Fprintf(&b, "\t{Product: %s, Method: %q, Path: %q, OperationID: %q, Scope: connect.%s",
			o.product, o.method, o.path, o.operationID, scopeConst(o.scope))
		if len(o.oauth) > 0 {
			fmt.Fprintf(&b, ", OAuth: %s", stringSlice(o.oauth))
		}
		if len(o.oauthBeta) > 0 {
			fmt.Fprintf(&b, ", OAuthBeta: %s", stringSlice(o.oauthBeta))
		}
		if o.oauthNone {
			b.WriteString(", OAuthNone: true")
		}
		if o.deprecated {
			b.WriteString(", Deprecated: true")
		}
		if o.legacy {
			b.WriteString(", Status: Legacy")
		}
		if o.replacement != "" {
			fmt.Fprintf(&b, ", Replacement: %q", o.replacement)
		}
		b.WriteString("},\n")
	}
	b.WriteString("}\n")
	out, err := format.Source(b.Bytes())
	if err != nil {
		return nil, fmt.Errorf("formatting generated table: %v", err)
	}
	return out, nil
}

func stringSlice(s []string) string {
	q := make([]string, len(s))
	for i, x := range s {
		q[i] = strconv.Quote(x)
	}
	return "[]string{" + strings.Join(q, ", ") + "}"
}

// scopeConst is the name of s's constant in package connect.
func scopeConst(s connect.Scope) string {
	var b strings.Builder
	for _, word := range strings.Split(s.String(), "_") {
		b.WriteString(word[:1])
		b.WriteString(strings.ToLower(word[1:]))
	}
	return b.String()
}
