// Package analyzers holds the connectlint suite.
package analyzers

import (
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"sync"

	"golang.org/x/tools/go/analysis"

	"github.com/connectlint/connectlint/analyzers/authn"
	"github.com/connectlint/connectlint/analyzers/descriptor"
	"github.com/connectlint/connectlint/analyzers/directives"
	"github.com/connectlint/connectlint/analyzers/forbidden"
	"github.com/connectlint/connectlint/analyzers/forge"
	"github.com/connectlint/connectlint/analyzers/grants"
	"github.com/connectlint/connectlint/analyzers/manifest"
	"github.com/connectlint/connectlint/analyzers/restcalls"
	"github.com/connectlint/connectlint/analyzers/scopes"
	"github.com/connectlint/connectlint/internal/driver"
	"github.com/connectlint/connectlint/internal/suppress"
	"github.com/connectlint/connectlint/internal/vettool"
)

// checkers lists the analyzers that report findings, in a fixed order.
// Add new analyzers here.
func checkers() []*analysis.Analyzer {
	return []*analysis.Analyzer{
		descriptor.Analyzer,
		manifest.Analyzer,
		grants.Analyzer,    // reports unknown-scope for OAuth 2.0 grants
		restcalls.Analyzer, // reports only with -restcalls.report; its flag needs it here
		scopes.Analyzer,
		forbidden.Analyzer,
		authn.Analyzer,
		forge.Analyzer,
	}
}

var (
	suiteOnce sync.Once
	suite     []*analysis.Analyzer
)

// All returns the connectlint suite: the checking analyzers, wrapped so
// that findings of disabled rules and suppressed findings are not reported
// (see package suppress), and last the connectlint analyzer, which runs
// after them on each package to report bad and unused directives. The
// wrapping changes the analyzers in place, once.
func All() []*analysis.Analyzer {
	suiteOnce.Do(func() {
		cs := checkers()
		suite = append(cs, directives.New(cs...))
		suppress.Wrap(suite...)
	})
	return slices.Clone(suite)
}

// Fingerprint writes the files outside go vet's view that the suite reads
// for the module at root (every atlassian-connect.json and manifest.yml it
// may use) to w, for the tool's version line, which keys go vet's cache.
func Fingerprint(w io.Writer, root string) {
	descriptor.Fingerprint(w, root)
	manifest.Fingerprint(w, root)
}

// ToolOptions are what analysing one package needs besides the suite,
// through go vet's tool protocol or the standalone runner.
var ToolOptions = vettool.Options{
	FactSource:     FactSource,
	FactSourceText: FactSourceText,
	Suppressed:     SuppressedIn,
	Summary:        func(result any) any { return AcrossPrograms.Summary(result) },
}

// FactSource reports whether a package that imports importPath may hold
// facts of the suite: HTTP requests and responses (restcalls, forbidden,
// scopes, forge) and auth calls (authn; forge also reads jwx and go-jose).
// A dependency that imports none, directly
// or through a dependency that does, holds none, and go vet's tool skips
// it (see package vettool).
func FactSource(importPath string) bool {
	return importPath == "net/http" || authn.IsAuthAPI(importPath) || forge.IsJWTAPI(importPath)
}

// FactSourceText reports whether a Go file's text may give its package
// facts without any fact source import: authn summarises functions that
// build "Basic ..." or "JWT ..." header values from their parameters.
func FactSourceText(src []byte) bool {
	return authn.MayBuildAuthHeader(src)
}

// SuppressedIn returns the suppressed findings in the result of the
// connectlint analyzer (nil for any other value).
func SuppressedIn(result any) []suppress.Suppressed {
	if r, ok := result.(*directives.Result); ok && r != nil {
		return r.Suppressed
	}
	return nil
}

// AcrossPrograms looks across the programs of one standalone run: several
// main packages sharing a descriptor or manifest are judged by the union
// of their needs, so an excess-scope finding of one program on a scope
// another program needs (or may need) is dropped.
var AcrossPrograms = &driver.Across{
	Summary: func(result any) any {
		if r, ok := result.(*scopes.Result); ok && r.Main {
			return r.Summary()
		}
		return nil
	},
	Decode: func(data []byte) (any, error) {
		s := &scopes.Summary{}
		return s, json.Unmarshal(data, s)
	},
	Drop: func(summaries []any) func(rule, file string, line, col int) bool {
		var programs []*scopes.Summary
		for _, s := range summaries {
			if p, ok := s.(*scopes.Summary); ok {
				programs = append(programs, p)
			}
		}
		needed := map[string]bool{}
		for _, x := range scopes.NeededByAnother(programs) {
			needed[fmt.Sprintf("%s:%d:%d", x.Entry.At.File, x.Entry.At.Line, x.Entry.At.Column)] = true
		}
		return func(rule, file string, line, col int) bool {
			return rule == "excess-scope" && needed[fmt.Sprintf("%s:%d:%d", file, line, col)]
		}
	},
}
