// Package scopes checks the Atlassian REST calls a program makes against
// the scopes it is granted: the Connect descriptor's, the Forge
// manifest's, and the OAuth 2.0 (3LO) clients' declared in the Go code
// (see package authz for the models and analyzers/grants for the sources).
//
// Per call (at the call site restcalls lists, the outermost call in the
// app's code for wrappers and client libraries):
//
//   - missing-scope: no governing grant holds what the call needs. The
//     governing grants are those of the model the call's credential or
//     host decides (a Connect JWT, a client of an oauth2.Config, the
//     api.atlassian.com gateway, a site URL), or every grant when nothing
//     tells. The suggested fix adds to each lacking grant every scope the
//     package's calls miss (the same fix for each finding, so that -fix
//     applies them together).
//   - inaccessible-endpoint: no scope of the governing models can grant
//     the call.
//   - deprecated-endpoint: the call matches only deprecated operations or
//     ones gone from Atlassian's current API.
//
// Where a call is judged: a package sees the descriptor (a file) and the
// OAuth 2.0 grants of itself and its imports (facts), not those of
// packages that merely run beside it. A call covered by what the package
// sees, or judged by Connect scopes only, or by the grant its credential
// names, is judged in its package; any other is deferred to the program's
// main package, which sees every grant, and reported there at the call's
// position. A module without a main package therefore gets no finding for
// deferred calls.
//
// For the whole program (excess-scope, unresolved-calls): each package
// exports a Needs fact listing its calls and features; a main package
// adds the facts of every package of the app it imports, plus what the
// descriptor's and the code's features need (webhooks need READ, the JWT
// bearer grant ACT_AS_USER, refreshing a token offline_access), and
// reports each granted scope broader than that. Only main packages report
// it, because only a program's import graph is the whole app. A scope
// that a call of unknown operation may need is not reported as excess:
// unresolved-calls names it instead.
//
// Calls in _test.go files are not checked: tests usually talk to a fake
// server (httptest), not to Atlassian with the app's scopes.
package scopes

import (
	"go/token"
	"go/types"
	"path/filepath"
	"reflect"
	"slices"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/connectlint/connectlint/analyzers/descriptor"
	"github.com/connectlint/connectlint/analyzers/grants"
	"github.com/connectlint/connectlint/analyzers/manifest"
	"github.com/connectlint/connectlint/analyzers/restcalls"
	"github.com/connectlint/connectlint/internal/apispec"
	"github.com/connectlint/connectlint/internal/authz"
	"github.com/connectlint/connectlint/internal/connect"
	"github.com/connectlint/connectlint/internal/jsonpos"
	"github.com/connectlint/connectlint/internal/posmap"
	"github.com/connectlint/connectlint/internal/suppress"
)

const summary = "check the Atlassian REST calls against the scopes the app is granted"

var Analyzer = &analysis.Analyzer{
	Name:       "scopes",
	Doc:        summary,
	URL:        "https://github.com/connectlint/connectlint/blob/main/docs/rules.md",
	Requires:   []*analysis.Analyzer{descriptor.Analyzer, manifest.Analyzer, grants.Analyzer, restcalls.Analyzer},
	Run:        run,
	ResultType: reflect.TypeFor[*Result](),
	FactTypes:  []analysis.Fact{new(Needs)},
}

// Result is what the package and every package of the app it imports
// need, with the descriptor's features when a descriptor was found, and
// the grants the package sees (in a main package, the program's). The
// scopes subcommand prints it.
type Result struct {
	Program *Needs
	Grants  []*authz.Grant
	// Main tells a main package's result, which judges the program.
	Main bool
	// Excess are the excess-scope findings of a main package, for
	// NeededByAnother.
	Excess []Excess

	needs map[*authz.Grant]grantNeeds // what checkExcess worked out, for Summary
}

