package manifest

import (
	"os"
	"path/filepath"
	"strings"
	"sync"

	"github.com/connectlint/connectlint/internal/config"
)

// manifestName is the file connectlint looks for.
const manifestName = "manifest.yml"

// neverSearched are directories discovery never looks in.
var neverSearched = map[string]bool{"vendor": true, "node_modules": true, ".git": true}

var dirCache struct {
	sync.Mutex
	found   map[string]string // directory -> manifest found from it ("" for none)
	goFiles map[string]bool
}

// discover returns the nearest manifest.yml at or above dir: the package
// directory, then each parent up to the repository root (the directory
// holding .git), past the module root, since a Go remote backend often has
// its own go.mod in a folder of the Forge app. Outside any repository the
// walk stops at the module root. It returns "" when there is none.
func discover(dir string) string {
	dirCache.Lock()
	if p, ok := dirCache.found[dir]; ok {
		dirCache.Unlock()
		return p
	}
	dirCache.Unlock()

	stop := RepoRoot(dir)
	if stop == "" {
		stop = config.ModuleRoot(dir)
	}
	found := ""
	for level := dir; ; {
		if inNeverSearched(level) {
			break
		}
		if _, err := os.Lstat(filepath.Join(level, manifestName)); err == nil {
			found = filepath.Join(level, manifestName)
			break
		}
		parent := filepath.Dir(level)
		if stop == "" || level == stop || parent == level {
			break
		}
		level = parent
	}
	dirCache.Lock()
	if dirCache.found == nil {
		dirCache.found = map[string]string{}
	}
	dirCache.found[dir] = found
	dirCache.Unlock()
	return found
}

// inNeverSearched reports whether dir is inside vendor/, node_modules/ or
// .git/.
func inNeverSearched(dir string) bool {
	for _, part := range strings.Split(filepath.ToSlash(dir), "/") {
		if neverSearched[part] {
			return true
		}
	}
	return false
}

// RepoRoot returns the nearest directory at or above dir that holds .git
// (a directory, or a file in a worktree or submodule), or "" when there is
// none.
func RepoRoot(dir string) string {
	for d := dir; ; {
		if _, err := os.Lstat(filepath.Join(d, ".git")); err == nil {
			return d
		}
		parent := filepath.Dir(d)
		if parent == d {
			return ""
		}
		d = parent
	}
}

// homeDir returns the nearest directory at or above the manifest's own
// that holds a Go package, without leaving the module; "" if none (as
// when the manifest sits above the module root: then main packages report
// its problems).
func homeDir(manifest, root string) string {
	if root == "" || !within(manifest, root) {
		return ""
	}
	for d := filepath.Dir(manifest); ; {
		if hasGoFiles(d) {
			return d
		}
		parent := filepath.Dir(d)
		if d == root || parent == d {
			return ""
		}
		d = parent
	}
}

// within reports whether path is dir or inside it.
func within(path, dir string) bool {
	rel, err := filepath.Rel(dir, path)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator))
}

func hasGoFiles(dir string) bool {
	dirCache.Lock()
	has, ok := dirCache.goFiles[dir]
	dirCache.Unlock()
	if ok {
		return has
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		n := e.Name()
		if !e.IsDir() && strings.HasSuffix(n, ".go") && !strings.HasSuffix(n, "_test.go") {
			has = true
			break
		}
	}
	dirCache.Lock()
	if dirCache.goFiles == nil {
		dirCache.goFiles = map[string]bool{}
	}
	dirCache.goFiles[dir] = has
	dirCache.Unlock()
	return has
}
