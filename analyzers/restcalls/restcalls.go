package restcalls

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"reflect"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/buildssa"
	"golang.org/x/tools/go/ssa"

	"github.com/connectlint/connectlint/internal/apispec"
	"github.com/connectlint/connectlint/internal/authz"
	"github.com/connectlint/connectlint/internal/gotypes"
	"github.com/connectlint/connectlint/internal/strpat"
)

// Call is one Atlassian REST call made by the package.
type Call struct {
	Pos, End token.Pos      // the call site in this package's code
	Method   string         // upper case, "" when unknown
	URL      strpat.Pattern // the URL or path as the code builds it
	Match    apispec.Match  // Kind is Matched or Unknown (NotAtlassian calls are not listed)
	Via      string         // "net/http", a wrapper's name, "go-jira", "go-atlassian"
	// Auth is the request's credential, as far as the code shows it.
	Auth authz.Credential

	// Instr is the SSA call that yields the response (for the 403 check);
	// nil when the response is not available (e.g. request only built).
	Instr ssa.CallInstruction

	// Response is the index of Instr's result that holds the response
	// (an *http.Response, or a library's response type embedding one), or
	// -1 when Instr yields no response (it is a wrapper that handles the
	// response itself, or Instr is nil).
	Response int

	// Nested is true when the request was already listed as a Call in the
	// package that defines the callee (a package of the same module); it
	// is listed again here only because the callee returns the response
	// to this code. Per-call checks such as missing-scope skip it; the 403
	// check uses it.
	Nested bool
}

// Result lists the package's Atlassian REST calls in source order.
type Result struct {
	Calls []*Call

	// Sends lists, for the 403 check, every call in this package that
	// yields the response of an Atlassian request (Instr != nil, Response
	// >= 0): the Calls that have a response, and the sends inside wrappers
	// whose path still depends on a parameter (jira-cli's search(path)
	// calling c.GetV2(ctx, path): URL "…/rest/api/2…", its parameters
	// wildcards, Match the broad match). Alternatives may share an Instr.
	// Sends of wrappers whose URL is a bare parameter (do(method, path))
	// are not here: their callers' Calls are.
	Sends []*Call

	// Opaque lists the requests whose URL the code does not fix at all
	// (http.Get(cfg.URL), do(ctx, "GET", path) with a path from
	// elsewhere): they may be Atlassian calls that no pattern reveals.
	// Checks that need every call resolved can count them.
	Opaque []*Call

	// SSA is the package's SSA form that Call.Instr belongs to, nil when
	// no request was found (the package may have been skipped: it imports
	// neither net/http nor a package that makes requests). Analyzers that
	// follow Instr must use this program, not one from buildssa. It is
	// dropped for packages without requests so the driver, which keeps
	// every package's result, does not keep their SSA alive.
	SSA *buildssa.SSA
	// Exprs maps this SSA's call instructions to their call expressions;
	// nil with SSA.
	Exprs *CallExprs

	// candidates are all requests found before the API table filtered
	// them, for tests and verbose output.
	candidates []*Call
}

var report bool

var Analyzer = &analysis.Analyzer{
	Name:       "restcalls",
	Doc:        "find the Atlassian REST calls a package makes",
	Run:        run,
	ResultType: reflect.TypeFor[*Result](),
	FactTypes:  []analysis.Fact{new(Summary)},
}

func init() {
	Analyzer.Flags.BoolVar(&report, "report", false, "report every Atlassian REST call found (rule rest-call), an inventory of the code's calls")
}

// lookup is the API table matcher; tests replace it.
var lookup = apispec.Lookup

func run(pass *analysis.Pass) (any, error) {
	res := &Result{}
	if !worthAnalysing(pass) {
		return res, nil
	}
	a := newAnalysis(pass)
	for _, fn := range a.ssa.SrcFuncs {
		a.summarize(fn)
	}
	a.exportFacts()
	slices.SortStableFunc(a.calls, func(x, y *Call) int { return int(x.Pos - y.Pos) })
	a.calls = mergeQueries(a.calls)
	res.candidates = a.calls
	if len(a.calls) > 0 || len(a.sends) > 0 {
		res.SSA, res.Exprs = a.ssa, a.exprs
	}
	for _, c := range a.calls {
		c.Match = lookup(c.Method, c.URL)
		if c.Match.Kind == apispec.NotAtlassian && atlassianEvidence(c) {
			// Atlassian's, though its path says nothing: listed, unresolved.
			c.Match = apispec.Match{Kind: apispec.Unknown, Host: apispec.HostOf(c.URL)}
		}
		if c.Match.Kind == apispec.NotAtlassian {
			if opaque(c.URL) {
				res.Opaque = append(res.Opaque, c)
			}
			continue
		}
		res.Calls = append(res.Calls, c)
	}
	res.Calls = dropUnmatchedAlternatives(res.Calls)
	slices.SortStableFunc(a.sends, func(x, y *Call) int { return int(x.Pos - y.Pos) })
	for _, c := range a.sends {
		if c.Match.Kind == apispec.NotAtlassian && c.Match.Ops == nil && c.Match.Suggestions == nil {
			c.Match = lookup(c.Method, c.URL)
		}
		if c.Match.Kind != apispec.NotAtlassian {
			res.Sends = append(res.Sends, c)
		}
	}
	if report {
		for _, c := range res.Calls {
			pass.Report(ruleRestCall.Diagnostic(c.Pos, c.End, c.Describe()))
		}
	}
	return res, nil
}