func run(pass *analysis.Pass) (any, error) {
	desc := pass.ResultOf[descriptor.Analyzer].(*descriptor.Result)
	calls := pass.ResultOf[restcalls.Analyzer].(*restcalls.Result)
	declared := pass.ResultOf[grants.Analyzer].(*grants.Result)

	man, _ := pass.ResultOf[manifest.Analyzer].(*manifest.Result)

	c := &checker{pass: pass, desc: desc, man: man, root: pass.Pkg.Name() == "main", calls: calls}
	forgeConnect, forgeOAuth := manifestGrants(man)
	switch {
	case forgeConnect != nil:
		// Connect on Forge: Atlassian enforces the manifest's scopes, and
		// the descriptor's are ignored (the manifest analyzer says so).
		c.connect, c.desc = forgeConnect, nil
	case desc != nil && desc.File != nil && desc.Descriptor != nil:
		c.connect = descriptorGrant(desc)
	}
	c.forgeOAuth = forgeOAuth
	c.grants = c.fileGrants()
	c.grants = append(c.grants, declared.Visible.Grants...)

	c.called = calledOps(calls)
	own := &Needs{}
	for _, call := range calls.Calls {
		if call.Nested || c.inTestFile(call.Pos) {
			continue
		}
		cn := c.callNeed(call)
		c.checkSiteURL(call)
		c.checkCall(call, &cn)
		own.Calls = append(own.Calls, cn)
	}
	for _, u := range declared.SiteSetups {
		pos := posmap.Pos(pass.Fset, u.At)
		ruleOAuthSite.Reportf(pass, posRange{pos, pos}, "%s: Atlassian accepts OAuth 2.0 tokens only through https://api.atlassian.com/ex/{product}/{cloudId}, so its calls fail with 401", u.What)
	}
	own.Features = append(own.Features, c.features(declared.Own)...)
	own.Features = append(own.Features, c.forgeTokenFeatures(calls)...)
	if appCode(pass) && !own.empty() {
		pass.ExportPackageFact(own)
	}

	prog := c.program(own)
	if c.connect != nil && c.desc != nil {
		prog.Features = append(prog.Features, descriptorFeatures(c.desc)...)
		prog.normalize()
	}
	if c.root {
		c.judgeDeferred(prog)
	}
	c.reportMissing()
	if c.root {
		c.checkExcess(prog)
	}
	return &Result{Program: prog, Grants: c.grants, Main: c.root, Excess: c.excess, needs: c.needs}, nil
}

// appCode reports whether the package is the app's own code, whose calls
// count toward the program's needs: a package of the main module (or of a
// workspace module), not of a dependency, whether it comes from the module
// cache, a replace directive's local copy or vendor/. A client library's
// requests count where the app calls the library (restcalls lists those).
func appCode(pass *analysis.Pass) bool {
	if pass.Module == nil || len(pass.Files) == 0 {
		return true
	}
	return pass.Module.Version == ""
}

type checker struct {
	pass    *analysis.Pass
	desc    *descriptor.Result // nil when a Connect-on-Forge manifest replaces it
	man     *manifest.Result
	connect *authz.Grant // the Connect grant: the descriptor's, or a Connect-on-Forge manifest's
	// forgeOAuth is the manifest's OAuth 2.0 grant, behind the Forge app
	// system and user tokens; nil without a manifest.
	forgeOAuth *authz.Grant
	grants     []*authz.Grant
	root       bool // a main package: it sees the program's grants
	missing    []missingCall
	excess     []Excess                                          // excess-scope findings, for NeededByAnother
	needs      map[*authz.Grant]grantNeeds                       // each judged grant's needs, for Summary
	called     map[*ssa.Function]map[*apispec.Operation][]string // the operations each function's calls resolve to
	calls      *restcalls.Result
	serverOnly map[*ssa.Function]bool // serverOnlyFuncs, computed when first needed
}

// calledOps are the operations the package's calls resolve to (their best
// match), by the function that makes each call, with the requests as the
// code spells them, for serverPath.
func calledOps(calls *restcalls.Result) map[*ssa.Function]map[*apispec.Operation][]string {
	m := map[*ssa.Function]map[*apispec.Operation][]string{}
	for _, call := range calls.Calls {
		if call.Instr == nil || call.Match.Kind != apispec.Matched || len(call.Match.Ops) == 0 {
			continue
		}
		fn, op := call.Instr.Parent(), call.Match.Ops[0]
		if m[fn] == nil {
			m[fn] = map[*apispec.Operation][]string{}
		}
		m[fn][op] = append(m[fn][op], call.URL.String())
	}
	return m
}

