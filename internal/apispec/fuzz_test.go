package apispec

import (
	"slices"
	"testing"

	"github.com/connectlint/connectlint/internal/strpat"
)

// FuzzLookup checks that any method and URL (with "…" for wildcards) gets
// a consistent answer without panicking. Seeds are in testdata/fuzz/FuzzLookup.
func FuzzLookup(f *testing.F) {
	f.Fuzz(func(t *testing.T, method, url string) {
		p := strpat.Parse(url)
		m := Lookup(method, p)
		switch m.Kind {
		case Matched:
			if len(m.Ops) == 0 {
				t.Fatalf("Lookup(%q, %q): matched without operations", method, url)
			}
			if len(m.Suggestions) > 0 {
				t.Fatalf("Lookup(%q, %q): matched with suggestions", method, url)
			}
		case Unknown:
			if len(m.Ops) > 0 {
				t.Fatalf("Lookup(%q, %q): unknown with operations", method, url)
			}
			if len(m.Suggestions) > maxSuggestions {
				t.Fatalf("Lookup(%q, %q): %d suggestions", method, url, len(m.Suggestions))
			}
		case NotAtlassian:
			if len(m.Ops) > 0 || len(m.Suggestions) > 0 {
				t.Fatalf("Lookup(%q, %q): not Atlassian, with operations", method, url)
			}
		default:
			t.Fatalf("Lookup(%q, %q): kind %v", method, url, m.Kind)
		}
		want := normalizeMethod(method)
		for i, op := range m.Ops {
			if want != "" && op.Method != want && !(want == "HEAD" && op.Method == "GET") {
				t.Fatalf("Lookup(%q, %q) = %s: wrong method", method, url, op.Route())
			}
			if slices.Contains(m.Ops[:i], op) {
				t.Fatalf("Lookup(%q, %q): %s twice", method, url, op.Route())
			}
		}
		// The answer does not depend on the walkers' recycled state.
		again := Lookup(method, p)
		if again.Kind != m.Kind || !slices.Equal(again.Ops, m.Ops) || !slices.Equal(again.Suggestions, m.Suggestions) || again.Loose != m.Loose {
			t.Fatalf("Lookup(%q, %q) is not deterministic", method, url)
		}
		// A match of the exact text stays a match when a wildcard replaces
		// its last character (a wildcard may stand for that character).
		if m.Kind == Matched && !m.Loose && len(p) == 1 && len(url) > 1 && url[len(url)-1] != '/' {
			if w := Lookup(method, strpat.Concat(strpat.Lit(url[:len(url)-1]), strpat.Any())); w.Kind != Matched {
				t.Fatalf("Lookup(%q, %q) matched but %q… is %v", method, url, url[:len(url)-1], w.Kind)
			}
		}
	})
}
