// Package vettool runs the connectlint analyzers as go vet's -vettool:
// go vet starts the tool once per package, dependencies first, and caches
// each run's facts and output in the build cache, so an edit re-analyses
// only the packages it can change.
//
// It replaces golang.org/x/tools/go/analysis/unitchecker for two reasons
// that decide connectlint's speed:
//
//   - Dependencies are imported from the compiler's export data, which go
//     vet passes (PackageFile), instead of being type-checked from source.
//   - A dependency that cannot hold a connectlint fact is not analysed at
//     all: the standard library (whose HTTP functions the analyzers know
//     by name), and, outside the main module, packages that import no
//     HTTP or auth API, directly or through an analysed package, and whose
//     source builds no auth header (Options). Its facts file stays empty,
//     which costs a process start instead of a parse and type-check.
//
// The output is unitchecker's: diagnostics on standard error (exit 1), or
// with -json a JSON tree on standard output; see JSONTree.
package vettool

import (
	"bufio"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"go/ast"
	"go/build"
	"go/parser"
	"go/scanner"
	"go/token"
	"go/types"
	"io"
	"maps"
	"math"
	"os"
	"reflect"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"slices"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/gcexportdata"

	"github.com/connectlint/connectlint/internal/suppress"
)

// Options are what the tool needs besides its analyzers.
type Options struct {
	// FactSource reports whether a package that imports importPath may
	// hold facts: the HTTP and auth APIs the analyzers look at.
	FactSource func(importPath string) bool
	// FactSourceText reports whether a Go file's text alone may give its
	// package facts (e.g. it builds auth header values); nil means no.
	FactSourceText func(src []byte) bool
	// Suppressed returns the findings the root analyzer's result says were
	// suppressed, for -suppressed; nil when there is no such result.
	Suppressed func(result any) []suppress.Suppressed
	// Summary returns what an analyzer's result tells the standalone
	// driver about the package for a look across the run's programs (see
	// driver.Across), or nil; with -suppressed it is listed under
	// SummaryKey.
	Summary func(result any) any
}

// Main implements go vet's protocol: -flags, then one run per package
// config file. It exits.
func Main(progname string, analyzers []*analysis.Analyzer, opts Options) {
	tuneGC()
	os.Exit(run(progname, os.Args[1:], analyzers, opts, os.Stdout, os.Stderr))
}

// gcMemoryLimit is the heap size at which a unit's process collects
// garbage: below it, none is collected.
const gcMemoryLimit = 256 << 20

// tuneGC trades memory for time in a process that lives for one package:
// no collection until the heap nears gcMemoryLimit (go-atlassian: 25% less
// CPU, largest process 229 MiB instead of 161 MiB). GOGC or GOMEMLIMIT in
// the environment win.
func tuneGC() {
	if os.Getenv("GOGC") != "" || os.Getenv("GOMEMLIMIT") != "" {
		return
	}
	debug.SetGCPercent(-1)
	debug.SetMemoryLimit(gcMemoryLimit)
	watchGC()
}

// watchGC restores the default collector when a collection (which only
// the limit triggers) leaves more than half the limit live: a package that
// big would otherwise be collected over and over near the limit.
func watchGC() {
	runtime.SetFinalizer(new(gcSentinel), func(*gcSentinel) {
		live := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
		metrics.Read(live)
		if live[0].Value.Kind() == metrics.KindUint64 && live[0].Value.Uint64() > gcMemoryLimit/2 {
			debug.SetGCPercent(100)
			debug.SetMemoryLimit(math.MaxInt64)
			return
		}
		watchGC()
	})
}

type gcSentinel struct{ _ [32]byte } // too big for the tiny allocator, which would batch it

type toolFlags struct {
	json       bool
	suppressed bool
	inputs     string
	fix, diff  bool // go vet -fix and go fix: not supported
}