// serverPath reports whether a call of the deprecated op is the Server /
// Data Center branch of code that chooses between Cloud and Server at run
// time: the same function also calls op, or its successor, through an API
// only Cloud has, while this call uses one Server and Data Center have too.
// Jira Server / Data Center has REST v2 only (jira-cli's /rest/api/2/search
// for local installations next to /rest/api/3/search for Cloud, whose own
// deprecation is reported);
// Confluence's v2 API is Cloud's only. The successor is the one the
// documentation names, or a current operation of the same method under
// op's path with literal segments only (Atlassian's usual successor:
// /search → /search/jql, /project → /project/search), or for Confluence v1
// any v2 operation. Atlassian's Cloud deprecation does not concern such a
// call, nor one in a function named for Server (serverNamed) or called
// only from such functions (serverOnlyFuncs).
func (c *checker) serverPath(op *apispec.Operation, call *restcalls.Call) bool {
	if call.Instr == nil {
		return false
	}
	if fn := outermost(call.Instr.Parent()); serverNamed(fn) || c.onlyFromServer(fn) {
		return true
	}
	called := c.called[call.Instr.Parent()]
	request := call.URL.String()
	switch op.Product {
	case apispec.Jira:
		if !strings.Contains(request, "/rest/api/2/") && !strings.Contains(request, "/rest/api/latest/") {
			return false
		}
		for o, reqs := range called {
			rest, under := strings.CutPrefix(o.Path, op.Path+"/")
			successor := o == op || o == op.ReplacedBy() ||
				under && o.Method == op.Method && o.Product == op.Product && !o.Deprecated && o.Status == apispec.Current && !strings.Contains(rest, "{")
			if successor && slices.ContainsFunc(reqs, func(r string) bool { return strings.Contains(r, "/rest/api/3/") }) {
				return true
			}
		}
	case apispec.Confluence:
		if !strings.HasPrefix(op.Path, "/wiki/rest/api/") {
			return false
		}
		for o := range called {
			if strings.HasPrefix(o.Path, "/wiki/api/v2/") {
				return true
			}
		}
	}
	return false
}

// onlyFromServer reports whether fn is called only from code named for
// Server / Data Center (serverOnlyFuncs).
func (c *checker) onlyFromServer(fn *ssa.Function) bool {
	if c.serverOnly == nil {
		c.serverOnly = map[*ssa.Function]bool{}
		if c.calls.SSA != nil {
			c.serverOnly = serverOnlyFuncs(c.pass, c.calls.SSA.SrcFuncs)
		}
	}
	return c.serverOnly[fn]
}

// serverNamed reports whether a function, or the type it is a method of,
// is named for Jira or Confluence Server / Data Center
// (jiraServerClient.GetProject, a confluenceServerClient's method,
// NewDataCenterClient): the code says the call is for those products.
func serverNamed(fn *ssa.Function) bool {
	names := []string{fn.Name()}
	if recv := fn.Signature.Recv(); recv != nil {
		names = append(names, types.TypeString(recv.Type(), func(*types.Package) string { return "" }))
	}
	for _, n := range names {
		n = strings.ToLower(n)
		for _, w := range []string{"jiraserver", "confluenceserver", "datacenter", "onprem"} {
			if strings.Contains(n, w) {
				return true
			}
		}
	}
	return false
}

func (c *checker) inTestFile(pos token.Pos) bool {
	return strings.HasSuffix(c.pass.Fset.File(pos).Name(), "_test.go")
}

// fileGrants are the grants files declare, which every package sees.
func (c *checker) fileGrants() []*authz.Grant {
	var out []*authz.Grant
	for _, g := range []*authz.Grant{c.connect, c.forgeOAuth} {
		if g != nil {
			out = append(out, g)
		}
	}
	return out
}

// descriptorGrant is the descriptor's scopes as a Connect grant; a scope
// given by a template placeholder makes it partial.
func descriptorGrant(res *descriptor.Result) *authz.Grant {
	d := res.Descriptor
	g := &authz.Grant{Model: authz.Connect, Kind: "atlassian-connect.json", At: authz.Position{File: d.Path}}
	for _, e := range d.Scopes {
		switch {
		case e.Template:
			g.Partial = true
		case e.Scope.Declarable():
			g.Scopes = append(g.Scopes, authz.Entry{Name: e.Scope.String(), At: descPosition(res, e.Span.Offset), End: e.Span.End})
		}
	}
	return g
}

// descPosition is the position of a byte offset in the descriptor.
func descPosition(res *descriptor.Result, offset int) authz.Position {
	p := res.File.Position(res.Pos(offset))
	return authz.Position{File: p.Filename, Line: p.Line, Column: p.Column, Offset: p.Offset}
}

func (c *checker) position(pos token.Pos) authz.Position {
	p := c.pass.Fset.Position(pos)
	return authz.Position{File: p.Filename, Line: p.Line, Column: p.Column, Offset: p.Offset}
}

func (c *checker) callNeed(call *restcalls.Call) CallNeed {
	cn := CallNeed{
		Request: requestText(call),
		Via:     call.Via,
		At:      c.position(call.Pos),
		End:     c.pass.Fset.Position(call.End).Offset,
		Host:    call.Match.Host,
		Auth:    call.Auth,
	}
	if call.Match.Kind == apispec.Matched {
		for _, op := range call.Match.Ops {
			cn.Routes = append(cn.Routes, op.Route())
		}
	}
	return cn
}

