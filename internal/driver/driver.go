// Package driver runs the connectlint analyzers standalone: it loads
// packages with go/packages, runs the analysis graph with
// golang.org/x/tools/go/analysis/checker, and turns root diagnostics into
// de-duplicated findings. Packages that fail to load or type-check become
// Problems; every other package is still analysed.
package driver

import (
	"cmp"
	"errors"
	"fmt"
	"go/token"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/connectlint/connectlint/internal/config"
	"github.com/connectlint/connectlint/internal/output"
	"github.com/connectlint/connectlint/internal/suppress"
)

// driverAnalyzer names the analyzer of connectlint's own rules (package
// analyzers/directives), which runs after the checkers on every package.
const driverAnalyzer = "connectlint"

// Config is one standalone run.
type Config struct {
	Dir       string   // directory to run in (like go -C); "" is the current one
	Patterns  []string // package patterns; none means ./...
	Tests     bool     // also analyse _test.go files
	Analyzers []*analysis.Analyzer
	Rules     RuleSet
	Fix       bool // apply the first suggested fix of every reported finding
	// MaxErrorsPerPackage bounds the load errors reported per package
	// (the rest are counted); 0 means 3.
	MaxErrorsPerPackage int
	// VetTool, when set, is the connectlint binary that go vet runs on
	// each package (see runGoVet): results are cached in the build cache
	// and memory stays per package. Runs with Fix or without Tests stay in
	// this process, which go vet cannot do.
	VetTool string
	// GoCommand is the go command for VetTool runs; "" means "go".
	GoCommand string
	// Inputs are files the analysis reads that go vet does not know of
	// (a descriptor named by -descriptor): VetTool runs key go vet's cache
	// by their content too.
	Inputs []string
	// Runner, when set, analyses in this process with package runner
	// (cached on disk when Runner.Cache is set), instead of go vet.
	Runner *Runner
	started time.Time // when the run began reading files (for -fix)
	// Across, when set, looks across the run's packages after analysis
	// and drops findings that only the whole run shows to be wrong.
	Across *Across
}

// Across is a look across the packages of one run. Each package's
// analyzer results give summaries (the vet tool passes them on as JSON);
// Drop sees all of them and says which findings to drop.
type Across struct {
	// Summary returns what an analyzer's result contributes, or nil.
	Summary func(result any) any
	// Decode reads a summary the vet tool wrote as JSON.
	Decode func(data []byte) (any, error)
	// Drop returns whether to drop a finding of rule at file:line:col
	// (file absolute).
	Drop func(summaries []any) func(rule, file string, line, col int) bool
}

// dropper returns Drop over the summaries, or a function that drops nothing.
func (a *Across) dropper(summaries []any) func(rule, file string, line, col int) bool {
	if a == nil || a.Drop == nil || len(summaries) == 0 {
		return func(string, string, int, int) bool { return false }
	}
	return a.Drop(summaries)
}

// Result is what a run found.
type Result struct {
	Findings []output.Finding // sorted, de-duplicated, root packages only
	Problems []output.Problem // code that could not be checked
	Fixed    FixStats         // with Config.Fix
}

