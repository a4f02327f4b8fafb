// Package suppress drops findings that the code or the config file says to
// ignore, in every way connectlint runs: the standalone driver and
// go vet -vettool (one process per package, no driver hook).
//
// It works inside the analyzers. [Wrap] replaces each analyzer's Run with
// one whose pass.Report first drops findings of disabled rules, then
// findings suppressed by
//
//	//connectlint:ignore RULE[,RULE] -- reason       (its line, or the next when alone on its line)
//	//connectlint:file-ignore RULE[,RULE] -- reason  (the whole file; before the package clause)
//
// or by an ignore entry of the config file (see package config), which is
// how descriptor findings are suppressed: JSON has no comments.
//
// Each suppressed finding is recorded with its reason in a per-package
// state. The connectlint analyzer (analyzers/directives), which requires
// every checking analyzer and so runs after them on the package, calls
// [Finish] to report malformed and unused directives, and returns the
// package's suppressed findings as its result.
package suppress

import (
	"bytes"
	"cmp"
	"go/parser"
	"go/token"
	"go/types"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"sync/atomic"

	"golang.org/x/tools/go/analysis"

	"github.com/connectlint/connectlint/internal/config"
	"github.com/connectlint/connectlint/internal/rules"
)

// Kind says where a suppression is written; the values are SARIF's.
type Kind string

const (
	InSource Kind = "inSource" // a //connectlint: directive in the Go file
	External Kind = "external" // an ignore entry in the config file
)

// Suppressed is a finding that was not reported, and why.
type Suppressed struct {
	Diagnostic analysis.Diagnostic
	Analyzer   string         // the analyzer that reported it
	Posn       token.Position // of Diagnostic.Pos, not adjusted by //line directives
	Kind       Kind
	Reason     string
	Where      token.Position // the directive, or the config file's ignore entry
}

var ruleFilter atomic.Pointer[func(string) bool]

// SetRuleFilter makes enabled decide which rules are reported, in place of
// the config file's enable and disable lists; the driver merges those
// with its flags. nil goes back to the config file. Call it before the
// analysis starts.
func SetRuleFilter(enabled func(ruleID string) bool) {
	if enabled == nil {
		ruleFilter.Store(nil)
		return
	}
	ruleFilter.Store(&enabled)
}

// enabled reports whether findings of the rule are reported.
func enabled(cfg *config.Config, id string) bool {
	if f := ruleFilter.Load(); f != nil {
		return (*f)(id)
	}
	return cfg == nil || cfg.Enabled(id)
}

var wrapped sync.Map // *analysis.Analyzer -> bool

// Wrap makes the analyzers' findings subject to the rule filter and to
// suppression. It changes the analyzers in place, because other analyzers
// find their results by pointer (pass.ResultOf[a]); wrapping twice is a
// no-op. An analyzer is not run at all when nothing needs it (see
// skippable).
func Wrap(as ...*analysis.Analyzer) {
	for _, a := range as {
		if _, done := wrapped.LoadOrStore(a, true); done {
			continue
		}
		run := a.Run
		a.Run = func(pass *analysis.Pass) (any, error) {
			cfg, _ := configFor(pass) // the connectlint analyzer reports config errors, once
			if skippable(a, cfg) {
				return nil, nil
			}
			report := pass.Report
			pass.Report = func(d analysis.Diagnostic) {
				if !enabled(cfg, d.Category) || suppressed(pass, cfg, d) {
					return
				}
				report(d)
			}
			return run(pass)
		}
	}
}

// skippable reports whether a can be skipped: it has rules, all disabled,
// and no result. An analyzer with facts is skipped only when the driver's
// filter disables it everywhere: the config file of a dependency's module
// must not deprive the main module of the dependency's facts.
func skippable(a *analysis.Analyzer, cfg *config.Config) bool {
	rs := rules.ForAnalyzer(a.Name)
	if a.ResultType != nil || len(rs) == 0 || len(a.FactTypes) > 0 && ruleFilter.Load() == nil {
		return false
	}
	return !slices.ContainsFunc(rs, func(r *rules.Rule) bool { return enabled(cfg, r.ID) })
}

