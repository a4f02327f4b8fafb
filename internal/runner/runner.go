// Package runner is connectlint's standalone driver: one process that
// lists the packages once with go list, analyses in dependency order and
// in parallel only the packages that can matter (the roots, and the
// dependencies that may hold facts; everything else is types from the
// compiler's export data), and keeps every package's facts and findings
// in a cache on disk, so a re-run analyses only what changed. The listing
// itself is remembered while only function bodies change (listcache.go).
//
// Each package is analysed exactly as go vet's tool would analyse it
// (vettool.Analyze), so the findings are those of the go vet driver.
package runner

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"maps"
	"os"
	"runtime"
	"runtime/debug"
	"slices"
	"strings"
	"sync"
	"time"

	"golang.org/x/tools/go/analysis"

	"github.com/connectlint/connectlint/internal/vettool"
)

// Config is one run.
type Config struct {
	Dir       string   // where to run go list; "" is the current directory
	Patterns  []string // package patterns
	Tests     bool     // analyse test variants, as go vet does
	GoCommand string   // "" means "go"
	Analyzers []*analysis.Analyzer
	Options   vettool.Options
	// ToolKey names everything besides the packages that decides the
	// results: the connectlint build, its config, descriptor and manifest
	// contents, and analyzer flags. It is part of every cache key.
	ToolKey string
	Cache   *Cache // nil: no cache
	Jobs    int    // packages analysed at once; 0 means GOMAXPROCS
}

// Result is what go vet -json would have printed.
type Result struct {
	Packages []vettool.PackageResult // the roots' output
	Stderr   string                  // load errors and tool errors, "# pkg" headed
	Stats    Stats
}

// Stats count what the run did.
type Stats struct {
	Listed   int    // packages go list gave
	Listing  string // how: "go list", "remembered" or "remembered, N recompiled" (see list)
	Analysed int    // packages analysed in this run
	Cached   int    // packages whose analysis came from the cache
}

// node is one package of the run.
type node struct {
	pkg   *listed
	root  bool
	deps  []*node // resolved direct imports
	done  chan struct{}
	key   string // cache key; "" until computed
	facts []byte
	ok    bool // analysed (or skipped) without error: importers may proceed
	resp  vettool.Response

	plainOnce sync.Once
	plain     bool // see plainDeps
	cycle     bool // an import of it closes an import cycle (see breakCycles)
	missing   bool // go list could not find it

	digestOnce sync.Once
	digest     string // see factsDigest
}

// breakCycles drops the imports that close an import cycle, so that no
// package waits for itself; go list reports the cycle, and the package is
// not analysed.
func breakCycles(nodes map[string]*node) {
	const (
		unvisited = iota
		visiting
		visited
	)
	state := map[*node]int{}
	var visit func(n *node)
	visit = func(n *node) {
		state[n] = visiting
		kept := n.deps[:0]
		for _, d := range n.deps {
			switch state[d] {
			case visiting:
				n.cycle = true
				continue
			case unvisited:
				visit(d)
			}
			kept = append(kept, d)
		}
		n.deps = kept
		state[n] = visited
	}
	for _, path := range slices.Sorted(maps.Keys(nodes)) {
		if state[nodes[path]] == unvisited {
			visit(nodes[path])
		}
	}
}

// Run analyses the packages.
func Run(cfg Config) (*Result, error) {
	res, retry, err := runListed(cfg, false)
	if retry {
		// A package edited since the remembered listing failed to
		// analyse: list afresh, so that it fails as the go command sees it.
		res, _, err = runListed(cfg, true)
	}
	return res, err
}

