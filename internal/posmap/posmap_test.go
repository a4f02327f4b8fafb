package posmap

import (
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"testing"

	"github.com/connectlint/connectlint/internal/authz"
)

func TestPos(t *testing.T) {
	dir := t.TempDir()
	name := filepath.Join(dir, "a.go")
	src := "package a\n\nfunc F() {}\n"
	if err := os.WriteFile(name, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	// A FileSet that parsed the file uses its own token.File.
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, name, src, 0)
	if err != nil {
		t.Fatal(err)
	}
	p := authz.Position{File: name, Line: 3, Column: 6, Offset: 16}
	if got := Pos(fset, p); got != f.Decls[0].(interface{ Pos() token.Pos }).Pos()+5 {
		t.Errorf("Pos in a parsed file = %v (%v)", got, fset.Position(got))
	}
	// A FileSet without it gets the file added, with its lines.
	other := token.NewFileSet()
	other.AddFile("unrelated.go", -1, 10)
	got := other.Position(Pos(other, p))
	if got.Filename != name || got.Line != 3 || got.Column != 6 {
		t.Errorf("Pos in a new FileSet = %v, want %s:3:6", got, name)
	}
	if Pos(other, p) != Pos(other, p) {
		t.Error("the file is added twice")
	}
	// Gone or shorter files give no position.
	if Pos(token.NewFileSet(), authz.Position{File: filepath.Join(dir, "missing.go")}) != token.NoPos {
		t.Error("a missing file has a position")
	}
	if Pos(token.NewFileSet(), authz.Position{File: name, Offset: 1000}) != token.NoPos {
		t.Error("an offset past the end has a position")
	}
}