// configFor returns the config of the module holding the package. On
// error it returns an empty config, so the analysis goes on.
func configFor(pass *analysis.Pass) (*config.Config, error) {
	if len(pass.Files) == 0 {
		return &config.Config{}, nil
	}
	// The position of the package clause, adjusted by //line directives,
	// names the source file even when the parsed file is cgo's output.
	name := pass.Fset.Position(pass.Files[0].Package).Filename
	if !filepath.IsAbs(name) {
		name = pass.Fset.File(pass.Files[0].FileStart).Name()
	}
	cfg, err := config.Load(filepath.Dir(name))
	if err != nil {
		return &config.Config{}, err
	}
	return cfg, nil
}

// pkgState is what the wrapped analyzers of one package share with the
// connectlint analyzer that runs after them. Analyzers of one package may
// run concurrently, hence the mutex.
type pkgState struct {
	mu         sync.Mutex
	cfg        *config.Config
	files      map[*token.File]*fileDirectives // parsed on first need
	suppressed []Suppressed
}

// states maps a package's *types.Package, which all passes over the
// package share (a test variant has its own), to its state. Entries are
// made when a finding is first reported (or by Finish) and removed by
// Package.Close.
var states sync.Map

func stateFor(pkg *types.Package, cfg *config.Config) *pkgState {
	if st, ok := states.Load(pkg); ok {
		return st.(*pkgState)
	}
	st, _ := states.LoadOrStore(pkg, &pkgState{cfg: cfg, files: map[*token.File]*fileDirectives{}})
	return st.(*pkgState)
}

// directives returns the directives of the Go file tf, or nil when tf is
// not a Go file (e.g. the descriptor). A Go file of another package (a
// finding a main package reports at a call elsewhere) is parsed from disk.
// Callers hold st.mu.
func (st *pkgState) directives(pass *analysis.Pass, tf *token.File) *fileDirectives {
	if fd, ok := st.files[tf]; ok {
		return fd
	}
	var fd *fileDirectives
	for _, f := range pass.Files {
		if pass.Fset.File(f.FileStart) == tf {
			fd = parseFile(f, tf, func() ([]byte, error) { return pass.ReadFile(tf.Name()) })
			break
		}
	}
	if fd == nil && strings.HasSuffix(tf.Name(), ".go") {
		// A file without "connectlint:" has no directive, not even a
		// malformed one (parseComment): a main package that judges calls
		// all over the program parses none of those files.
		if src, err := os.ReadFile(tf.Name()); err == nil && bytes.Contains(src, []byte("connectlint:")) {
			if f, err := parser.ParseFile(pass.Fset, tf.Name(), src, parser.ParseComments|parser.SkipObjectResolution); err == nil {
				fd = parseFile(f, pass.Fset.File(f.FileStart), func() ([]byte, error) { return src, nil })
			}
		}
	}
	st.files[tf] = fd
	return fd
}

// MarkUsed marks the directives for the rules on pos's line as used: the
// finding they suppress is judged by another package's pass (a main
// package judging a call of this one), so they must not be called unused
// here.
func MarkUsed(pass *analysis.Pass, pos token.Pos, rules ...string) {
	tf := pass.Fset.File(pos)
	if tf == nil {
		return
	}
	cfg, _ := configFor(pass)
	st := stateFor(pass.Pkg, cfg)
	st.mu.Lock()
	defer st.mu.Unlock()
	for _, rule := range rules {
		match(st.directives(pass, tf), tf.Line(pos), rule)
	}
}

// suppressed reports whether d is suppressed, and records it if so.
func suppressed(pass *analysis.Pass, cfg *config.Config, d analysis.Diagnostic) bool {
	tf := pass.Fset.File(d.Pos)
	if tf == nil {
		return false
	}
	st := stateFor(pass.Pkg, cfg)
	st.mu.Lock()
	defer st.mu.Unlock()
	s := Suppressed{Diagnostic: d, Analyzer: pass.Analyzer.Name, Posn: pass.Fset.PositionFor(d.Pos, false)}
	if dir := match(st.directives(pass, tf), tf.Line(d.Pos), d.Category); dir != nil {
		s.Kind, s.Reason, s.Where = InSource, dir.Reason, pass.Fset.PositionFor(dir.Pos, false)
	} else if ig := ignored(pass, cfg, d); ig != nil {
		s.Kind, s.Reason, s.Where = External, ig.Reason, ig.Pos
	} else {
		return false
	}
	st.suppressed = append(st.suppressed, s)
	return true
}

// ignored returns the config file's ignore entry for d, matching the
// file's name as parsed and as adjusted by //line directives (cgo output
// and generated code name their source that way).
func ignored(pass *analysis.Pass, cfg *config.Config, d analysis.Diagnostic) *config.Ignore {
	if ig := cfg.Ignored(d.Category, pass.Fset.PositionFor(d.Pos, false).Filename); ig != nil {
		return ig
	}
	if name := pass.Fset.Position(d.Pos).Filename; filepath.IsAbs(name) {
		return cfg.Ignored(d.Category, name)
	}
	return nil
}

