package vettool

import (
	"bytes"
	"go/token"
	"go/types"
	"sync"

	"golang.org/x/tools/go/analysis"
)

// Request is one package to analyse in this process, described as go vet
// describes it (Config; its PackageVetx and VetxOutput are not used), with
// its dependencies' facts in memory. The standalone runner uses it.
type Request struct {
	Config *Config
	// Facts maps every dependency's package path, direct or indirect, to
	// its facts, as a previous Analyze returned them; a dependency missing
	// here, or with empty facts, was not analysed. Unlike a vet tool's
	// facts file, which also carries what the package inherited, these
	// hold only the package's own facts, so that no fact is encoded and
	// decoded once per package that passes it on.
	Facts map[string][]byte
	// JSON and Suppressed are the tool's -json and -suppressed flags.
	JSON, Suppressed bool
	// Imports, when set, is where dependencies are imported from export
	// data, shared with other requests; nil imports them afresh. Only
	// packages that agree on every dependency (no test variants among
	// them) may share it.
	Imports *Imports
}

// Response is what the analysis of one package gave.
type Response struct {
	Facts  []byte // its own facts, for its importers (empty: not analysed)
	Stdout []byte // the -json tree, or nothing
	Stderr []byte // errors, and text diagnostics without JSON
	Code   int    // the tool's exit status
}

// Analyze runs the analyzers on one package in this process, as a vet
// tool process would, and returns what that process would have written.
// It may run concurrently with other calls.
func Analyze(req Request, analyzers []*analysis.Analyzer, opts Options) Response {
	var stdout, stderr bytes.Buffer
	u := &unit{
		cfg:    req.Config,
		flags:  &toolFlags{json: req.JSON, suppressed: req.Suppressed},
		opts:   opts,
		stdout: &stdout,
		stderr: &stderr,
		mem:    &memFacts{deps: req.Facts},
		shared: req.Imports,
	}
	code := u.run(analyzers)
	return Response{Facts: u.mem.out, Stdout: stdout.Bytes(), Stderr: stderr.Bytes(), Code: code}
}

// Imports holds the packages imported from export data for every request
// that shares it, so that each is read once per run instead of once per
// importer. Its file set holds the positions of every package analysed
// with it.
type Imports struct {
	mu   sync.Mutex
	fset *token.FileSet
	pkgs map[string]*types.Package // by package path
}

// NewImports returns an empty Imports.
func NewImports() *Imports {
	return &Imports{fset: token.NewFileSet(), pkgs: map[string]*types.Package{}}
}

// load returns the package path from its export data file, reading it
// once, and adds it and the packages it imports to view.
func (s *Imports) load(path, file string, view map[string]*types.Package) (*types.Package, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	pkg := s.pkgs[path]
	if pkg == nil || !pkg.Complete() {
		var err error
		if pkg, err = readExportData(file, path, s.fset, s.pkgs); err != nil {
			return nil, err
		}
	}
	var add func(p *types.Package)
	add = func(p *types.Package) {
		if view[p.Path()] == p {
			return
		}
		view[p.Path()] = p
		for _, q := range p.Imports() {
			add(q)
		}
	}
	add(pkg)
	return pkg, nil
}