// checkSiteURL reports a request that carries an OAuth 2.0 token to an
// Atlassian site URL.
func (c *checker) checkSiteURL(call *restcalls.Call) {
	if call.Auth.Model != authz.OAuth || call.Match.Host != apispec.HostSite {
		return
	}
	ruleOAuthSite.Reportf(c.pass, callRange(call),
		"%s %s carries %s to a site URL: Atlassian accepts OAuth 2.0 tokens only through https://api.atlassian.com/ex/{product}/{cloudId}, so the call fails with 401",
		requestMethod(call), call.URL.String(), call.Auth.What)
}

func requestMethod(call *restcalls.Call) string {
	if call.Method == "" {
		return "a request to"
	}
	return call.Method
}

// checkCall reports the per-call rules a package can decide, and marks the
// call deferred when only the program's main package can.
func (c *checker) checkCall(call *restcalls.Call, cn *CallNeed) {
	ops := call.Match.Ops
	if call.Match.Kind != apispec.Matched || len(ops) == 0 {
		if appCode(c.pass) {
			ruleUnresolved.Reportf(c.pass, callRange(call), "%s", unresolvedMessage(call))
		}
		return
	}
	if op, ok := deprecated(ops); ok && !c.serverPath(op, call) {
		ruleDeprecated.Reportf(c.pass, callRange(call), "%s", deprecatedMessage(op, len(ops), cn.Request))
	}
	gov := governing(cn, c.grants)
	v := judge(ops, gov)
	switch {
	case v.cov == authz.Covered:
		return
	case v.cov == authz.Unknown && len(gov) > 0:
		return // a grant may hold it, or the table does not say: stay silent
	case !c.root && (len(gov) == 0 || !complete(cn, gov)):
		// A grant this package cannot see may cover it.
		cn.Deferred = true
		suppress.MarkUsed(c.pass, call.Pos, ruleMissing.ID, ruleInaccessible.ID)
		return
	}
	c.report(cn, ops, gov, v, call.Pos, call.End)
}

// unresolvedMessage says why connectlint cannot check a call's scopes.
func unresolvedMessage(call *restcalls.Call) string {
	what := describe(call)
	if looksLikeRESTPath(call) {
		msg := what + " matches no operation of Atlassian's API: connectlint cannot check its scopes"
		if len(call.Match.Suggestions) > 0 {
			msg += "; the nearest is " + call.Match.Suggestions[0].Route()
		}
		return msg
	}
	if literalPath(call.URL.String()) {
		return what + " cannot be resolved to an operation of Atlassian's API (its path does not show which API it calls): connectlint cannot check its scopes"
	}
	return what + " goes to Atlassian, but its path is not known here: connectlint cannot check its scopes"
}

