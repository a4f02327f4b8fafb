package suppress

import "github.com/connectlint/connectlint/internal/rules"

// Test-only rules, reported by the badcall analyzer of the external tests
// and named in the testdata directives. notrun-call belongs to an analyzer
// that is never run; badcall never reports descriptor-thing, a JSON rule.
func init() {
	for _, r := range []struct{ id, analyzer, lang string }{
		{"bad-call", "badcall", "go"},
		{"other-call", "badcall", "go"},
		{"notrun-call", "notrun", "go"},
		{"descriptor-thing", "badcall", "json"}, // never reported: JSON has no comments
	} {
		rules.Register(&rules.Rule{
			ID: r.id, Analyzer: r.analyzer, Title: "test rule " + r.id,
			Severity: rules.Warning, Since: "v0.1.0", Lang: r.lang,
			Doc: "A rule for suppress's tests.", Bad: "bad()", Good: "good()",
		})
	}
}