func newFlagSet(progname string, analyzers []*analysis.Analyzer, stderr io.Writer) (*flag.FlagSet, *toolFlags) {
	tf := &toolFlags{}
	fs := flag.NewFlagSet(progname, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.BoolVar(&tf.json, "json", false, "emit JSON output")
	fs.BoolVar(&tf.suppressed, "suppressed", false, "with -json, also list suppressed findings (for connectlint's standalone driver)")
	fs.StringVar(&tf.inputs, "inputs", "", "digest of files outside go vet's view, such as a descriptor named by -descriptor.file: it only keys go vet's cache")
	fs.BoolVar(&tf.fix, "fix", false, "not supported: run connectlint -fix")
	fs.BoolVar(&tf.diff, "diff", false, "not supported: run connectlint -fix")
	for _, a := range analyzers {
		a.Flags.VisitAll(func(f *flag.Flag) {
			fs.Var(f.Value, a.Name+"."+f.Name, f.Usage)
		})
	}
	return fs, tf
}

func run(progname string, args []string, analyzers []*analysis.Analyzer, opts Options, stdout, stderr io.Writer) int {
	fs, tf := newFlagSet(progname, analyzers, stderr)
	if len(args) == 1 && args[0] == "-flags" {
		return printFlags(fs, stdout, stderr)
	}
	if err := fs.Parse(args); err != nil {
		return 1
	}
	if fs.NArg() != 1 {
		fmt.Fprintf(stderr, "%s: go vet runs this with one package config file (*.cfg); for a standalone run, name packages instead\n", progname)
		return 1
	}
	cfg, err := ReadConfig(fs.Arg(0))
	if err != nil {
		fmt.Fprintf(stderr, "%s: %v\n", progname, err)
		return 1
	}
	if cfg.Stdout != "" {
		f, err := os.Create(cfg.Stdout)
		if err != nil {
			fmt.Fprintf(stderr, "%s: %v\n", progname, err)
			return 1
		}
		defer f.Close()
		stdout = f
	}
	if (tf.fix || tf.diff) && !cfg.VetxOnly {
		fmt.Fprintf(stderr, "%s: go vet -fix and go fix are not supported; run %s -fix, which adds missing scopes to the descriptor\n", progname, progname)
		return 1
	}
	u := &unit{cfg: cfg, flags: tf, opts: opts, stdout: stdout, stderr: stderr}
	return u.run(analyzers)
}

func printFlags(fs *flag.FlagSet, stdout, stderr io.Writer) int {
	type jsonFlag struct {
		Name  string
		Bool  bool
		Usage string
	}
	var out []jsonFlag
	fs.VisitAll(func(f *flag.Flag) {
		b, ok := f.Value.(interface{ IsBoolFlag() bool })
		out = append(out, jsonFlag{f.Name, ok && b.IsBoolFlag(), f.Usage})
	})
	data, err := json.MarshalIndent(out, "", "\t")
	if err != nil {
		fmt.Fprintln(stderr, err)
		return 1
	}
	stdout.Write(append(data, '\n'))
	return 0
}

// unit is the analysis of one package.
type unit struct {
	cfg    *Config
	flags  *toolFlags
	opts   Options
	stdout io.Writer
	stderr io.Writer
	mem    *memFacts // in process: facts in memory, not in files
	shared *Imports  // in process: imports shared with other units, or nil
}

// memFacts are the facts of an in-process unit (see Analyze).
type memFacts struct {
	deps map[string][]byte // dependency path -> its facts
	out  []byte
}

// depPaths lists the dependencies whose facts the package may inherit.
func (u *unit) depPaths() []string {
	if u.mem != nil {
		return slices.Sorted(maps.Keys(u.mem.deps))
	}
	return slices.Sorted(maps.Keys(u.cfg.PackageVetx))
}

// readFacts returns a dependency's facts (empty: it was not analysed).
func (u *unit) readFacts(path string) ([]byte, error) {
	if u.mem != nil {
		return u.mem.deps[path], nil
	}
	return os.ReadFile(u.cfg.PackageVetx[path])
}

// analysed reports whether a dependency was analysed (see factsMagic).
func (u *unit) analysed(path string) (bool, error) {
	if u.mem != nil {
		return len(u.mem.deps[path]) > 0, nil
	}
	return isAnalysed(u.cfg.PackageVetx[path])
}

func (u *unit) run(analyzers []*analysis.Analyzer) int {
	cfg := u.cfg
	if cfg.VetxOnly && !slices.ContainsFunc(analyzers, UsesFacts) {
		return u.writeFacts(nil) // nothing to compute for importers
	}
	if cfg.VetxOnly {
		worth, err := u.mayHoldFacts()
		if err != nil {
			fmt.Fprintf(u.stderr, "%s: %v\n", cfg.ImportPath, err)
			return 1
		}
		if !worth {
			return u.writeFacts(nil)
		}
	}
	registerFactTypes(analyzers)

	fset := token.NewFileSet()
	if u.shared != nil {
		fset = u.shared.fset
	}
	files, err := parseFiles(fset, cfg.GoFiles)
	if err != nil {
		return u.typeCheckFailed(err)
	}
	imports := map[string]*types.Package{}
	var typeErrors []error
	tc := &types.Config{
		Importer:  &exportDataImporter{cfg: cfg, fset: fset, imports: imports, shared: u.shared},
		Sizes:     types.SizesFor(cfg.Compiler, build.Default.GOARCH),
		GoVersion: cfg.GoVersion,
		Error:     func(err error) { typeErrors = append(typeErrors, err) }, // all of them, as go list does
	}
	info := &types.Info{
		Types:        map[ast.Expr]types.TypeAndValue{},
		Defs:         map[*ast.Ident]types.Object{},
		Uses:         map[*ast.Ident]types.Object{},
		Implicits:    map[ast.Node]types.Object{},
		Instances:    map[*ast.Ident]types.Instance{},
		Scopes:       map[ast.Node]*types.Scope{},
		Selections:   map[*ast.SelectorExpr]*types.Selection{},
		FileVersions: map[*ast.File]string{},
	}
	pkg, _ := tc.Check(cfg.ImportPath, fset, files, info)
	if len(typeErrors) > 0 {
		return u.typeCheckFailed(errors.Join(typeErrors...))
	}

	store := newFactStore()
	if err := store.load(u.depPaths(), u.readFacts, imports); err != nil {
		fmt.Fprintf(u.stderr, "%s: %v\n", cfg.ImportPath, err)
		return 1
	}

	roots := analyzers
	if cfg.VetxOnly {
		roots = slices.DeleteFunc(slices.Clone(analyzers), func(a *analysis.Analyzer) bool { return !UsesFacts(a) })
	}
	base := analysis.Pass{
		Fset:         fset,
		Files:        files,
		OtherFiles:   cfg.NonGoFiles,
		IgnoredFiles: cfg.IgnoredFiles,
		Pkg:          pkg,
		TypesInfo:    info,
		TypesSizes:   tc.Sizes,
		ReadFile:     os.ReadFile,
		Module:       &analysis.Module{Path: cfg.ModulePath, Version: cfg.ModuleVersion, GoVersion: cfg.GoVersion},
	}
	results := runAnalyzers(roots, base, store)

	var only *types.Package
	if u.mem != nil {
		only = pkg // in process, importers get every dependency's facts
	}
	data, err := store.encode(only)
	if err != nil {
		fmt.Fprintf(u.stderr, "%s: encoding facts: %v\n", cfg.ImportPath, err)
		return 1
	}
	if code := u.writeFacts(data); code != 0 || cfg.VetxOnly {
		return code
	}
	return u.report(fset, roots, results)
}

// mayHoldFacts decides whether a dependency is analysed: not in the
// standard library, and in the main module, or importing a fact source or
// an analysed package, or with source text that may make facts.
func (u *unit) mayHoldFacts() (bool, error) {
	cfg := u.cfg
	if cfg.standard() {
		return false, nil
	}
	if cfg.ModuleVersion == "" {
		return true, nil // the main module (or a workspace or replaced one)
	}
	for _, path := range cfg.ImportMap {
		if u.opts.FactSource != nil && u.opts.FactSource(path) {
			return true, nil
		}
	}
	for _, path := range u.depPaths() {
		analysed, err := u.analysed(path)
		if err != nil {
			return false, err
		}
		if analysed {
			return true, nil
		}
	}
	if u.opts.FactSource == nil {
		return true, nil
	}
	if u.opts.FactSourceText != nil {
		for _, name := range cfg.GoFiles {
			src, err := os.ReadFile(name)
			if err != nil || u.opts.FactSourceText(src) {
				return true, nil // unreadable: let the parser say why
			}
		}
	}
	return false, nil
}

func (u *unit) writeFacts(data []byte) int {
	if u.mem != nil {
		u.mem.out = data
		return 0
	}
	if u.cfg.VetxOutput == "" {
		return 0
	}
	if err := os.WriteFile(u.cfg.VetxOutput, data, 0o666); err != nil {
		fmt.Fprintf(u.stderr, "%s: %v\n", u.cfg.ImportPath, err)
		return 1
	}
	return 0
}

// typeCheckFailed reports a package that does not parse or type-check, as
// the compiler would, unless go vet asked to succeed anyway.
func (u *unit) typeCheckFailed(err error) int {
	if u.cfg.SucceedOnTypecheckFailure { // set by older go commands
		return u.writeFacts(nil)
	}
	var errs []error
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		errs = j.Unwrap()
	} else {
		errs = []error{err}
	}
	for _, err := range errs {
		var list scanner.ErrorList
		var te types.Error
		switch {
		case errors.As(err, &list):
			for _, e := range list {
				fmt.Fprintln(u.stderr, e)
			}
		case errors.As(err, &te):
			fmt.Fprintln(u.stderr, te)
		default:
			fmt.Fprintf(u.stderr, "%s: %v\n", u.cfg.ImportPath, err)
		}
	}
	return 1
}

