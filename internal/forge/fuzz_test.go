package forge

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// FuzzParse checks that Parse never panics (a recovered panic shows as an
// "internal error" problem), that every span lies in the data, that
// problems come in file order, and that adding scopes to whatever parses
// either fails cleanly or gives a manifest with those scopes (AddScopes
// checks that itself).
func FuzzParse(f *testing.F) {
	for _, glob := range []string{"../../testdata/manifests/*.yml", "testdata/fix/*.yml"} {
		paths, _ := filepath.Glob(glob)
		for _, p := range paths {
			if data, err := os.ReadFile(p); err == nil {
				f.Add(data)
			}
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		m, probs := Parse(data)
		inData := func(s Span) bool { return s.Offset >= 0 && s.Offset <= s.End && s.End <= len(data) }
		for i, p := range probs {
			if strings.HasPrefix(p.Msg, "internal error") {
				t.Fatalf("Parse panicked: %s", p.Msg)
			}
			if !inData(p.Span) {
				t.Fatalf("problem %q has span %v outside %d bytes", p.Msg, p.Span, len(data))
			}
			if i > 0 && p.Span.Offset < probs[i-1].Span.Offset {
				t.Fatalf("problems out of order: %v", probs)
			}
		}
		if m == nil {
			return
		}
		for _, s := range m.Scopes {
			if !inData(s.Span) {
				t.Fatalf("scope %q has span %v outside %d bytes", s.Name, s.Span, len(data))
			}
		}
		for _, s := range []Span{m.AppID.Span, m.ScopesSpan, m.ConnectModules} {
			if !inData(s) {
				t.Fatalf("span %v outside %d bytes", s, len(data))
			}
		}
		if edits, err := AddScopes(m, data, []string{"read:jira-work", "storage:app"}); err == nil {
			for _, e := range edits {
				if e.Offset < 0 || e.Offset > e.End || e.End > len(data) {
					t.Fatalf("edit %+v outside %d bytes", e, len(data))
				}
			}
		}
	})
}
