// Package scopes checks the Atlassian REST calls a program makes against
// the scopes its Connect app descriptor declares.
//
// Per call (at the call site restcalls lists, the outermost call in the
// app's code for wrappers and client libraries):
//
//   - missing-scope: no declared scope grants what the call needs. The
//     suggested fix adds to the descriptor's "scopes" every scope the
//     package's calls miss (the same fix for each finding, so that -fix
//     applies them together).
//   - inaccessible-endpoint: no scope can grant the call to a Connect app.
//   - deprecated-endpoint: the call matches only deprecated operations or
//     ones gone from Atlassian's current API.
//
// For the whole program (excess-scope, unresolved-calls): each package
// exports a Needs fact listing the scopes its calls need; a main package
// adds the facts of every package of the app it imports, plus what the
// descriptor's own features need (webhooks need READ), and reports each
// declared scope broader than that. Only main packages report it, because
// only a program's import graph is the whole app: a library package sees a
// part of it, and reporting there would call needed scopes excess. A module
// without a main package therefore gets no excess-scope finding. A declared
// scope that a call of unknown operation may need is not reported as
// excess: unresolved-calls names it instead.
//
// Calls in _test.go files are not checked: tests usually talk to a fake
// server (httptest), not to Atlassian with the app's scopes.
package scopes

import (
	"fmt"
	"go/token"
	"path/filepath"
	"reflect"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/connectlint/connectlint/analyzers/descriptor"
	"github.com/connectlint/connectlint/analyzers/restcalls"
	"github.com/connectlint/connectlint/internal/apispec"
	"github.com/connectlint/connectlint/internal/connect"
)

const summary = "check the Atlassian REST calls against the descriptor's scopes"

var Analyzer = &analysis.Analyzer{
	Name:       "scopes",
	Doc:        summary,
	URL:        "https://github.com/connectlint/connectlint/blob/main/docs/rules.md",
	Requires:   []*analysis.Analyzer{descriptor.Analyzer, restcalls.Analyzer},
	Run:        run,
	ResultType: reflect.TypeFor[*Result](),
	FactTypes:  []analysis.Fact{new(Needs)},
}

// Result is what the package and every package of the app it imports
// need, with the descriptor's features when a descriptor was found. The
// scopes subcommand prints it.
type Result struct {
	Program *Needs
}

func run(pass *analysis.Pass) (any, error) {
	desc := pass.ResultOf[descriptor.Analyzer].(*descriptor.Result)
	calls := pass.ResultOf[restcalls.Analyzer].(*restcalls.Result)

	var d *connect.Descriptor
	if desc != nil && desc.File != nil {
		d = desc.Descriptor
	}
	c := &checker{pass: pass, desc: desc, d: d}

	own := &Needs{}
	for _, call := range calls.Calls {
		if call.Nested || c.inTestFile(call.Pos) {
			continue
		}
		c.checkCall(call, own)
	}
	c.reportMissing()
	if appCode(pass) && !own.empty() {
		pass.ExportPackageFact(own)
	}

	prog := c.program(own)
	if d != nil && pass.Pkg.Name() == "main" {
		c.checkExcess(prog)
	}
	return &Result{Program: prog}, nil
}

// appCode reports whether the package belongs to the app rather than to a
// dependency from the module cache or vendor/: the requests inside a
// client library's methods are the library's, and count only at the app's
// calls of those methods (restcalls lists those). A module replaced by a
// local directory has a version but is the app's own code.
func appCode(pass *analysis.Pass) bool {
	if pass.Module == nil || pass.Module.Version == "" || len(pass.Files) == 0 {
		return true
	}
	file := filepath.ToSlash(pass.Fset.File(pass.Files[0].Pos()).Name())
	return !strings.Contains(file, "@"+pass.Module.Version+"/") && !strings.Contains(file, "/vendor/")
}

type checker struct {
	pass    *analysis.Pass
	desc    *descriptor.Result
	d       *connect.Descriptor // nil when no descriptor was found
	missing []missingCall
}

func (c *checker) inTestFile(pos token.Pos) bool {
	return strings.HasSuffix(c.pass.Fset.File(pos).Name(), "_test.go")
}

// checkCall reports the per-call rules and records what the call needs.
func (c *checker) checkCall(call *restcalls.Call, own *Needs) {
	pos := position(c.pass.Fset, call.Pos)
	if call.Match.Kind != apispec.Matched || len(call.Match.Ops) == 0 {
		own.Unresolved = append(own.Unresolved, Unresolved{What: describe(call), Pos: pos})
		return
	}
	ops := call.Match.Ops

	if op, ok := deprecated(ops); ok {
		ruleDeprecated.Reportf(c.pass, callRange(call), "%s", deprecatedMessage(op, len(ops)))
	}

	need, resolved := required(ops)
	if !resolved {
		own.Unresolved = append(own.Unresolved, Unresolved{What: describe(call), Pos: pos, Candidates: len(ops), Scopes: candidateScopes(ops)})
	} else {
		what := ops[0].Route() // the best match
		if !sameRoute(ops) {
			what += fmt.Sprintf(" (or %d other %s)", len(ops)-1, plural(len(ops)-1, "operation"))
		}
		own.Reasons = append(own.Reasons, Reason{Scope: need, What: what, Via: call.Via, Pos: pos})
	}

	if c.d == nil {
		return
	}
	if need == connect.Inaccessible && resolved {
		what := ops[0].Route()
		if !sameRoute(ops) {
			what = fmt.Sprintf("%s (all %d operations it may be)", requestText(call), len(ops))
		}
		ruleInaccessible.Reportf(c.pass, callRange(call), "%s is not accessible to Connect apps: no scope grants it", what)
		return
	}
	c.checkMissing(call, ops)
}