// report prints the root analyzers' diagnostics: text on standard error
// (exit 1 when there are any), or a JSON tree on standard output.
func (u *unit) report(fset *token.FileSet, roots []*analysis.Analyzer, results map[*analysis.Analyzer]*result) int {
	if u.flags.json {
		tree := JSONTree{}
		for _, a := range roots {
			r := results[a]
			if r.err != nil {
				tree.add(u.cfg.ID, a.Name, jsonError{r.err.Error()})
				continue
			}
			if len(r.diagnostics) > 0 {
				var list []JSONDiagnostic
				for _, d := range r.diagnostics {
					list = append(list, toJSON(fset, d))
				}
				tree.add(u.cfg.ID, a.Name, list)
			}
			if u.flags.suppressed && u.opts.Suppressed != nil {
				if s := u.opts.Suppressed(r.value); len(s) > 0 {
					tree.add(u.cfg.ID, SuppressedKey, suppressedJSON(fset, s))
				}
			}
		}
		if u.flags.suppressed && u.opts.Summary != nil {
			var summaries []any
			for _, r := range results {
				if r.err == nil {
					if s := u.opts.Summary(r.value); s != nil {
						summaries = append(summaries, s)
					}
				}
			}
			if len(summaries) > 0 {
				tree.add(u.cfg.ID, SummaryKey, summaries)
			}
		}
		if len(tree) == 0 {
			tree[u.cfg.ID] = map[string]json.RawMessage{} // analysed, nothing found
		}
		{
			write := tree.write
			if u.mem != nil {
				write = tree.writeCompact // for the runner only
			}
			if err := write(u.stdout); err != nil {
				fmt.Fprintf(u.stderr, "%s: %v\n", u.cfg.ImportPath, err)
				return 1
			}
		}
		return 0
	}
	code := 0
	for _, a := range roots {
		r := results[a]
		if r.err != nil {
			fmt.Fprintf(u.stderr, "%s: analyzer %s failed: %v\n", u.cfg.ImportPath, a.Name, r.err)
			code = 1
		}
	}
	w := bufio.NewWriter(u.stderr)
	for _, a := range roots {
		for _, d := range results[a].diagnostics {
			fmt.Fprintf(w, "%s: %s [%s]\n", posString(fset, d.Pos), d.Message, d.Category)
			code = 1
		}
	}
	w.Flush()
	return code
}

