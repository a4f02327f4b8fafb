package runner

import (
	"bytes"
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"go/parser"
	"go/token"
	"io/fs"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"time"
)

// The go command takes 0.3–0.5 s to list a module the size of
// go-atlassian even when nothing changed, and with -export it recompiles
// the edited package, its test variant and test main, whether or not
// anything imports them. So the runner remembers its listing in the
// cache, with the contents of every file outside GOROOT and the module
// cache that decides it and the entries of every directory that could add
// a package or a file. A re-run that finds only package bodies changed
// uses the remembered listing; it asks the go command only for fresh
// export data of changed packages that other packages import. Anything
// else (a changed import, build constraint or file list, go.mod, the
// environment, the go command, export data gone from the build cache, a
// failure) lists again.

// remembered is a listing and what it depends on.
type remembered struct {
	Pkgs  []*listed
	Files map[string]fileState // absolute name -> state
	Dirs  map[string][]string  // absolute name -> its relevant entries
	// Trees: every entry of the directories below a package that embeds
	// files, which its patterns may match.
	Trees map[string][]string
}

// fileState is a file's content digest, and for a Go file the digest of
// its header: everything up to the end of its imports, which holds what
// go list reads of it (build constraints, package name, imports, cgo
// preamble). "" digests an absent file.
type fileState struct {
	Sum    string
	Header string `json:",omitempty"`
}

// listing is the outcome of list.
type listing struct {
	pkgs   []*listed
	stderr string
	how    string               // "go list", "remembered", "remembered, N recompiled"
	stale  map[string]bool      // with a remembered listing: packages whose files or dependencies changed
	sums   map[string]fileState // files already read, by absolute name

	// With a remembered listing, the export data of edited packages that
	// others import is refreshed while the rest is analysed: an importer
	// waits for refreshed before it reads their Export, and the run lists
	// afresh unless refreshOK.
	recompiling map[string]bool
	refreshed   chan struct{}
	refreshOK   bool
	save        func() // remembers the listing once it is complete
}

// awaitExports waits until the export data n's dependencies need is
// there, and reports whether it is.
func (l *listing) awaitExports(n *node) bool {
	if l.refreshed == nil || !slices.ContainsFunc(n.deps, func(d *node) bool { return l.recompiling[d.pkg.ImportPath] }) {
		return true
	}
	<-l.refreshed
	return l.refreshOK
}

// complete waits for the export data refresh, and reports whether the
// listing is complete: the run may stand, and the listing be remembered.
func (l *listing) complete() bool {
	if l.refreshed != nil {
		<-l.refreshed
		return l.refreshOK
	}
	return true
}

// list lists the packages, reusing the remembered listing when it holds.
func list(cfg Config, fresh bool) (*listing, error) {
	key := ""
	if cfg.Cache != nil && !fresh {
		key = listKey(cfg)
	}
	if key != "" {
		if r, ok := cfg.Cache.recall(key); ok {
			if l, ok := r.reuse(cfg); ok {
				l.save = func() { cfg.Cache.remember(key, r) }
				return l, nil
			}
		}
	}
	started := time.Now()
	pkgs, stderr, err := goList(cfg.GoCommand, cfg.Dir, cfg.Tests, cfg.Patterns)
	if err != nil {
		return nil, err
	}
	l := &listing{pkgs: pkgs, stderr: stderr, how: "go list"}
	if cfg.Cache != nil {
		if key == "" {
			key = listKey(cfg)
		}
		if key != "" && listStderr(stderr) == "" {
			// Recorded beside the analysis: it reads every file of the
			// module, 0.1 s of CPU on go-atlassian.
			recorded := make(chan *remembered, 1)
			go func() { recorded <- record(cfg, pkgs, started) }()
			l.save = func() {
				if r := <-recorded; r != nil {
					cfg.Cache.remember(key, r)
				}
			}
		}
	}
	return l, nil
}