// literalPath reports whether a URL (wildcards written as strpat.WildMark)
// has path text of its own after its scheme and host.
func literalPath(u string) bool {
	if _, rest, ok := strings.Cut(u, "://"); ok {
		u = rest
		if i := strings.IndexByte(u, '/'); i >= 0 {
			u = u[i:]
		} else {
			u = ""
		}
	}
	u, _, _ = strings.Cut(u, "?")
	return strings.ContainsFunc(u, func(r rune) bool { return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' })
}

// looksLikeRESTPath reports whether the call's URL names a REST path.
func looksLikeRESTPath(call *restcalls.Call) bool {
	s := call.URL.String()
	return strings.Contains(s, "/rest/") || strings.Contains(s, "/wiki/") || strings.Contains(s, "/ex/")
}

// describe renders the request with the way it is made.
func describe(call *restcalls.Call) string {
	s := requestText(call)
	if call.Via != "" && call.Via != "net/http" {
		s += " via " + call.Via
	}
	return s
}

// judgeDeferred judges, in a main package, the calls other packages
// deferred, against the program's grants, reporting at the calls.
func (c *checker) judgeDeferred(prog *Needs) {
	for i := range prog.Calls {
		cn := &prog.Calls[i]
		if !cn.Deferred {
			continue
		}
		ops := cn.Ops()
		if len(ops) == 0 {
			continue
		}
		gov := governing(cn, c.grants)
		v := judge(ops, gov)
		if v.cov != authz.Missing && v.cov != authz.Never {
			continue
		}
		pos := posmap.Pos(c.pass.Fset, cn.At)
		if pos == token.NoPos {
			continue
		}
		c.report(cn, ops, gov, v, pos, posmap.End(c.pass.Fset, cn.At, cn.End))
	}
}

func (c *checker) report(cn *CallNeed, ops []*apispec.Operation, gov []*authz.Grant, v verdict, pos, end token.Pos) {
	switch v.cov {
	case authz.Never:
		ruleInaccessible.Reportf(c.pass, posRange{pos, end}, "%s", neverMessage(cn, ops, gov))
	case authz.Missing:
		c.missing = append(c.missing, missingCall{
			diag:  ruleMissing.Diagnostic(pos, end, missingMessage(cn, ops, v)),
			lacks: v.lacks,
		})
	}
}

// features are what the package's code needs besides its calls: acting as
// a user ACT_AS_USER (reported as missing at each use), refreshing a token
// offline_access. The descriptor's features are descriptorFeatures.
func (c *checker) features(own *grants.Declared) []Feature {
	var out []Feature
	for _, u := range own.ActAsUser {
		out = append(out, Feature{Model: authz.Connect, Scope: connect.ActAsUser.String(), What: u.What, At: u.At})
		if c.connect != nil && !c.connect.Partial && !c.connect.Has(connect.ActAsUser.String()) {
			pos := posmap.Pos(c.pass.Fset, u.At)
			c.missing = append(c.missing, missingCall{
				diag: ruleMissing.Diagnostic(pos, pos, u.What+" needs scope ACT_AS_USER; "+
					c.connect.Describe()+" "+c.connect.Verb()+" "+c.connect.Text()),
				lacks: []lack{{grant: c.connect, add: []string{connect.ActAsUser.String()}}},
			})
		}
	}
	for _, u := range own.Refresh {
		out = append(out, Feature{Model: authz.OAuth, Scope: authz.OfflineAccess, What: u.What, At: u.At})
	}
	return out
}

// descriptorFeatures are what the descriptor's own features need: a
// webhook needs READ (Atlassian refuses to install an app with webhooks
// but without it).
func descriptorFeatures(res *descriptor.Result) []Feature {
	d := res.Descriptor
	var out []Feature
	for _, m := range d.Modules {
		if m.Type != "webhooks" {
			continue
		}
		what := "webhook"
		if m.Event != "" {
			what += " " + m.Event
		}
		at := m.Span
		if ev := moduleValue(d, m, "event"); ev != nil {
			at = ev.Span
		}
		out = append(out, Feature{Model: authz.Connect, Scope: connect.Read.String(), What: what, At: descPosition(res, at.Offset)})
	}
	return out
}

// program returns what the package needs together with every package of
// the app it imports (their Needs facts, which the analysis framework
// hands on transitively).
func (c *checker) program(own *Needs) *Needs {
	prog := &Needs{}
	prog.add(own)
	for _, f := range c.pass.AllPackageFacts() {
		if f.Package == c.pass.Pkg {
			continue // own, added above
		}
		if n, ok := f.Fact.(*Needs); ok {
			prog.add(n)
		}
	}
	prog.normalize()
	return prog
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

func deprecatedMessage(op *apispec.Operation, n int, request string) string {
	var b strings.Builder
	b.WriteString(spelled(op.Route(), request))
	if n > 1 {
		b.WriteString(" (and the " + strconv.Itoa(n-1) + " other operations the call may be)")
	}
	if op.Status == apispec.Legacy {
		b.WriteString(" is no longer in Atlassian's current API (deprecated or removed since 2023)")
	} else {
		b.WriteString(" is deprecated")
	}
	if op.Replacement != "" {
		b.WriteString("; use " + spelled(op.Replacement, request) + " instead")
	}
	return b.String()
}

// requestText renders the request as the code builds it.
func requestText(call *restcalls.Call) string {
	m := call.Method
	if m == "" {
		m = "a request of any method to"
	}
	return m + " " + call.URL.String()
}

func callRange(call *restcalls.Call) posRange { return posRange{call.Pos, call.End} }

// rel shortens a file name to be relative to dir when inside it.
func rel(dir, file string) string {
	if r, err := filepath.Rel(dir, file); err == nil && !strings.HasPrefix(r, "..") {
		return filepath.ToSlash(r)
	}
	return file
}

// moduleValue returns the value of a module's member key, nil if absent.
func moduleValue(d *connect.Descriptor, m connect.Module, key string) *jsonpos.Value {
	list := d.Root.Get("modules").Get(m.Type)
	if list == nil || list.Kind != jsonpos.Array || m.Index >= len(list.Elems) {
		return nil
	}
	return list.Elems[m.Index].Get(key)
}