func suppressedJSON(fset *token.FileSet, list []suppress.Suppressed) []JSONDiagnostic {
	var out []JSONDiagnostic
	for _, s := range list {
		j := toJSON(fset, s.Diagnostic)
		j.SuggestedFixes = nil
		where := "-"
		if s.Where.IsValid() {
			where = fmt.Sprintf("%s:%d:%d", s.Where.Filename, s.Where.Line, s.Where.Column)
		}
		j.Related = []JSONRelated{{Posn: where, End: where, Message: string(s.Kind) + ": " + s.Reason}}
		out = append(out, j)
	}
	return out
}

// result is one analyzer's run on the package.
type result struct {
	value       any
	err         error
	diagnostics []analysis.Diagnostic
}

// runAnalyzers runs the roots and what they require, each once, in
// dependency order.
func runAnalyzers(roots []*analysis.Analyzer, base analysis.Pass, store *factStore) map[*analysis.Analyzer]*result {
	results := map[*analysis.Analyzer]*result{}
	var exec func(a *analysis.Analyzer) *result
	exec = func(a *analysis.Analyzer) *result {
		if r, ok := results[a]; ok {
			return r
		}
		r := &result{}
		results[a] = r
		inputs := map[*analysis.Analyzer]any{}
		for _, req := range a.Requires {
			rr := exec(req)
			if rr.err != nil {
				r.err = fmt.Errorf("failed prerequisites: %s", req.Name)
				return r
			}
			inputs[req] = rr.value
		}
		pass := base
		pass.Analyzer = a
		pass.ResultOf = inputs
		pass.Report = func(d analysis.Diagnostic) { r.diagnostics = append(r.diagnostics, d) }
		store.bind(&pass)
		r.value, r.err = safeRun(a, &pass)
		if r.err == nil && a.ResultType != nil && r.value != nil && reflect.TypeOf(r.value) != a.ResultType {
			r.err = fmt.Errorf("internal error: %s returned a %T, declared %v", a.Name, r.value, a.ResultType)
		}
		return r
	}
	for _, a := range roots {
		exec(a)
	}
	return results
}

