package gclplugin

import (
	"go/ast"
	"go/token"
	"path/filepath"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
)

// anchorPos is the Go position in pass's package where a finding in the
// non-Go file name (the descriptor) is shown: the //go:embed line naming
// the file if the package has one, else the package clause of its first
// file, non-test files first so that a package and its test variant agree
// (golangci-lint then shows the finding once). The analyzers report a
// descriptor's findings in the packages that own it (see
// analyzers/descriptor), so each is relocated, never dropped.
func anchorPos(pass *analysis.Pass, name string) token.Pos {
	fileName := func(f *ast.File) string { return pass.Fset.File(f.Pos()).Name() }
	var files []*ast.File
	for _, f := range pass.Files {
		if strings.HasSuffix(fileName(f), ".go") {
			files = append(files, f)
		}
	}
	if len(files) == 0 {
		return token.NoPos
	}
	slices.SortFunc(files, func(a, b *ast.File) int {
		ta, tb := strings.HasSuffix(fileName(a), "_test.go"), strings.HasSuffix(fileName(b), "_test.go")
		if ta != tb {
			if ta {
				return 1
			}
			return -1
		}
		return strings.Compare(fileName(a), fileName(b))
	})
	if abs, err := filepath.Abs(name); err == nil {
		for _, f := range files {
			rel, err := filepath.Rel(filepath.Dir(fileName(f)), abs)
			if err != nil {
				continue
			}
			for _, cg := range f.Comments {
				for _, c := range cg.List {
					if embedsFile(c.Text, filepath.ToSlash(rel)) {
						return c.Pos()
					}
				}
			}
		}
	}
	return files[0].Package
}

// embedsFile reports whether comment is a //go:embed directive with a
// pattern matching rel (a slash-separated path relative to the package).
func embedsFile(comment, rel string) bool {
	args, ok := strings.CutPrefix(comment, "//go:embed ")
	if !ok {
		return false
	}
	for _, pat := range strings.Fields(args) {
		pat = strings.Trim(pat, "`\"")
		pat = strings.TrimPrefix(pat, "all:")
		if m, _ := filepath.Match(pat, rel); m || strings.HasPrefix(rel, strings.TrimSuffix(pat, "/")+"/") {
			return true
		}
	}
	return false
}