// listKey names everything outside the files that decides go list's
// answer: the directory, patterns, go command and environment. "" means
// the listing is not to be remembered.
func listKey(cfg Config) string {
	for _, p := range cfg.Patterns {
		if strings.HasSuffix(p, ".go") || strings.HasPrefix(p, "-") {
			return "" // file arguments and flags: list every time
		}
	}
	if flags := os.Getenv("GOFLAGS"); strings.Contains(flags, "-modfile") || strings.Contains(flags, "-overlay") {
		return "" // files the listing depends on that are not recorded
	}
	dir, err := filepath.Abs(cmp.Or(cfg.Dir, "."))
	if err != nil {
		return ""
	}
	goCmd, err := exec.LookPath(cmp.Or(cfg.GoCommand, "go"))
	if err != nil {
		return ""
	}
	goCmd, _ = filepath.Abs(goCmd)
	st, err := os.Stat(goCmd)
	if err != nil {
		return ""
	}
	h := sha256.New()
	fmt.Fprintf(h, "connectlint list 2\x00%s\x00%q\x00%t\x00%s\x00%d\x00%d\x00", dir, cfg.Patterns, cfg.Tests, goCmd, st.Size(), st.ModTime().UnixNano())
	env := os.Environ()
	slices.Sort(env)
	for _, kv := range env {
		name, _, _ := strings.Cut(kv, "=")
		if strings.HasPrefix(name, "GO") || strings.HasPrefix(name, "CGO_") || slices.Contains(envNames, name) {
			fmt.Fprintf(h, "%s\x00", kv)
		}
	}
	// go env -w settings
	goenv := os.Getenv("GOENV")
	if goenv == "" {
		if d, err := os.UserConfigDir(); err == nil {
			goenv = filepath.Join(d, "go", "env")
		}
	}
	if goenv != "" && goenv != "off" {
		fmt.Fprintf(h, "goenv\x00%s\x00", stateOf(goenv).Sum)
	}
	return hex.EncodeToString(h.Sum(nil))
}

// envNames are variables besides GO* and CGO_* that the go command reads.
var envNames = []string{"AR", "CC", "CXX", "FC", "PKG_CONFIG", "PATH", "HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "GCCGO"}

func (c *Cache) recall(key string) (*remembered, bool) {
	e, ok := c.get(key)
	if !ok {
		return nil, false
	}
	r := new(remembered)
	if err := json.Unmarshal(e.facts, r); err != nil || len(r.Pkgs) == 0 {
		return nil, false
	}
	return r, true
}

func (c *Cache) remember(key string, r *remembered) {
	data, err := json.Marshal(r)
	if err == nil {
		c.put(key, entry{facts: data})
	}
}

// immutable reports whether the package's files cannot change under a
// fixed go command and go.mod: the standard library and versioned modules
// in the module cache (not vendored copies, which may be patched).
func (p *listed) immutable() bool {
	if p.Standard {
		return true
	}
	m := p.Module
	if m == nil || m.Main || strings.Contains(filepath.ToSlash(p.Dir), "/vendor/") {
		return false
	}
	if m.Replace != nil {
		return m.Replace.Version != ""
	}
	return m.Version != ""
}

// sourceFiles are the package's files go list named, absolute.
func (p *listed) sourceFiles() []string {
	var out []string
	for _, fs := range [][]string{p.GoFiles, p.CgoFiles, p.IgnoredGoFiles, p.CFiles, p.CXXFiles, p.MFiles, p.HFiles, p.FFiles, p.SFiles, p.SwigFiles, p.SwigCXXFiles, p.SysoFiles} {
		out = append(out, abs(p.Dir, fs)...)
	}
	return out
}

// racy reports whether a file or directory last modified at mtime may
// have changed after go list, started at started, read it: then the
// listing is not remembered. Linux stamps times from a clock that lags by
// up to a tick (10 ms at most), so 50 ms is a safe margin; a time without
// a fraction of a second comes from a file system that keeps whole
// seconds (or two), where the last two seconds are suspect. (A margin of
// a second everywhere kept an editor that runs connectlint on save from
// ever having its listing remembered.)
func racy(mtime, started time.Time) bool {
	window := 50 * time.Millisecond
	if mtime.Nanosecond() == 0 {
		window = 2 * time.Second
	}
	return mtime.After(started.Add(-window))
}

// record describes what the listing depends on, or returns nil when it
// should not be remembered (errors, or files modified while listing).
func record(cfg Config, pkgs []*listed, started time.Time) *remembered {
	r := &remembered{Pkgs: pkgs, Files: map[string]fileState{}, Dirs: map[string][]string{}, Trees: map[string][]string{}}
	changing := false
	addFile := func(name string) {
		if _, ok := r.Files[name]; ok {
			return
		}
		r.Files[name] = stateOf(name)
		// After reading: a change after the read shows in the time.
		if st, err := os.Stat(name); err == nil && racy(st.ModTime(), started) {
			changing = true
		}
	}
	addDir := func(dir string) {
		if _, ok := r.Dirs[dir]; !ok {
			// A file added while listing is in neither the listing nor
			// r.Files: the directory's time tells.
			r.Dirs[dir] = dirEntries(dir)
			if st, err := os.Stat(dir); err == nil && racy(st.ModTime(), started) {
				changing = true
			}
		}
	}
	walked := map[string]bool{} // module roots seen: once each, not once per package
	for _, p := range pkgs {
		if p.Error != nil || len(p.DepsErrors) > 0 || p.ImportPath == "command-line-arguments" {
			return nil
		}
		if p.immutable() {
			continue
		}
		if p.Dir != "" {
			addDir(p.Dir)
		}
		if !p.isTestMain() { // its file is generated into the build cache
			for _, name := range p.sourceFiles() {
				addFile(name)
			}
		}
		if len(p.EmbedPatterns) > 0 && p.Dir != "" {
			// Embedded files are read by the compiler, and what the
			// patterns match decides the listing.
			for _, name := range abs(p.Dir, p.EmbedFiles) {
				addFile(name)
			}
			walkTree(p.Dir, r.Trees, started, &changing)
		}
		if m := p.Module; m != nil && m.Dir != "" && !walked[m.Dir] {
			walked[m.Dir] = true
			// A replacement's go.mod decides its go version and requirements.
			addFile(filepath.Join(m.Dir, "go.mod"))
			if m.Main {
				for _, name := range []string{"go.sum", "go.work", "go.work.sum", filepath.Join("vendor", "modules.txt")} {
					addFile(filepath.Join(m.Dir, name))
				}
				walkModule(m.Dir, addDir)
			}
		}
	}
	// go.work and go.mod files above the directory decide the modules.
	dir, err := filepath.Abs(cmp.Or(cfg.Dir, "."))
	if err != nil {
		return nil
	}
	for {
		addFile(filepath.Join(dir, "go.work"))
		addFile(filepath.Join(dir, "go.mod"))
		parent := filepath.Dir(dir)
		if parent == dir {
			break
		}
		dir = parent
	}
	if changing {
		return nil
	}
	return r
}

// walkModule records every directory of a module that go's patterns may
// descend into.
func walkModule(root string, addDir func(string)) {
	filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil || !d.IsDir() {
			return nil
		}
		if path != root && ignoredName(d.Name()) {
			return filepath.SkipDir
		}
		addDir(path)
		return nil
	})
}