// safeRun turns an analyzer's panic into an error: one bad package must
// not stop go vet.
func safeRun(a *analysis.Analyzer, pass *analysis.Pass) (v any, err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("internal error: %v", p)
		}
	}()
	return a.Run(pass)
}

// UsesFacts reports whether a, or an analyzer it requires, has facts.
func UsesFacts(a *analysis.Analyzer) bool {
	return len(a.FactTypes) > 0 || slices.ContainsFunc(a.Requires, UsesFacts)
}

func parseFiles(fset *token.FileSet, names []string) ([]*ast.File, error) {
	var files []*ast.File
	for _, name := range names {
		f, err := parser.ParseFile(fset, name, nil, parser.ParseComments|parser.SkipObjectResolution)
		if err != nil {
			return nil, err
		}
		files = append(files, f)
	}
	return files, nil
}

// exportDataImporter imports the package's dependencies from the
// compiler's export data.
type exportDataImporter struct {
	cfg     *Config
	fset    *token.FileSet
	imports map[string]*types.Package // what this package sees
	shared  *Imports                  // or nil
}

func (im *exportDataImporter) Import(importPath string) (*types.Package, error) {
	path, ok := im.cfg.ImportMap[importPath]
	if !ok {
		return nil, fmt.Errorf("can't resolve import %q", importPath)
	}
	if path == "unsafe" {
		return types.Unsafe, nil
	}
	if pkg := im.imports[path]; pkg != nil && pkg.Complete() {
		return pkg, nil
	}
	file := im.cfg.PackageFile[path]
	if file == "" {
		return nil, fmt.Errorf("no export data for %q", path)
	}
	if im.shared != nil {
		return im.shared.load(path, file, im.imports)
	}
	return readExportData(file, path, im.fset, im.imports)
}

// readExportData reads a package from the compiler's export data file into
// imports (which also receives the packages it refers to).
func readExportData(file, path string, fset *token.FileSet, imports map[string]*types.Package) (*types.Package, error) {
	f, err := os.Open(file)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	r, err := gcexportdata.NewReader(bufio.NewReader(f))
	if err != nil {
		return nil, fmt.Errorf("reading export data for %q: %v", path, err)
	}
	return gcexportdata.Read(r, fset, imports, path)
}
