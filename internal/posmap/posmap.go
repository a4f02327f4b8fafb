// Package posmap turns positions kept in analysis facts (file, line,
// column, offset) back into token.Pos in a pass's FileSet, so that a
// package's pass can report at a place in another package's file: the
// scopes analyzer judges, in a program's main package, calls whose grants
// live in other packages.
package posmap

import (
	"go/token"
	"os"
	"sync"

	"github.com/connectlint/connectlint/internal/authz"
)

// files caches, per FileSet and file name, the token.File to use.
var files sync.Map // *token.FileSet -> *sync.Map[string]*token.File

// Pos returns the position of p's offset in fset: in the FileSet's own
// file of that name when it holds the file's text (parsed from source),
// else in a file added for it from disk. It returns token.NoPos when the
// file cannot be read or no longer has that offset.
func Pos(fset *token.FileSet, p authz.Position) token.Pos {
	tf := File(fset, p.File)
	if tf == nil || p.Offset < 0 || p.Offset > tf.Size() {
		return token.NoPos
	}
	return tf.Pos(p.Offset)
}

// End is Pos for a byte offset in p's file.
func End(fset *token.FileSet, p authz.Position, offset int) token.Pos {
	p.Offset = offset
	return Pos(fset, p)
}

// File returns the token.File of name in fset, adding it from disk if the
// FileSet has none with the file's current size (files imported from
// export data have only approximate line tables).
func File(fset *token.FileSet, name string) *token.File {
	m, _ := files.LoadOrStore(fset, new(sync.Map))
	byName := m.(*sync.Map)
	if tf, ok := byName.Load(name); ok {
		return tf.(*token.File)
	}
	data, err := os.ReadFile(name)
	if err != nil {
		return nil
	}
	var found *token.File
	fset.Iterate(func(f *token.File) bool {
		if f.Name() == name && f.Size() == len(data) {
			found = f
			return false
		}
		return true
	})
	if found == nil {
		found = fset.AddFile(name, -1, len(data))
		found.SetLinesForContent(data)
	}
	tf, _ := byName.LoadOrStore(name, found)
	return tf.(*token.File)
}