// walkTree records every entry of every directory below root, and
// whether one may have changed while go list ran (see racy).
func walkTree(root string, trees map[string][]string, started time.Time, changing *bool) {
	filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil || !d.IsDir() {
			return nil
		}
		if d.Name() == ".git" && path != root {
			return filepath.SkipDir
		}
		if _, ok := trees[path]; ok {
			return filepath.SkipDir
		}
		trees[path] = allEntries(path)
		if st, err := os.Stat(path); err == nil && racy(st.ModTime(), started) {
			*changing = true
		}
		return nil
	})
}

// allEntries lists every entry of a directory.
func allEntries(dir string) []string {
	return entriesOf(dir, func(string, bool) bool { return true })
}

// entriesOf lists the entries of a directory that keep accepts,
// directories with a trailing slash; an error is an entry of its own.
func entriesOf(dir string, keep func(name string, isDir bool) bool) []string {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return []string{"\x00" + err.Error()}
	}
	out := []string{}
	for _, e := range entries {
		if name := e.Name(); keep(name, e.IsDir()) {
			if e.IsDir() {
				name += "/"
			}
			out = append(out, name)
		}
	}
	return out
}

func ignoredName(name string) bool {
	return strings.HasPrefix(name, ".") || strings.HasPrefix(name, "_") || name == "testdata" || name == "vendor"
}

// dirEntries lists what in a directory can change a listing: its
// subdirectories, its source files, and module and workspace files.
func dirEntries(dir string) []string {
	return entriesOf(dir, func(name string, isDir bool) bool {
		switch {
		case ignoredName(name) && name != "vendor":
			return false
		case isDir:
			return true
		}
		return sourceExt[filepath.Ext(name)] || name == "go.mod" || name == "go.sum" || name == "go.work"
	})
}

// sourceExt are the extensions of files the go command builds from.
var sourceExt = map[string]bool{
	".go": true, ".c": true, ".h": true, ".s": true, ".S": true, ".sx": true, ".cc": true, ".cpp": true, ".cxx": true,
	".hh": true, ".hpp": true, ".hxx": true, ".m": true, ".f": true, ".F": true, ".for": true, ".f90": true,
	".syso": true, ".swig": true, ".swigcxx": true,
}

// stateOf reads a file's state.
func stateOf(name string) fileState {
	data, err := os.ReadFile(name)
	if err != nil {
		return fileState{}
	}
	sum := sha256.Sum256(data)
	st := fileState{Sum: hex.EncodeToString(sum[:])}
	if strings.HasSuffix(name, ".go") {
		h := sha256.Sum256(goHeader(data))
		st.Header = hex.EncodeToString(h[:])
	}
	return st
}

