package driver

import (
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"
)

// fixOf is a fix that inserts text at offset off of the file, as read now.
func fixOf(t *testing.T, name string, off int, text string) fileEdits {
	t.Helper()
	data, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	return fileEdits{name: {{off, off, text, len(data)}}}
}

func TestFixKeepsModeAndLeavesNoTemporaryFile(t *testing.T) {
	dir := t.TempDir()
	name := filepath.Join(dir, "manifest.yml")
	if err := os.WriteFile(name, []byte("scopes: [a]\n"), 0o640); err != nil {
		t.Fatal(err)
	}
	started := time.Now().Add(time.Second) // the file was read before
	stats, _, err := applyEdits([]fileEdits{fixOf(t, name, 10, ", b")}, started)
	if err != nil || stats.Files != 1 {
		t.Fatalf("applyEdits: %+v %v", stats, err)
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
	if _, _, err := applyEdits([]fileEdits{d}, started); err == nil {
		t.Error("a file changed since it was read was written")
	}
	// Or with another size.
	if err := os.WriteFile(name, []byte(`{"scopes": []}`), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Chtimes(name, started.Add(-time.Hour), started.Add(-time.Hour)); err != nil {
		t.Fatal(err)
	}
	if _, _, err := applyEdits([]fileEdits{d}, started); err == nil {
		t.Error("a file whose size changed was written")
	}
	if data, _ := os.ReadFile(name); string(data) != `{"scopes": []}` {
		t.Errorf("the changed file was rewritten: %s", data)
	}
}

// TestFixCountsOnlyWrittenFiles: when one file cannot be written, the fixes
// in it are not applied (their findings stay reported), and the others
// are.
func TestFixCountsOnlyWrittenFiles(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "a.json")
	changed := filepath.Join(dir, "b.json")
	for _, name := range []string{good, changed} {
		if err := os.WriteFile(name, []byte(`["READ"]`), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	fixes := []fileEdits{nil, fixOf(t, good, 7, `, "WRITE"`), fixOf(t, changed, 7, `, "WRITE"`)}
	started := time.Now().Add(time.Second)
	if err := os.WriteFile(changed, []byte(`["READ", "ADMIN"]`), 0o644); err != nil {
		t.Fatal(err)
	}
	stats, applied, err := applyEdits(fixes, started)
	if err == nil {
		t.Error("no error for the changed file")
	}
	if stats.Fixes != 1 || stats.Files != 1 || !slices.Equal(applied, []bool{false, true, false}) {
		t.Errorf("stats %+v, applied %v; want 1 fix in 1 file, only the second applied", stats, applied)
	}
}
