package descriptor

import (
	"cmp"
	"go/ast"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode"

	"github.com/connectlint/connectlint/internal/config"
)

// descriptorName is the file connectlint looks for.
const descriptorName = "atlassian-connect.json"

// conventionalDirs are the sub-folders searched at each directory level.
var conventionalDirs = []string{"static", "assets", "templates", "web", "public"}

// maxNestedDepth bounds the search below a directory level: 4 reaches
// assets/templates/ac/atlassian-connect.json with room to spare.
const maxNestedDepth = 4

// neverSearched are directories discovery never enters.
var neverSearched = map[string]bool{"vendor": true, "node_modules": true, ".git": true}

// A candidate is a file named atlassian-connect.json found for a package.
type candidate struct {
	path  string
	depth int // directories between the search level and the file
}

// discovery is where a package's descriptor came from.
type discovery struct {
	path     string // the descriptor, "" when none was chosen
	embedded bool   // the package embeds it with //go:embed

	// When several candidates are equally near, none is chosen: they are
	// listed here, with the directory level they were found from.
	ambiguous []string
	level     string
}

// discover finds the descriptor for the package in dir with the given
// files: explicit (the -descriptor.file flag), embedded, or the nearest one
// walking up to the module root.
func discover(explicit, dir string, files []*ast.File) discovery {
	if explicit != "" {
		return discovery{path: explicit}
	}
	if cands := embedded(dir, files); len(cands) > 0 {
		d := nearest(dir, cands)
		d.embedded = d.path != ""
		return d
	}
	root := config.ModuleRoot(dir)
	for level := dir; ; {
		if cands := candidatesAt(level); len(cands) > 0 {
			return nearest(level, cands)
		}
		parent := filepath.Dir(level)
		if root == "" || level == root || parent == level {
			return discovery{}
		}
		level = parent
	}
}

// nearest chooses the shallowest candidate, or reports a tie.
func nearest(level string, cands []candidate) discovery {
	slices.SortFunc(cands, func(a, b candidate) int {
		return cmp.Or(cmp.Compare(a.depth, b.depth), strings.Compare(a.path, b.path))
	})
	cands = slices.CompactFunc(cands, func(a, b candidate) bool { return a.path == b.path })
	if len(cands) > 1 && cands[1].depth == cands[0].depth {
		var tied []string
		for _, c := range cands {
			if c.depth == cands[0].depth {
				tied = append(tied, c.path)
			}
		}
		return discovery{ambiguous: tied, level: level}
	}
	return discovery{path: cands[0].path, level: level}
}

// embedded returns the descriptors named by the package's //go:embed
// directives, relative to the package directory.
func embedded(dir string, files []*ast.File) []candidate {
	var out []candidate
	for _, f := range files {
		for _, cg := range f.Comments {
			for _, c := range cg.List {
				args, ok := strings.CutPrefix(c.Text, "//go:embed")
				if !ok || (args != "" && args[0] != ' ' && args[0] != '\t') {
					continue
				}
				for _, pat := range embedPatterns(args) {
					pat = strings.TrimPrefix(pat, "all:")
					matches, _ := filepath.Glob(filepath.Join(dir, filepath.FromSlash(pat)))
					for _, m := range matches {
						out = append(out, embeddedCandidates(dir, m)...)
					}
				}
			}
		}
	}
	return out
}

// embeddedCandidates returns the descriptors an embed pattern match holds:
// the file itself, or files of that name in an embedded directory.
func embeddedCandidates(dir, match string) []candidate {
	info, err := os.Stat(match)
	if err != nil {
		return nil
	}
	rel, _ := filepath.Rel(dir, match)
	depth := strings.Count(filepath.ToSlash(rel), "/")
	if !info.IsDir() {
		if filepath.Base(match) == descriptorName {
			return []candidate{{path: match, depth: depth}}
		}
		return nil
	}
	var out []candidate
	for _, c := range search(match, maxNestedDepth) {
		out = append(out, candidate{path: c.path, depth: depth + 1 + c.depth})
	}
	return out
}

// embedPatterns splits a //go:embed argument list: space-separated
// patterns, each possibly a Go string literal.
func embedPatterns(args string) []string {
	var out []string
	s := strings.TrimSpace(args)
	for s != "" {
		var pat string
		if s[0] == '"' || s[0] == '`' {
			end := strings.IndexByte(s[1:], s[0])
			if end < 0 {
				return out
			}
			lit := s[:end+2]
			u, err := strconv.Unquote(lit)
			if err != nil {
				return out
			}
			pat, s = u, s[len(lit):]
		} else {
			end := strings.IndexFunc(s, unicode.IsSpace)
			if end < 0 {
				end = len(s)
			}
			pat, s = s[:end], s[end:]
		}
		out = append(out, pat)
		s = strings.TrimSpace(s)
	}
	return out
}

var dirCache struct {
	sync.Mutex
	candidates map[string][]candidate // by directory level
	goFiles    map[string]bool        // directory holds non-test Go files
}

// candidatesAt lists the descriptors found from one directory level: the
// level itself and its conventional sub-folders.
func candidatesAt(level string) []candidate {
	dirCache.Lock()
	cands, ok := dirCache.candidates[level]
	dirCache.Unlock()
	if ok {
		return cands
	}
	if _, err := os.Lstat(filepath.Join(level, descriptorName)); err == nil {
		cands = append(cands, candidate{path: filepath.Join(level, descriptorName)})
	}
	for _, sub := range conventionalDirs {
		for _, c := range search(filepath.Join(level, sub), maxNestedDepth-1) {
			cands = append(cands, candidate{path: c.path, depth: c.depth + 1})
		}
	}
	dirCache.Lock()
	if dirCache.candidates == nil {
		dirCache.candidates = map[string][]candidate{}
	}
	dirCache.candidates[level] = cands
	dirCache.Unlock()
	return cands
}

// search finds files named descriptorName in dir and its sub-folders down
// to maxDepth levels, breadth first; depth counts folders below dir.
func search(dir string, maxDepth int) []candidate {
	var out []candidate
	type item struct {
		dir   string
		depth int
	}
	queue := []item{{dir, 0}}
	for len(queue) > 0 {
		it := queue[0]
		queue = queue[1:]
		entries, err := os.ReadDir(it.dir)
		if err != nil {
			continue
		}
		for _, e := range entries {
			name := e.Name()
			switch {
			case name == descriptorName:
				out = append(out, candidate{path: filepath.Join(it.dir, name), depth: it.depth})
			case e.IsDir() && !neverSearched[name] && it.depth < maxDepth:
				queue = append(queue, item{filepath.Join(it.dir, name), it.depth + 1})
			}
		}
	}
	return out
}

// homeDir returns the nearest directory at or above the descriptor's own
// that holds a Go package, without leaving the module; "" if none.
func homeDir(descriptor, root string) string {
	if root == "" || !within(descriptor, root) {
		return ""
	}
	for d := filepath.Dir(descriptor); ; {
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
