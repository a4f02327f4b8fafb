package forge

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/connectlint/connectlint/internal/testenv"
)

var update = flag.Bool("update", false, "rewrite the golden files")

// TestAddScopesGolden adds two scopes to every manifest in testdata/fix
// and compares the edited file with its .golden: the scopes go where the
// file's own layout puts them, and every comment stays.
func TestAddScopesGolden(t *testing.T) {
	paths, _ := filepath.Glob("testdata/fix/*.yml")
	if len(paths) == 0 {
		t.Fatal("no fixtures in testdata/fix")
	}
	for _, path := range paths {
		t.Run(strings.TrimSuffix(filepath.Base(path), ".yml"), func(t *testing.T) {
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			m, probs := Parse(data)
			if m == nil {
				t.Fatalf("fixture does not parse: %v", probs)
			}
			edits, err := AddScopes(m, data, []string{"read:jira-work", "manage:jira-webhook", "storage:app"})
			if err != nil {
				t.Fatal(err)
			}
			got := Apply(data, edits)
			testenv.Golden(t, strings.TrimSuffix(path, ".yml")+".golden", got, *update)
			// Every comment of the original is still there.
			for line := range strings.Lines(string(data)) {
				if _, c, ok := strings.Cut(line, "# "); ok && !strings.Contains(string(got), c) {
					t.Errorf("comment %q is lost", c)
				}
			}
		})
	}
}

// TestAddScopesNothingToAdd checks that declared scopes are not added again.
func TestAddScopesNothingToAdd(t *testing.T) {
	data := []byte("app:\n  id: ari:cloud:ecosystem::app/x\npermissions:\n  scopes:\n    - storage:app\n")
	m, _ := Parse(data)
	edits, err := AddScopes(m, data, []string{"storage:app"})
	if err != nil || edits != nil {
		t.Errorf("got %v, %v; want no edits", edits, err)
	}
}

// TestAddScopesRefused checks the shapes that cannot be edited safely.
func TestAddScopesRefused(t *testing.T) {
	for name, src := range map[string]string{
		"alias":            "app:\n  id: ari:cloud:ecosystem::app/x\nlist: &s [storage:app]\npermissions:\n  scopes: *s\n",
		"string":           "app:\n  id: ari:cloud:ecosystem::app/x\npermissions:\n  scopes: storage:app\n",
		"permissions list": "app:\n  id: ari:cloud:ecosystem::app/x\npermissions: []\n",
	} {
		t.Run(name, func(t *testing.T) {
			data := []byte(src)
			m, _ := Parse(data)
			if m == nil {
				t.Fatal("does not parse")
			}
			if edits, err := AddScopes(m, data, []string{"read:jira-work"}); err == nil {
				t.Errorf("got edits %v; want an error", edits)
			}
		})
	}
}