// candidateScopes returns the distinct scopes of ops, in Scope order.
func candidateScopes(ops []*apispec.Operation) []connect.Scope {
	var out []connect.Scope
	for _, op := range ops {
		if !slices.Contains(out, op.Scope) {
			out = append(out, op.Scope)
		}
	}
	slices.Sort(out)
	return out
}

// required returns the scope the call needs and whether the candidate
// operations agree on it.
func required(ops []*apispec.Operation) (connect.Scope, bool) {
	s := ops[0].Scope
	for _, op := range ops[1:] {
		if op.Scope != s {
			return connect.ScopeUnknown, false
		}
	}
	return s, s != connect.ScopeUnknown
}

// checkMissing reports missing-scope when no declared scope grants any
// candidate operation: with several candidates it asks for the least
// scope among them, so that it never claims more than the call may need.
func (c *checker) checkMissing(call *restcalls.Call, ops []*apispec.Operation) {
	if templatedScopes(c.d) {
		return // the declared set is decided at deploy time
	}
	declared := c.d.DeclaredScopes()
	var cands []*apispec.Operation
	for _, op := range ops {
		switch {
		case op.Scope == connect.ScopeUnknown:
			return // the table does not say: stay silent
		case op.Scope == connect.Inaccessible:
			continue
		case connect.Covers(declared, op.Scope):
			return
		}
		cands = append(cands, op)
	}
	least := leastScoped(cands)
	if least == nil {
		return
	}
	var what string
	if len(ops) == 1 || sameRoute(ops) {
		what = fmt.Sprintf("%s needs scope %s", least.Route(), least.Scope)
	} else {
		what = fmt.Sprintf("%s matches %d operations; the least scope any of them needs is %s (%s)",
			requestText(call), len(ops), least.Scope, least.Route())
	}
	diag := ruleMissing.Diagnostic(call.Pos, call.End,
		fmt.Sprintf("%s; %s declares %s", what, filepath.Base(c.d.Path), declaredText(declared)))
	c.missing = append(c.missing, missingCall{diag, least.Scope})
}

// missingCall is a missing-scope finding waiting for its fix.
type missingCall struct {
	diag  analysis.Diagnostic
	scope connect.Scope
}

// reportMissing reports the missing-scope findings. They share one fix
// adding every scope the package's calls miss, so that -fix, which
// applies one of several fixes editing the same place, adds them all in
// one run.
func (c *checker) reportMissing() {
	var add []connect.Scope
	for _, m := range c.missing {
		if !slices.Contains(add, m.scope) {
			add = append(add, m.scope)
		}
	}
	slices.Sort(add)
	fix, ok := addScopesFix(c.desc, add)
	for _, m := range c.missing {
		if ok {
			m.diag.SuggestedFixes = []analysis.SuggestedFix{fix}
		}
		c.pass.Report(m.diag)
	}
}

// leastScoped returns the operation needing the least scope. Scope order
// extends implication (a scope implies only scopes before it), so the
// first in Scope order is implied by no other candidate's scope; among
// incomparable ones (READ and ACT_AS_USER) it prefers the lower.
func leastScoped(ops []*apispec.Operation) *apispec.Operation {
	var best *apispec.Operation
	for _, op := range ops {
		if best == nil || op.Scope < best.Scope {
			best = op
		}
	}
	return best
}

func sameRoute(ops []*apispec.Operation) bool {
	for _, op := range ops[1:] {
		if op.Route() != ops[0].Route() {
			return false
		}
	}
	return true
}

// deprecated returns the operation to name when every candidate is
// deprecated or gone from the current specs.
func deprecated(ops []*apispec.Operation) (*apispec.Operation, bool) {
	for _, op := range ops {
		if op.Status != apispec.Legacy && !op.Deprecated {
			return nil, false
		}
	}
	return ops[0], true
}

func deprecatedMessage(op *apispec.Operation, n int) string {
	var b strings.Builder
	b.WriteString(op.Route())
	if n > 1 {
		fmt.Fprintf(&b, " (and the %d other operations the call may be)", n-1)
	}
	if op.Status == apispec.Legacy {
		b.WriteString(" is no longer in Atlassian's current API (deprecated or removed since 2023)")
	} else {
		b.WriteString(" is deprecated")
	}
	if op.Replacement != "" {
		b.WriteString("; use " + op.Replacement + " instead")
	}
	return b.String()
}

func templatedScopes(d *connect.Descriptor) bool {
	return slices.ContainsFunc(d.Scopes, func(e connect.ScopeEntry) bool { return e.Template })
}

// declaredText lists declared scopes for messages: "READ, WRITE".
func declaredText(declared []connect.Scope) string {
	if len(declared) == 0 {
		return "no scopes"
	}
	return scopeList(declared)
}

func scopeList(ss []connect.Scope) string {
	names := make([]string, len(ss))
	for i, s := range ss {
		names[i] = s.String()
	}
	return strings.Join(names, ", ")
}

// requestText renders the request as the code builds it.
func requestText(call *restcalls.Call) string {
	m := call.Method
	if m == "" {
		m = "a request of any method to"
	}
	return m + " " + call.URL.String()
}

func describe(call *restcalls.Call) string {
	s := requestText(call)
	if call.Via != "" && call.Via != "net/http" {
		s += " via " + call.Via
	}
	return s
}

func position(fset *token.FileSet, pos token.Pos) Position {
	p := fset.Position(pos)
	return Position{File: p.Filename, Line: p.Line, Column: p.Column}
}

func callRange(call *restcalls.Call) posRange { return posRange{call.Pos, call.End} }

func plural(n int, word string) string {
	if n == 1 {
		return word
	}
	return word + "s"
}
