package driver

import (
	"go/token"
	"os"
	"path/filepath"
	"testing"
	"time"

	"golang.org/x/tools/go/analysis"
)

// fixOf is a diagnostic whose fix inserts text at offset off of the file.
func fixOf(t *testing.T, name string, off int, text string) rootDiagnostic {
	t.Helper()
	data, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	tf := fset.AddFile(name, -1, len(data))
	pos := tf.Pos(off)
	return rootDiagnostic{fset, analysis.Diagnostic{Pos: pos, Message: "m", SuggestedFixes: []analysis.SuggestedFix{{
		TextEdits: []analysis.TextEdit{{Pos: pos, End: pos, NewText: []byte(text)}},
	}}}}
}

func TestFixKeepsModeAndLeavesNoTemporaryFile(t *testing.T) {
	dir := t.TempDir()
	name := filepath.Join(dir, "manifest.yml")
	if err := os.WriteFile(name, []byte("scopes: [a]\n"), 0o640); err != nil {
		t.Fatal(err)
	}
	started := time.Now().Add(time.Second) // the file was read before
	stats, _, err := applyFixes([]rootDiagnostic{fixOf(t, name, 10, ", b")}, started)
	if err != nil || stats.Files != 1 {
		t.Fatalf("applyFixes: %+v %v", stats, err)
	}
	data, _ := os.ReadFile(name)
	fi, _ := os.Stat(name)
	if string(data) != "scopes: [a, b]\n" || fi.Mode().Perm() != 0o640 {
		t.Errorf("after -fix: %q mode %v", data, fi.Mode().Perm())
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("files left in the directory: %v", entries)
	}
}

func TestFixRefusesAChangedFile(t *testing.T) {
	dir := t.TempDir()
	name := filepath.Join(dir, "atlassian-connect.json")
	if err := os.WriteFile(name, []byte(`{"scopes": ["READ"]}`), 0o644); err != nil {
		t.Fatal(err)
	}
	d := fixOf(t, name, 18, `, "WRITE"`)
	started := time.Now().Add(time.Second)
	// Edited by someone else after connectlint read it: same size, later.
	if err := os.WriteFile(name, []byte(`{"scopes": ["ADMN"]}`), 0o644); err != nil {
		t.Fatal(err)
	}
	later := started.Add(time.Second)
	if err := os.Chtimes(name, later, later); err != nil {
		t.Fatal(err)
	}
	if _, _, err := applyFixes([]rootDiagnostic{d}, started); err == nil {
		t.Error("a file changed since it was read was written")
	}
	// Or with another size.
	if err := os.WriteFile(name, []byte(`{"scopes": []}`), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Chtimes(name, started.Add(-time.Hour), started.Add(-time.Hour)); err != nil {
		t.Fatal(err)
	}
	if _, _, err := applyFixes([]rootDiagnostic{d}, started); err == nil {
		t.Error("a file whose size changed was written")
	}
	if data, _ := os.ReadFile(name); string(data) != `{"scopes": []}` {
		t.Errorf("the changed file was rewritten: %s", data)
	}
}