// Run loads and analyses the packages. Its error means the run could not
// start at all (bad pattern, go list failure, no packages); problems in
// individual packages are in Result.Problems.
func Run(cfg Config) (*Result, error) {
	patterns := cfg.Patterns
	if len(patterns) == 0 {
		patterns = []string{"./..."}
	}
	if cfg.Runner != nil {
		return runRunner(cfg, patterns)
	}
	if cfg.VetTool != "" && cfg.Tests && !cfg.Fix {
		res, err := runGoVet(cfg, patterns)
		if err != errGoVetLoad {
			return res, err
		}
	}
	var roots []*analysis.Analyzer
	for _, a := range cfg.Analyzers {
		// The connectlint analyzer also collects suppressed findings: it
		// runs whatever rules are enabled.
		if a.Name == driverAnalyzer || cfg.Rules.needsAnalyzer(a.Name) {
			roots = append(roots, a)
		}
	}

	started := time.Now() // -fix writes no file modified since
	mode := packages.LoadSyntax | packages.NeedModule
	if needFacts(roots) {
		mode = packages.LoadAllSyntax | packages.NeedModule
	}
	pkgs, err := packages.Load(&packages.Config{Mode: mode, Dir: cfg.Dir, Tests: cfg.Tests}, patterns...)
	if err != nil {
		return nil, err
	}
	// go vet does not analyse the generated test main packages; neither do we.
	pkgs = slices.DeleteFunc(pkgs, isTestMain)
	if len(pkgs) == 0 {
		return nil, fmt.Errorf("%s matched no packages", strings.Join(patterns, " "))
	}

	absDir, err := filepath.Abs(cmp.Or(cfg.Dir, "."))
	if err != nil {
		return nil, err
	}
	res := &Result{}
	res.Problems = packageProblems(pkgs, absDir, cmp.Or(cfg.MaxErrorsPerPackage, 3))
	if len(roots) == 0 {
		return res, nil
	}

	suppress.Take() // forget findings suppressed by an earlier run in this process
	graph, err := checker.Analyze(roots, pkgs, nil)
	if err != nil {
		return nil, err
	}
	res.Problems = append(res.Problems, analysisProblems(graph)...)

	var summaries []any
	if cfg.Across != nil && cfg.Across.Summary != nil {
		rootPkgs := map[*packages.Package]bool{}
		for _, act := range graph.Roots {
			rootPkgs[act.Package] = true
		}
		for act := range graph.All() {
			if act.Err == nil && rootPkgs[act.Package] {
				if s := cfg.Across.Summary(act.Result); s != nil {
					summaries = append(summaries, s)
				}
			}
		}
	}
	drop := cfg.Across.dropper(summaries)
	var diags []rootDiagnostic
	for _, act := range graph.Roots {
		if act.Err != nil {
			continue
		}
		for _, d := range act.Diagnostics {
			p := act.Package.Fset.Position(d.Pos)
			if !cfg.Rules.Enabled(d.Category) || drop(d.Category, p.Filename, p.Line, p.Column) {
				continue
			}
			diags = append(diags, rootDiagnostic{act.Package.Fset, d})
		}
	}
	if cfg.Fix {
		var remaining []rootDiagnostic
		res.Fixed, remaining, err = applyFixes(diags, started)
		if err != nil {
			res.Problems = append(res.Problems, output.Problem{Message: err.Error()})
		}
		diags = remaining
	}
	for _, d := range diags {
		res.Findings = append(res.Findings, output.FromDiagnostic(d.fset, d.diag))
	}
	// Findings that a directive or the config file suppressed, published
	// by the connectlint analyzer (see package suppress). All packages of
	// one load share a FileSet.
	for _, s := range suppress.Take() {
		if !cfg.Rules.Enabled(s.Diagnostic.Category) {
			continue
		}
		f := output.FromDiagnostic(pkgs[0].Fset, s.Diagnostic)
		f.Suppressed, f.Justification, f.SuppressionKind = true, s.Reason, string(s.Kind)
		res.Findings = append(res.Findings, f)
	}
	res.Findings = output.Dedupe(res.Findings)
	return res, nil
}

type rootDiagnostic struct {
	fset *token.FileSet
	diag analysis.Diagnostic
}

func isTestMain(p *packages.Package) bool {
	return p.Name == "main" && strings.HasSuffix(p.ID, ".test")
}

// packageProblems reports load, parse and type errors of the packages and
// their dependencies (each package once, test variants merged), and the
// root packages that are skipped only because a dependency has errors.
func packageProblems(roots []*packages.Package, dir string, maxPerPkg int) []output.Problem {
	var problems []output.Problem
	seen := map[string]bool{} // package path + message
	broken := map[string]bool{}
	packages.Visit(roots, nil, func(p *packages.Package) {
		n := 0
		for _, e := range splitErrors(p.Errors) {
			path, pos := pkgPath(p), parsePos(dir, e.Pos)
			k := fmt.Sprint(path, pos, e.Msg)
			if seen[k] {
				continue
			}
			seen[k] = true
			broken[path] = true
			if n++; n > maxPerPkg {
				continue
			}
			problems = append(problems, output.Problem{Package: path, Pos: pos, Message: e.Msg})
		}
		if n > maxPerPkg {
			problems = append(problems, output.Problem{Package: pkgPath(p), Message: moreErrors(n - maxPerPkg)})
		}
	})
	for _, p := range roots {
		if !p.IllTyped || len(p.Errors) > 0 || broken[pkgPath(p)] {
			continue
		}
		var bad []string
		packages.Visit([]*packages.Package{p}, nil, func(dep *packages.Package) {
			if dep != p && len(dep.Errors) > 0 && !slices.Contains(bad, pkgPath(dep)) {
				bad = append(bad, pkgPath(dep))
			}
		})
		if len(bad) > 0 {
			k := pkgPath(p) + "\x00skipped"
			if !seen[k] {
				seen[k] = true
				which := ", which has errors"
				if len(bad) > 1 {
					which = ", which have errors"
				}
				problems = append(problems, output.Problem{
					Package: pkgPath(p),
					Message: "not analysed: it depends on " + strings.Join(bad, ", ") + which,
				})
			}
		}
	}
	return problems
}

