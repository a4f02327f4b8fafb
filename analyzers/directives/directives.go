// Package directives checks connectlint's //connectlint: suppression
// directives and collects the findings they suppressed.
//
// Its analyzer is built for a suite by New: it requires every checking
// analyzer, so on each package it runs after them, when the suppress
// package has seen all their findings. It then reports malformed
// directives (bad-directive) and directives that suppressed nothing
// (unused-directive), and returns the package's suppressed findings.
package directives

import (
	"reflect"

	"golang.org/x/tools/go/analysis"

	"github.com/connectlint/connectlint/internal/rules"
	"github.com/connectlint/connectlint/internal/suppress"
)

// Name is the analyzer's name, and the Analyzer of its rules.
const Name = "connectlint"

const summary = "check //connectlint: suppression directives and collect suppressed findings"

// Result is the package's suppressed findings, sorted by position.
type Result struct {
	Suppressed []suppress.Suppressed
}

// New returns the connectlint analyzer for a suite of checking analyzers,
// which must all be wrapped with suppress.Wrap (as must the result).
func New(checkers ...*analysis.Analyzer) *analysis.Analyzer {
	return &analysis.Analyzer{
		Name:       Name,
		Doc:        rules.AnalyzerDoc(Name, summary),
		URL:        rules.DocsURL,
		Run:        run,
		Requires:   checkers,
		ResultType: reflect.TypeFor[*Result](),
	}
}

func run(pass *analysis.Pass) (any, error) {
	pkg, cfgErr := suppress.Finish(pass)
	if cfgErr != nil && !dependency(pass) {
		pkg.Close()
		return nil, cfgErr
	}
	ran := ranAnalyzers(pass.Analyzer)
	for _, p := range pkg.Malformed() {
		pass.Report(ruleBadDirective.Diagnostic(p.Pos, p.End, p.Message))
	}
	for _, p := range pkg.Unused(func(id string) bool {
		r, ok := rules.Lookup(id)
		return ok && ran[r.Analyzer]
	}) {
		pass.Report(ruleUnusedDirective.Diagnostic(p.Pos, p.End, p.Message))
	}
	return &Result{Suppressed: pkg.Close()}, nil
}

// dependency reports whether the package comes from a versioned module
// (the module cache), whose config file is none of the user's business.
// go vet runs this analyzer on dependencies too, for their facts.
func dependency(pass *analysis.Pass) bool {
	return pass.Module != nil && pass.Module.Version != ""
}

// ranAnalyzers names the analyzers that ran on the package before a: all
// that it requires, directly or not.
func ranAnalyzers(a *analysis.Analyzer) map[string]bool {
	ran := map[string]bool{}
	var visit func(a *analysis.Analyzer)
	visit = func(a *analysis.Analyzer) {
		for _, req := range a.Requires {
			if !ran[req.Name] {
				ran[req.Name] = true
				visit(req)
			}
		}
	}
	visit(a)
	return ran
}