// goHeader returns the part of a Go file that go list reads: up to the
// end of its last import declaration. A file that does not parse is all
// header, so any change to it lists again.
func goHeader(src []byte) []byte {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "", src, parser.ImportsOnly|parser.ParseComments)
	if err != nil || f.Name == nil {
		return src
	}
	end := f.Name.End()
	embeds := false
	for _, d := range f.Decls {
		end = max(end, d.End())
	}
	for _, imp := range f.Imports {
		embeds = embeds || imp.Path.Value == `"embed"`
	}
	header := src[:fset.File(f.Pos()).Offset(end)]
	if !embeds {
		return header
	}
	// go list reads the //go:embed directives of a file that imports
	// embed wherever they are.
	out := slices.Clone(header)
	for line := range bytes.Lines(src[len(header):]) {
		if bytes.Contains(line, []byte("go:embed")) {
			out = append(out, line...)
		}
	}
	return out
}

// reuse checks the remembered listing against the files, and returns it
// when only package bodies changed, with fresh export data for changed
// packages that others import. It updates r to the files it saw.
func (r *remembered) reuse(cfg Config) (*listing, bool) {
	for dir, names := range r.Dirs {
		if !slices.Equal(dirEntries(dir), names) {
			return nil, false
		}
	}
	for dir, names := range r.Trees {
		if !slices.Equal(allEntries(dir), names) {
			return nil, false
		}
	}
	changed := map[string]bool{}
	for name, old := range r.Files {
		now := stateOf(name)
		if now == old {
			continue
		}
		if !strings.HasSuffix(name, ".go") || now.Header != old.Header {
			return nil, false // the listing may change
		}
		changed[name] = true
		r.Files[name] = now
	}
	byPath := map[string]*listed{}
	importers := map[string][]*listed{}
	stale := map[string]bool{}
	var queue []*listed
	for _, p := range r.Pkgs {
		byPath[p.ImportPath] = p
		for _, imp := range p.Imports {
			importers[imp] = append(importers[imp], p)
		}
		if len(changed) > 0 && !p.immutable() && slices.ContainsFunc(p.sourceFiles(), func(f string) bool { return changed[f] }) {
			if len(p.CgoFiles) > 0 {
				return nil, false // its compiled files are generated from its sources
			}
			stale[p.ImportPath] = true
			queue = append(queue, p)
		}
	}
	for len(queue) > 0 {
		p := queue[0]
		queue = queue[1:]
		for _, imp := range importers[p.ImportPath] {
			if !stale[imp.ImportPath] {
				stale[imp.ImportPath] = true
				queue = append(queue, imp)
			}
		}
	}
	// A stale package that another imports is compiled again: its export
	// data must be fresh where it is read, and the compiler reports
	// errors the type checker does not (a function without a body, a
	// misplaced //go:linkname). One that nothing imports is not, as go
	// vet does not compile it: such an error in it goes unreported until
	// the listing is redone, as under go vet (compiling it would triple
	// the 0.2 s re-run).
	var compile []*listed
	names := map[string]bool{}
	tests := false
	for _, p := range r.Pkgs {
		if !stale[p.ImportPath] {
			if p.Export != "" && !exists(p.Export) {
				return nil, false
			}
			for _, f := range p.CompiledGoFiles {
				if filepath.IsAbs(f) && !exists(f) {
					return nil, false
				}
			}
			continue
		}
		if p.isTestMain() || !slices.ContainsFunc(importers[p.ImportPath], func(q *listed) bool { return !q.isTestMain() }) {
			continue
		}
		compile = append(compile, p)
		if p.ForTest != "" {
			names[p.ForTest] = true // its test variants are listed with -test
			tests = true
		} else {
			names[p.ImportPath] = true
		}
	}
	l := &listing{pkgs: r.Pkgs, how: "remembered", stale: stale, sums: r.Files}
	if len(compile) > 0 {
		l.how = fmt.Sprintf("remembered, %d recompiled", len(compile))
		l.recompiling = map[string]bool{}
		for _, p := range compile {
			l.recompiling[p.ImportPath] = true
		}
		l.refreshed = make(chan struct{})
		go func() {
			defer close(l.refreshed)
			fresh, err := goListExport(cfg.GoCommand, cfg.Dir, tests, slices.Sorted(maps.Keys(names)))
			if err != nil {
				return
			}
			got := map[string]*listed{}
			for _, q := range fresh {
				got[q.ImportPath] = q
			}
			for _, p := range compile {
				q := got[p.ImportPath]
				if q == nil || q.Error != nil || len(q.DepsErrors) > 0 || q.Export == "" {
					return
				}
			}
			for _, p := range compile {
				p.Export = got[p.ImportPath].Export
			}
			l.refreshOK = true
		}()
	}
	return l, true
}

func exists(name string) bool {
	_, err := os.Stat(name)
	return err == nil
}