// analysisProblems reports analyzers that failed. Failures caused by
// package errors (already reported) are left out.
func analysisProblems(g *checker.Graph) []output.Problem {
	var problems []output.Problem
	seen := map[string]bool{}
	for act := range g.All() {
		if act.Err == nil || act.Package.IllTyped {
			continue
		}
		msg := act.Err.Error()
		if strings.HasPrefix(msg, "failed prerequisites") {
			continue // the failing prerequisite is reported itself
		}
		if act.Analyzer.Name == driverAnalyzer {
			// Config file errors: positioned in the file and the same for
			// every package of the module, so reported once each.
			for _, p := range configProblems(act.Err) {
				k := fmt.Sprint(p.Pos, p.Message)
				if !seen[k] {
					seen[k] = true
					problems = append(problems, p)
				}
			}
			continue
		}
		pkg := pkgPath(act.Package)
		msg = fmt.Sprintf("analyzer %s failed: %v", act.Analyzer.Name, act.Err)
		k := pkg + "\x00" + msg
		if seen[k] {
			continue
		}
		seen[k] = true
		problems = append(problems, output.Problem{Package: pkg, Message: msg})
	}
	return problems
}

// splitErrors splits the compiler output that go list reports for a
// dependency it failed to build ("# pkg\nfile:line:col: msg\n...") into
// one error per line, so that it de-duplicates against the same errors
// found by type-checking.
func splitErrors(errs []packages.Error) []packages.Error {
	var out []packages.Error
	for _, e := range errs {
		if e.Pos != "" || !strings.HasPrefix(e.Msg, "# ") {
			out = append(out, e)
			continue
		}
		lines := strings.Split(strings.TrimSpace(e.Msg), "\n")[1:]
		for _, line := range lines {
			line = strings.TrimSpace(line)
			// file:line:col: msg — the message starts after the third colon
			// that follows a number.
			pos, msg, ok := cutPos(line)
			if !ok {
				out = append(out, packages.Error{Msg: line, Kind: e.Kind})
				continue
			}
			out = append(out, packages.Error{Pos: pos, Msg: msg, Kind: e.Kind})
		}
	}
	return out
}

// cutPos splits "file:line:col: msg" (or "file:line: msg").
func cutPos(line string) (pos, msg string, ok bool) {
	i := strings.Index(line, ": ")
	for i >= 0 {
		p := parsePos("", line[:i])
		if p.Line > 0 {
			return line[:i], line[i+2:], true
		}
		j := strings.Index(line[i+2:], ": ")
		if j < 0 {
			break
		}
		i += 2 + j
	}
	return "", "", false
}

// configProblems turns the connectlint analyzer's error, a config file's
// errors, into positioned problems.
func configProblems(err error) []output.Problem {
	var list config.ErrorList
	if !errors.As(err, &list) {
		var one *config.Error
		if !errors.As(err, &one) {
			return []output.Problem{{Message: err.Error()}}
		}
		list = config.ErrorList{one}
	}
	var out []output.Problem
	for _, e := range list {
		out = append(out, output.Problem{
			Pos:     output.Position{File: e.Pos.Filename, Line: e.Pos.Line, Column: e.Pos.Column},
			Message: e.Msg,
		})
	}
	return out
}

// pkgPath names a package for people: its import path, without the
// " [p.test]" suffix of test variants.
func pkgPath(p *packages.Package) string {
	if p.PkgPath != "" {
		return p.PkgPath
	}
	id, _, _ := strings.Cut(p.ID, " ")
	return id
}

// parsePos parses the "file:line:col" (or "file:line", or "file") form of
// packages.Error.Pos; relative files are relative to dir.
func parsePos(dir, s string) output.Position {
	if s == "" || s == "-" {
		return output.Position{}
	}
	var nums []int
	rest := s
	for range 2 {
		i := strings.LastIndexByte(rest, ':')
		if i < 0 {
			break
		}
		n, err := strconv.Atoi(rest[i+1:])
		if err != nil {
			break
		}
		nums = append([]int{n}, nums...)
		rest = rest[:i]
	}
	p := output.Position{File: rest}
	if !filepath.IsAbs(p.File) {
		p.File = filepath.Join(dir, p.File)
	}
	if len(nums) > 0 {
		p.Line = nums[0]
	}
	if len(nums) > 1 {
		p.Column = nums[1]
	}
	return p
}

// needFacts reports whether any analyzer, or one it requires, uses facts;
// then every dependency must be loaded from source.
func needFacts(as []*analysis.Analyzer) bool {
	seen := map[*analysis.Analyzer]bool{}
	var visit func(a *analysis.Analyzer) bool
	visit = func(a *analysis.Analyzer) bool {
		if seen[a] {
			return false
		}
		seen[a] = true
		return len(a.FactTypes) > 0 || slices.ContainsFunc(a.Requires, visit)
	}
	return slices.ContainsFunc(as, visit)
}