// runListed analyses the packages, listed afresh or not; retry says a
// package changed since a remembered listing failed.
func runListed(cfg Config, fresh bool) (res *Result, retry bool, err error) {
	started := time.Now()
	l, err := list(cfg, fresh)
	if err != nil {
		return nil, false, err
	}
	list, listErr := l.pkgs, l.stderr
	nodes := map[string]*node{}
	for _, p := range list {
		nodes[p.ImportPath] = &node{pkg: p, done: make(chan struct{})}
	}
	for _, n := range nodes {
		for _, imp := range n.pkg.Imports {
			if d := nodes[imp]; d != nil {
				n.deps = append(n.deps, d)
			}
		}
	}
	breakCycles(nodes)
	for _, p := range list {
		n := nodes[p.ImportPath]
		switch {
		case p.DepOnly || p.isTestMain():
		case cfg.Tests && p.ForTest == "" && nodes[p.ImportPath+" ["+p.ImportPath+".test]"] != nil:
			// go vet analyses the package with its tests instead
		default:
			n.root = true
		}
	}

	// Only the roots and what they import are analysed (go list also
	// gives a package whose test variant is the root).
	needed := map[*node]bool{}
	var need func(n *node)
	need = func(n *node) {
		if !needed[n] {
			needed[n] = true
			for _, d := range n.deps {
				need(d)
			}
		}
	}
	for _, n := range nodes {
		if n.root {
			need(n)
		}
	}

	var stderr bytes.Buffer
	stderr.WriteString(listStderr(listErr))
	var mu sync.Mutex // guards stderr and stats
	res = &Result{Stats: Stats{Listed: len(list), Listing: l.how}}
	jobs := cfg.Jobs
	if jobs <= 0 {
		jobs = runtime.GOMAXPROCS(0)
	}
	sem := make(chan struct{}, jobs)
	shared := vettool.NewImports()
	var wg sync.WaitGroup
	for _, p := range list {
		n := nodes[p.ImportPath]
		if !needed[n] {
			close(n.done)
			continue
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			defer close(n.done)
			for _, d := range n.deps {
				<-d.done
			}
			if !l.awaitExports(n) {
				return // the run lists afresh
			}
			msg, cached, analysed := run(cfg, n, sem, shared, l.sums)
			mu.Lock()
			if analysed && !n.ok && l.stale[p.ImportPath] {
				retry = true
			}
			stderr.WriteString(msg)
			if cached {
				res.Stats.Cached++
			} else if analysed {
				res.Stats.Analysed++
			}
			mu.Unlock()
		}()
	}
	wg.Wait()
	if !l.complete() || retry {
		return nil, true, nil // the caller lists afresh and runs again
	}
	if l.save != nil {
		l.save()
	}

	for _, p := range list {
		n := nodes[p.ImportPath]
		if !n.root || !n.ok || len(n.resp.Stdout) == 0 {
			continue
		}
		pkgs, err := vettool.ReadJSON(bytes.NewReader(n.resp.Stdout))
		if err != nil {
			return nil, false, fmt.Errorf("%s: %v", p.ImportPath, err)
		}
		res.Packages = append(res.Packages, pkgs...)
	}
	res.Stderr = stderr.String()
	if cfg.Cache != nil {
		cfg.Cache.trim(started)
	}
	return res, false, nil
}

// run analyses one package whose dependencies are done, and returns what
// to print on standard error for it.
func run(cfg Config, n *node, sem chan struct{}, shared *vettool.Imports, sums map[string]fileState) (stderr string, cached, analysed bool) {
	p := n.pkg
	if p.Error != nil {
		if !n.root && len(p.GoFiles)+len(p.CgoFiles)+len(p.CompiledGoFiles) == 0 {
			// A package that could not be found: its importers say so,
			// as the go command does.
			n.missing = true
			return "", false, false
		}
		return header(p) + listError(p), false, false
	}
	if n.cycle {
		if len(p.DepsErrors) > 0 {
			return "", false, false // go list reported the cycle there
		}
		return header(p) + "import cycle not allowed\n", false, false
	}
	var missing strings.Builder
	for _, d := range n.deps {
		if d.missing {
			missing.WriteString(listError(d.pkg))
		}
	}
	if missing.Len() > 0 {
		return header(p) + missing.String(), false, false
	}
	for _, d := range n.deps {
		if !d.ok {
			return "", false, false // go vet skips it too: a dependency has errors
		}
	}
	if p.Standard {
		n.ok = true // the analyzers know the standard library by name
		return "", false, false
	}
	if !n.root && !slices.ContainsFunc(cfg.Analyzers, vettool.UsesFacts) {
		n.ok = true
		return "", false, false
	}
	if p.Export == "" && !p.isTestMain() {
		// go list compiled nothing, and said why in p.Error; no error: a
		// package with no Go files for this build.
		return "", false, false
	}
	vc := vetConfig(n)
	n.key = key(cfg, n, vc, sums)
	if cfg.Cache != nil {
		if e, ok := cfg.Cache.get(n.key); ok {
			n.facts, n.resp = e.facts, vettool.Response{Facts: e.facts, Stdout: e.stdout, Stderr: e.stderr, Code: e.code}
			n.ok = e.code == 0
			return withHeader(p, e.stderr), true, false
		}
	}
	facts := map[string][]byte{}
	for _, d := range n.closure() {
		if len(d.facts) > 0 {
			facts[d.pkg.path()] = d.facts
		}
	}
	req := vettool.Request{Config: vc, Facts: facts, JSON: true, Suppressed: true}
	if n.plainDeps() {
		req.Imports = shared
	}
	sem <- struct{}{}
	resp := vettool.Analyze(req, cfg.Analyzers, cfg.Options)
	<-sem
	n.facts, n.resp, n.ok = resp.Facts, resp, resp.Code == 0
	if cfg.Cache != nil && resp.Code == 0 {
		// A failure is not kept: it may come from the environment (an
		// export data file removed under us) rather than the inputs.
		cfg.Cache.put(n.key, entry{facts: resp.Facts, stdout: resp.Stdout, stderr: resp.Stderr, code: resp.Code})
	}
	return withHeader(p, resp.Stderr), false, true
}