// match returns the directive that suppresses a finding of rule on line,
// marking it used, or nil. Line directives win over file directives.
func match(fd *fileDirectives, line int, rule string) *directive {
	if fd == nil {
		return nil
	}
	for _, ds := range [][]*directive{fd.lines[line], fd.file} {
		for _, d := range ds {
			if i := d.index(rule); i >= 0 {
				d.used[i] = true
				return d
			}
		}
	}
	return nil
}

// Package is the suppression state of one package at the end of its
// analysis, for the connectlint analyzer.
type Package struct {
	pass   *analysis.Pass
	st     *pkgState
	parsed []*fileDirectives // every Go file's directives, in file order
}

// Finish parses the directives of every file of the package. Call it from
// an analyzer that requires every wrapped analyzer, so that they have all
// reported, and call Close when done. The error is the config file's.
func Finish(pass *analysis.Pass) (*Package, error) {
	cfg, err := configFor(pass)
	st := stateFor(pass.Pkg, cfg)
	st.mu.Lock()
	defer st.mu.Unlock()
	p := &Package{pass: pass, st: st}
	for _, f := range pass.Files {
		if fd := st.directives(pass, pass.Fset.File(f.FileStart)); fd != nil {
			p.parsed = append(p.parsed, fd)
		}
	}
	return p, err
}

// A Problem is a malformed or unused directive.
type Problem struct {
	Pos, End token.Pos
	Message  string
}

// Malformed returns the directives that suppress nothing because they are
// malformed: an unknown verb or rule, no reason, a misplaced file-ignore.
func (p *Package) Malformed() []Problem {
	var out []Problem
	for _, fd := range p.parsed {
		for _, d := range fd.all {
			if d.Err != "" {
				out = append(out, Problem{d.Pos, d.End, d.Err})
			}
		}
	}
	return out
}

// Unused returns the well-formed directives naming a rule that suppressed
// no finding. Only rules that are enabled and that ran(rule) are judged:
// a directive for a disabled rule, or for an analyzer that did not run on
// this package, may well be needed.
func (p *Package) Unused(ran func(rule string) bool) []Problem {
	p.st.mu.Lock()
	defer p.st.mu.Unlock()
	var out []Problem
	for _, fd := range p.parsed {
		for _, d := range fd.all {
			if d.Err != "" {
				continue
			}
			var unused []string
			hint := ""
			for i, id := range d.Rules {
				if d.used[i] || !ran(id) || !enabled(p.st.cfg, id) {
					continue
				}
				unused = append(unused, id)
				if r, ok := rules.Lookup(id); ok && r.Lang == "json" {
					hint = "; descriptor findings are suppressed by an ignore entry in " + config.YAMLName
				}
			}
			if len(unused) == 0 {
				continue
			}
			where := "here"
			if d.Verb == verbFileIgnore {
				where = "in this file"
			}
			out = append(out, Problem{d.Pos, d.End, Prefix + d.Verb + " for " + joinAnd(unused) +
				" suppressed no finding " + where + hint})
		}
	}
	return out
}

// joinAnd joins words as "a", "a and b" or "a, b and c".
func joinAnd(words []string) string {
	if len(words) < 2 {
		return strings.Join(words, "")
	}
	return strings.Join(words[:len(words)-1], ", ") + " and " + words[len(words)-1]
}

// Close forgets the package's state and returns its suppressed findings,
// sorted.
func (p *Package) Close() []Suppressed {
	states.Delete(p.pass.Pkg)
	p.st.mu.Lock()
	list := slices.Clone(p.st.suppressed)
	p.st.mu.Unlock()
	sortSuppressed(list)
	return list
}

func sortSuppressed(list []Suppressed) {
	slices.SortStableFunc(list, func(a, b Suppressed) int {
		return cmp.Or(
			cmp.Compare(a.Posn.Filename, b.Posn.Filename),
			cmp.Compare(a.Posn.Line, b.Posn.Line),
			cmp.Compare(a.Posn.Column, b.Posn.Column),
			cmp.Compare(a.Diagnostic.Category, b.Diagnostic.Category),
			cmp.Compare(a.Diagnostic.Message, b.Diagnostic.Message),
		)
	})
}
