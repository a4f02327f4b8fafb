// Package rules is the single source of truth for connectlint's rule
// metadata: every diagnostic's Category is a rule ID registered here, and the
// same Rule feeds `connectlint explain`, docs/rules.md, analyzer Docs and SARIF.
package rules

import (
	"fmt"
	"net/url"
	"slices"
	"strings"
	"sync"

	"go/token"

	"golang.org/x/tools/go/analysis"
)

// Severity is a rule's default level (the SARIF levels).
type Severity string

const (
	Error   Severity = "error"
	Warning Severity = "warning"
	Note    Severity = "note"
)

// Rule describes one diagnostic kind.
type Rule struct {
	ID       string   // kebab-case, e.g. "missing-scope"; the diagnostic Category
	Analyzer string   // analyzer that reports it ("descriptor", "scopes", ..., "connectlint" for driver rules)
	Title    string   // one line, lowercase, no final period
	Severity Severity // default level
	Since    string   // connectlint version that introduced it
	Doc      string   // long description (Markdown paragraphs)
	Bad      string   // an example that triggers the rule
	Good     string   // the corrected example
	Lang     string   // language of the examples: "go" or "json"
}

// DocsURL is where docs/rules.md is published; each rule has an anchor.
const DocsURL = "https://github.com/connectlint/connectlint/blob/main/docs/rules.md"

// URL is the rule's help page.
func (r *Rule) URL() string { return DocsURL + "#" + r.ID }

var (
	mu       sync.RWMutex
	registry = map[string]*Rule{}
)

// Register adds rules to the registry. Packages call it from init; a
// duplicate or malformed rule is a programming error and panics.
func Register(rs ...*Rule) {
	mu.Lock()
	defer mu.Unlock()
	for _, r := range rs {
		switch {
		case r.ID == "" || r.Analyzer == "" || r.Title == "":
			panic(fmt.Sprintf("rules: incomplete rule %+v", r))
		case r.Severity != Error && r.Severity != Warning && r.Severity != Note:
			panic("rules: bad severity for " + r.ID)
		case registry[r.ID] != nil:
			panic("rules: duplicate rule " + r.ID)
		}
		registry[r.ID] = r
	}
}

// Lookup returns the rule with the given ID.
func Lookup(id string) (*Rule, bool) {
	mu.RLock()
	defer mu.RUnlock()
	r, ok := registry[id]
	return r, ok
}

// All returns every registered rule, sorted by analyzer then ID.
func All() []*Rule {
	mu.RLock()
	defer mu.RUnlock()
	out := make([]*Rule, 0, len(registry))
	for _, r := range registry {
		out = append(out, r)
	}
	slices.SortFunc(out, func(a, b *Rule) int {
		if c := strings.Compare(a.Analyzer, b.Analyzer); c != 0 {
			return c
		}
		return strings.Compare(a.ID, b.ID)
	})
	return out
}

// ForAnalyzer returns the rules an analyzer reports, sorted by ID.
func ForAnalyzer(name string) []*Rule {
	var out []*Rule
	for _, r := range All() {
		if r.Analyzer == name {
			out = append(out, r)
		}
	}
	return out
}

// AnalyzerDoc builds an analyzer's Doc: the summary line, then its rules.
func AnalyzerDoc(name, summary string) string {
	var b strings.Builder
	b.WriteString(summary)
	if rs := ForAnalyzer(name); len(rs) > 0 {
		b.WriteString("\n\nRules:")
		for _, r := range rs {
			fmt.Fprintf(&b, "\n  %s: %s", r.ID, r.Title)
		}
	}
	return b.String()
}

// Diagnostic builds a diagnostic of this rule with the default severity.
func (r *Rule) Diagnostic(pos, end token.Pos, msg string) analysis.Diagnostic {
	return analysis.Diagnostic{Pos: pos, End: end, Category: r.ID, Message: msg, URL: r.URL()}
}

// Reportf reports a diagnostic of this rule over rng (an ast.Node or any
// analysis.Range).
func (r *Rule) Reportf(pass *analysis.Pass, rng analysis.Range, format string, args ...any) {
	pass.Report(r.Diagnostic(rng.Pos(), rng.End(), fmt.Sprintf(format, args...)))
}

// ReportSeverityf is Reportf with a severity other than the rule's default,
// for the few rules whose findings come in a weaker variant (e.g. a
// non-constant InsecureSkipVerify). The override rides in the diagnostic's
// URL as a query parameter that SeverityOf reads; the URL still opens the
// rule's docs.
func (r *Rule) ReportSeverityf(pass *analysis.Pass, rng analysis.Range, sev Severity, format string, args ...any) {
	d := r.Diagnostic(rng.Pos(), rng.End(), fmt.Sprintf(format, args...))
	if sev != r.Severity {
		d.URL = DocsURL + "?severity=" + string(sev) + "#" + r.ID
	}
	pass.Report(d)
}

// SeverityOf returns a diagnostic's severity: the override set by
// ReportSeverityf, else its rule's default, else Warning for unknown rules.
func SeverityOf(d analysis.Diagnostic) Severity {
	if i := strings.IndexByte(d.URL, '?'); i >= 0 {
		q := d.URL[i+1:]
		if j := strings.IndexByte(q, '#'); j >= 0 {
			q = q[:j]
		}
		if v, err := url.ParseQuery(q); err == nil {
			switch s := Severity(v.Get("severity")); s {
			case Error, Warning, Note:
				return s
			}
		}
	}
	if r, ok := Lookup(d.Category); ok {
		return r.Severity
	}
	return Warning
}
