package apispec

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/connectlint/connectlint/internal/apispec/specgen"
)

// specDir is where go generate reads the specs, relative to this package.
const specDir = "../../../shared/specs"

// TestGeneratedTableUpToDate regenerates the table into a temporary
// directory and compares it with the committed table_gen.go.
func TestGeneratedTableUpToDate(t *testing.T) {
	if _, err := os.Stat(specDir); err != nil {
		t.Skipf("spec directory %s not present (%v): cannot check table_gen.go is reproducible", specDir, err)
	}
	src, err := specgen.Generate(specDir)
	if err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "table_gen.go")
	if err := os.WriteFile(out, src, 0o644); err != nil {
		t.Fatal(err)
	}
	regenerated, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	committed, err := os.ReadFile("table_gen.go")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(regenerated, committed) {
		t.Errorf("table_gen.go differs from what the specs generate (%s, %d vs %d bytes): run go generate ./internal/apispec/ and never edit the file by hand",
			out, len(committed), len(regenerated))
	}
}