// dropUnmatchedAlternatives drops, at a call site where one alternative
// of the request matches an operation, the alternatives that match none:
// they come from branches the code's constants rule out (mattermost's
// endpointURL returns "2/user" as it is only when it has a scheme, else
// "/rest/api/2/user"). calls is sorted by position.
func dropUnmatchedAlternatives(calls []*Call) []*Call {
	matched := map[token.Pos]bool{}
	for _, c := range calls {
		if c.Match.Kind == apispec.Matched {
			matched[c.Pos] = true
		}
	}
	return slices.DeleteFunc(calls, func(c *Call) bool {
		return c.Match.Kind != apispec.Matched && matched[c.Pos]
	})
}

// atlassianEvidence reports whether a request whose URL the API table
// cannot place still goes to Atlassian: its literal host is an Atlassian
// site (https://x.atlassian.net + a path from elsewhere), it is signed with
// a Connect JWT, or a Jira or Confluence client library sends it, to no
// other literal host.
func atlassianEvidence(c *Call) bool {
	if apispec.HostOf(c.URL) == apispec.HostSite {
		return true
	}
	if c.URL.IsAbs() && len(c.URL) > 0 && !c.URL[0].Wild {
		return false // a literal host that is not a site
	}
	return c.Auth.Model == authz.Connect || libVia(c.Via) != ""
}

// opaque reports whether a URL pattern fixes nothing but perhaps a
// scheme or a query: no host and no path.
func opaque(u strpat.Pattern) bool {
	for _, e := range u.WithoutQuery() {
		if !e.Wild && strings.Trim(e.Lit, "/") != "" && !strings.HasSuffix(e.Lit, "://") {
			return false
		}
	}
	return true
}

// mergeQueries merges the alternatives of one call that differ only in
// their query string (a parameter added on some paths) into one whose
// query is a wildcard: the query does not change the operation. calls is
// sorted by position.
func mergeQueries(calls []*Call) []*Call {
	var out []*Call
	for _, c := range calls {
		merged := false
		for i := len(out) - 1; i >= 0 && out[i].Pos == c.Pos; i-- {
			o := out[i]
			if o.Method == c.Method && o.Instr == c.Instr && o.Via == c.Via && o.Nested == c.Nested &&
				o.URL.WithoutQuery().Equal(c.URL.WithoutQuery()) {
				if !o.URL.Equal(c.URL) {
					o.URL = strpat.Concat(o.URL.WithoutQuery(), strpat.Lit("?"), strpat.Any())
				}
				merged = true
				break
			}
		}
		if !merged {
			out = append(out, c)
		}
	}
	return out
}

// Describe renders a call for messages: "GET …/rest/api/3/issue/… via net/http".
func (c *Call) Describe() string {
	m := c.Method
	if m == "" {
		m = "(any method)"
	}
	var b strings.Builder
	b.WriteString("call " + m + " " + c.URL.String() + " via " + c.Via)
	if c.Match.Kind == apispec.Matched && len(c.Match.Ops) > 0 {
		op := c.Match.Ops[0]
		b.WriteString(": " + op.Method + " " + op.Path)
		if n := len(c.Match.Ops) - 1; n > 0 {
			fmt.Fprintf(&b, " (or %d more)", n)
		}
	}
	if c.Instr == nil {
		b.WriteString(" (request built, not sent here)")
	}
	if c.Nested {
		b.WriteString(" (nested)")
	}
	b.WriteString("; " + c.Judgement())
	return b.String()
}

// Judgement says which grants judge the call: "judged by Connect scopes
// (a Connect JWT)", "judged by any grant".
func (c *Call) Judgement() string {
	s := "judged by any grant"
	if m := authz.ModelOf(authz.Governing(c.Match.Host, c.Auth)); m != nil {
		s = "judged by " + m.Name() + " scopes"
	}
	switch {
	case c.Auth.What != "":
		s += " (" + c.Auth.What + ")"
	case c.Match.Host == apispec.HostGateway:
		s += " (api.atlassian.com)"
	case c.Match.Host == apispec.HostSite:
		s += " (a site URL)"
	}
	return s
}