// closure returns the package's dependencies, direct and indirect, each
// once. Call it only once the dependencies are done.
func (n *node) closure() []*node {
	var out []*node
	seen := map[*node]bool{}
	var visit func(m *node)
	visit = func(m *node) {
		for _, d := range m.deps {
			if !seen[d] {
				seen[d] = true
				out = append(out, d)
				visit(d)
			}
		}
	}
	visit(n)
	return out
}

// factsDigest names the facts of the package and of all its dependencies.
// Call it only once the package is done.
func (n *node) factsDigest() string {
	n.digestOnce.Do(func() {
		h := sha256.New()
		h.Write(n.facts)
		deps := slices.Clone(n.deps)
		slices.SortFunc(deps, func(a, b *node) int { return strings.Compare(a.pkg.ImportPath, b.pkg.ImportPath) })
		for _, d := range deps {
			fmt.Fprintf(h, "\x00%s\x00%s", d.pkg.ImportPath, d.factsDigest())
		}
		n.digest = hex.EncodeToString(h.Sum(nil))
	})
	return n.digest
}

// plainDeps reports whether no dependency of the package, direct or
// indirect, is a test variant: then its dependencies are the packages
// every other such package sees, and their imports can be shared.
func (n *node) plainDeps() bool {
	n.plainOnce.Do(func() {
		n.plain = true
		for _, d := range n.deps {
			if d.pkg.ForTest != "" || !d.plainDeps() {
				n.plain = false
				return
			}
		}
	})
	return n.plain
}

// vetConfig describes the package as go vet would to its tool.
func vetConfig(n *node) *vettool.Config {
	p := n.pkg
	gofiles := p.CompiledGoFiles
	if len(gofiles) == 0 {
		gofiles = append(slices.Clone(p.GoFiles), p.CgoFiles...)
	}
	var nongo []string
	for _, fs := range [][]string{p.CFiles, p.CXXFiles, p.MFiles, p.HFiles, p.FFiles, p.SFiles, p.SwigFiles, p.SwigCXXFiles, p.SysoFiles} {
		nongo = append(nongo, fs...)
	}
	vc := &vettool.Config{
		ID:           p.ImportPath,
		Compiler:     "gc",
		Dir:          p.Dir,
		ImportPath:   p.path(),
		GoFiles:      abs(p.Dir, gofiles),
		NonGoFiles:   abs(p.Dir, nongo),
		IgnoredFiles: abs(p.Dir, p.IgnoredGoFiles),
		ImportMap:    map[string]string{},
		PackageFile:  map[string]string{},
		Standard:     map[string]bool{},
		VetxOnly:     !n.root,
	}
	if m := p.Module; m != nil {
		vc.ModulePath, vc.ModuleVersion = m.Path, m.Version
		if m.GoVersion != "" {
			vc.GoVersion = "go" + m.GoVersion
		}
	}
	resolved := map[string]string{} // resolved -> source path
	for src, r := range p.ImportMap {
		resolved[r] = src
	}
	for _, d := range n.deps {
		src, ok := resolved[d.pkg.ImportPath]
		if !ok {
			src = d.pkg.ImportPath
		}
		path := d.pkg.path()
		vc.ImportMap[src] = path
		vc.PackageFile[path] = d.pkg.Export
		if d.pkg.Standard {
			vc.Standard[path] = true
		}
	}
	if slices.Contains(p.Imports, "unsafe") {
		vc.ImportMap["unsafe"] = "unsafe"
	}
	return vc
}

