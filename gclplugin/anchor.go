package gclplugin

import (
	"go/ast"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"

	"golang.org/x/tools/go/analysis"
)

// anchorPos is the Go position in pass's package where findings in the
// non-Go file name (the descriptor) are reported, or NoPos when another
// package reports them. The package in anchorDir(name) reports them, on
// its //go:embed line naming the file if it has one, else on the package
// clause of its first non-test file. Test files are skipped so that a
// package and its test variant agree on the position and golangci-lint
// shows the finding once.
func anchorPos(pass *analysis.Pass, name string) token.Pos {
	abs, err := filepath.Abs(name)
	if err != nil {
		return token.NoPos
	}
	var files []*ast.File
	for _, f := range pass.Files {
		fname := pass.Fset.File(f.Pos()).Name()
		if strings.HasSuffix(fname, ".go") && !strings.HasSuffix(fname, "_test.go") {
			files = append(files, f)
		}
	}
	if len(files) == 0 {
		return token.NoPos
	}
	fileName := func(f *ast.File) string { return pass.Fset.File(f.Pos()).Name() }
	slices.SortFunc(files, func(a, b *ast.File) int { return strings.Compare(fileName(a), fileName(b)) })
	pkgDir, err := filepath.Abs(filepath.Dir(fileName(files[0])))
	if err != nil || pkgDir != anchorDir(abs) {
		return token.NoPos
	}
	rel, err := filepath.Rel(pkgDir, abs)
	if err != nil {
		rel = filepath.Base(abs)
	}
	rel = filepath.ToSlash(rel)
	for _, f := range files {
		for _, cg := range f.Comments {
			for _, c := range cg.List {
				if embedsFile(c.Text, rel) {
					return c.Pos()
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
		if m, _ := filepath.Match(pat, rel); m || pat == rel || strings.HasPrefix(rel, strings.TrimSuffix(pat, "/")+"/") {
			return true
		}
	}
	return false
}

var anchorDirs sync.Map // descriptor path -> anchor directory

// anchorDir is the directory of the package that reports findings in the
// file at path: the nearest directory at or above it, within its module,
// holding non-test Go files; else the first such directory below it in
// lexical order. Build constraints are not evaluated.
func anchorDir(path string) string {
	if d, ok := anchorDirs.Load(path); ok {
		return d.(string)
	}
	start := filepath.Dir(path)
	dir := ""
	for d := start; ; d = filepath.Dir(d) {
		if hasGoFiles(d) {
			dir = d
			break
		}
		if _, err := os.Stat(filepath.Join(d, "go.mod")); err == nil || filepath.Dir(d) == d {
			break
		}
	}
	if dir == "" {
		_ = filepath.WalkDir(start, func(p string, e fs.DirEntry, err error) error {
			if err != nil || !e.IsDir() {
				return nil
			}
			if p != start {
				n := e.Name()
				if n == "vendor" || n == "testdata" || n == "node_modules" || strings.HasPrefix(n, ".") || strings.HasPrefix(n, "_") {
					return filepath.SkipDir
				}
				if _, err := os.Stat(filepath.Join(p, "go.mod")); err == nil {
					return filepath.SkipDir // another module
				}
			}
			if hasGoFiles(p) {
				dir = p
				return filepath.SkipAll
			}
			return nil
		})
	}
	d, _ := anchorDirs.LoadOrStore(path, dir)
	return d.(string)
}

// hasGoFiles reports whether dir holds a non-test Go file.
func hasGoFiles(dir string) bool {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return false
	}
	for _, e := range entries {
		n := e.Name()
		if !e.IsDir() && strings.HasSuffix(n, ".go") && !strings.HasSuffix(n, "_test.go") {
			return true
		}
	}
	return false
}