// worthAnalysing is the quick exit that keeps facts cheap. A package can
// make requests only if its code uses something that does: net/http's
// request constructors and senders, the Method or URL of an
// http.Request, an interface method taking or returning an *http.Request,
// or an imported function with a summary. Most of the standard library
// and most dependencies use none, and skip SSA construction entirely.
func worthAnalysing(pass *analysis.Pass) bool {
	imports := false
	for _, imp := range pass.Pkg.Imports() {
		// golang.org/x/oauth2 hands out *http.Client values: a package may
		// send requests with one without importing net/http.
		if imp.Path() == "net/http" || imp.Path() == "golang.org/x/oauth2" {
			imports = true
		}
	}
	if !imports && !importsSummaries(pass) {
		return false
	}
	for _, obj := range pass.TypesInfo.Uses {
		switch obj := obj.(type) {
		case *types.Func:
			if usesRequests(pass, obj) {
				return true
			}
		case *types.Var:
			if obj.IsField() && obj.Pkg() != nil && obj.Pkg().Path() == "net/http" && (obj.Name() == "Method" || obj.Name() == "URL") {
				return true
			}
		}
	}
	return false
}

// importsSummaries reports whether a direct import has summarised
// functions.
func importsSummaries(pass *analysis.Pass) bool {
	direct := map[*types.Package]bool{}
	for _, imp := range pass.Pkg.Imports() {
		direct[imp] = true
	}
	for _, f := range pass.AllObjectFacts() {
		if p := f.Object.Pkg(); p != nil && direct[p] {
			return true
		}
	}
	return false
}

// httpRequestFuncs are the net/http functions and methods that build or
// send requests.
var httpRequestFuncs = map[string]bool{
	"NewRequest": true, "NewRequestWithContext": true, "Get": true, "Head": true,
	"Post": true, "PostForm": true, "Do": true, "RoundTrip": true,
}

func usesRequests(pass *analysis.Pass, fn *types.Func) bool {
	fn = fn.Origin()
	pkg := fn.Pkg()
	if pkg == nil {
		return false
	}
	if pkg.Path() == "net/http" {
		return httpRequestFuncs[fn.Name()]
	}
	sig := fn.Type().(*types.Signature)
	if recv := sig.Recv(); recv != nil && types.IsInterface(recv.Type()) {
		for _, tuple := range []*types.Tuple{sig.Params(), sig.Results()} {
			for i := range tuple.Len() {
				if gotypes.IsRequest(tuple.At(i).Type()) {
					return true
				}
			}
		}
	}
	if pkg != pass.Pkg {
		return pass.ImportObjectFact(fn, new(Summary))
	}
	return false
}

// BuildSSA builds the package's SSA form, as buildssa does, but only for
// the packages worth analysing (buildssa as a requirement would build it
// for every dependency, the standard library included). SrcFuncs include
// the package initialiser and func init bodies.
func BuildSSA(pass *analysis.Pass) *buildssa.SSA {
	prog := ssa.NewProgram(pass.Fset, ssa.BuilderMode(0))
	for _, p := range pass.Pkg.Imports() {
		prog.CreatePackage(p, nil, nil, true)
	}
	pkg := prog.CreatePackage(pass.Pkg, pass.Files, pass.TypesInfo, false)
	pkg.Build()
	res := &buildssa.SSA{Pkg: pkg}
	var add func(fn *ssa.Function)
	add = func(fn *ssa.Function) {
		res.SrcFuncs = append(res.SrcFuncs, fn)
		for _, anon := range fn.AnonFuncs {
			add(anon)
		}
	}
	for _, f := range pass.Files {
		for _, decl := range f.Decls {
			fd, ok := decl.(*ast.FuncDecl)
			if !ok {
				continue
			}
			obj, ok := pass.TypesInfo.Defs[fd.Name].(*types.Func)
			if !ok || obj == nil || fd.Recv == nil && fd.Name.Name == "init" {
				continue
			}
			if fn := prog.FuncValue(obj); fn != nil {
				add(fn)
			}
		}
	}
	// The package initialiser holds global variables' initial values
	// (and their function literals); init#1, init#2... are the package's
	// func init bodies.
	if init := pkg.Func("init"); init != nil {
		add(init)
	}
	for i := 1; ; i++ {
		fn := pkg.Func(fmt.Sprintf("init#%d", i))
		if fn == nil {
			break
		}
		add(fn)
	}
	return res
}