// key is the package's cache key: the tool, the package's files and
// description, and its dependencies' export data and facts.
func key(cfg Config, n *node, vc *vettool.Config, sums map[string]fileState) string {
	h := sha256.New()
	fmt.Fprintf(h, "connectlint runner 4\x00%s\x00%s\x00%s\x00%t\x00%s\x00%s\x00%s\x00%s\x00",
		cfg.ToolKey, vc.ID, vc.Dir, vc.VetxOnly, vc.ModulePath, vc.ModuleVersion, vc.GoVersion, runtime.Version())
	// Embedded files too: the descriptor analyzer reads an embedded
	// atlassian-connect.json.
	for _, list := range [][]string{vc.GoFiles, vc.NonGoFiles, abs(n.pkg.Dir, n.pkg.EmbedFiles)} {
		for _, name := range list {
			st, ok := sums[name]
			if !ok {
				st = stateOf(name)
			}
			fmt.Fprintf(h, "%s\x00%s\x00", name, st.Sum)
		}
		h.Write([]byte{1})
	}
	for _, name := range vc.IgnoredFiles {
		fmt.Fprintf(h, "%s\x00", name)
	}
	deps := slices.Clone(n.deps)
	slices.SortFunc(deps, func(a, b *node) int { return strings.Compare(a.pkg.ImportPath, b.pkg.ImportPath) })
	for _, d := range deps {
		// A dependency counts by what the analysis reads of it: its export
		// data (go list names the file by its content) and its facts and
		// those of its own dependencies, so an edit that changes neither
		// re-analyses no importer.
		fmt.Fprintf(h, "dep\x00%s\x00%s\x00%s\x00", d.pkg.ImportPath, d.pkg.Export, d.factsDigest())
	}
	for _, src := range slices.Sorted(maps.Keys(vc.ImportMap)) {
		fmt.Fprintf(h, "import\x00%s\x00%s\x00", src, vc.ImportMap[src])
	}
	return hex.EncodeToString(h.Sum(nil))
}

func header(p *listed) string { return "# " + p.ImportPath + "\n" }

func withHeader(p *listed, stderr []byte) string {
	if len(stderr) == 0 {
		return ""
	}
	s := string(stderr)
	if !strings.HasSuffix(s, "\n") {
		s += "\n"
	}
	return header(p) + s
}

// listError formats go list's error for a package as go vet prints it.
func listError(p *listed) string {
	msg := strings.TrimSpace(p.Error.Err)
	// Compile errors come as "# pkg\nfile:line:col: msg\n..."
	if strings.HasPrefix(msg, "# ") {
		_, msg, _ = strings.Cut(msg, "\n")
	} else if p.Error.Pos != "" && !strings.HasPrefix(msg, p.Error.Pos) {
		msg = p.Error.Pos + ": " + msg
	}
	return msg + "\n"
}

// listStderr keeps what go list printed that is not progress.
func listStderr(s string) string {
	var b strings.Builder
	for line := range strings.SplitSeq(s, "\n") {
		if line == "" || strings.HasPrefix(line, "go: downloading ") || strings.HasPrefix(line, "go: finding ") {
			continue
		}
		b.WriteString(line + "\n")
	}
	return b.String()
}

// TuneGC trades memory for time, unless GOGC or GOMEMLIMIT is set: the
// collector runs at a quarter of its default frequency, and more often
// only when the heap nears a 200 MiB soft limit (on go-atlassian: a fifth
// less CPU; a higher limit bought no time on go-atlassian or the 20 000
// call-site app, only 60 MiB more peak memory).
func TuneGC() {
	if os.Getenv("GOGC") != "" || os.Getenv("GOMEMLIMIT") != "" {
		return
	}
	debug.SetGCPercent(400)
	debug.SetMemoryLimit(200 << 20)
}
