package forbidden

import (
	"go/build"
	"go/token"
	"go/types"
	"path/filepath"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/buildssa"
	"golang.org/x/tools/go/ssa"

	"github.com/connectlint/connectlint/analyzers/restcalls"
	"github.com/connectlint/connectlint/internal/apispec"
	"github.com/connectlint/connectlint/internal/gotypes"
	"github.com/connectlint/connectlint/internal/rules"
	"github.com/connectlint/connectlint/internal/strpat"
)

const summary = "find Atlassian REST responses used without checking their status (a 403 would pass as success)"

var Analyzer = &analysis.Analyzer{
	Name:      "forbidden",
	Doc:       summary,
	URL:       rules.DocsURL,
	Requires:  []*analysis.Analyzer{restcalls.Analyzer},
	Run:       run,
	FactTypes: []analysis.Fact{new(Handling)},
}

// strict additionally asks that 403 be told apart from other failures.
var strict bool

func init() {
	Analyzer.Flags.BoolVar(&strict, "strict", false,
		"also require that each Atlassian response's 403 is told apart (an http.StatusForbidden branch, or a helper with one)")
}

// checker is one run of the analyzer over one package.
type checker struct {
	pass *analysis.Pass
	pkg  *ssa.Package

	facts    map[*ssa.Function]*Handling // nil entry: being computed
	imported map[*types.Func]*Handling
	impls    map[string][]*ssa.Function
	concrete []types.Type                            // restcalls.ConcreteTypes of the package, once needed
	listed   map[ssa.CallInstruction]*restcalls.Call // the first call listed at each instruction
	exprs    *restcalls.CallExprs                    // restcalls' index when it built the SSA
}

var noHandling = &Handling{}

func run(pass *analysis.Pass) (any, error) {
	if inGOROOT(pass) {
		// The standard library's senders are known by name; net/http's own
		// Client.Do looks at redirect statuses, which examines nothing for
		// the caller.
		return nil, nil
	}
	calls := pass.ResultOf[restcalls.Analyzer].(*restcalls.Result)
	prog, exprs := calls.SSA, calls.Exprs
	if prog == nil {
		if !worthAnalysing(pass) {
			return nil, nil
		}
		prog, exprs = restcalls.BuildSSA(pass), restcalls.NewCallExprs(pass.Files)
	}
	c := &checker{
		pass:     pass,
		pkg:      prog.Pkg,
		facts:    map[*ssa.Function]*Handling{},
		imported: map[*types.Func]*Handling{},
		impls:    map[string][]*ssa.Function{},
		listed:   map[ssa.CallInstruction]*restcalls.Call{},
		exprs:    exprs,
	}
	for _, call := range calls.Calls {
		if call.Instr != nil && c.listed[call.Instr] == nil {
			c.listed[call.Instr] = call
		}
	}
	for _, fn := range prog.SrcFuncs {
		c.handling(fn)
	}
	c.exportFacts()
	if appCode(pass) {
		for _, call := range calls.Calls {
			if call.Instr == nil || c.listed[call.Instr] != call || c.inTestFile(call.Pos) {
				continue
			}
			c.check(call)
		}
		c.checkReturned(prog)
	}
	return nil, nil
}

// appCode reports whether the package belongs to the app rather than to a
// dependency from the module proxy (a client library's own requests are
// its business; the app's calls of its methods are checked).
func appCode(pass *analysis.Pass) bool {
	return pass.Module == nil || pass.Module.Version == ""
}

func inGOROOT(pass *analysis.Pass) bool {
	if len(pass.Files) == 0 {
		return true
	}
	name := pass.Fset.File(pass.Files[0].Pos()).Name()
	root := filepath.Join(build.Default.GOROOT, "src") + string(filepath.Separator)
	return strings.HasPrefix(name, root)
}

// worthAnalysing tells whether a package without Atlassian calls may
// still hold functions that examine or return responses: it imports
// net/http or a package with Handling facts.
func worthAnalysing(pass *analysis.Pass) bool {
	direct := map[*types.Package]bool{}
	for _, imp := range pass.Pkg.Imports() {
		if imp.Path() == "net/http" {
			return true
		}
		direct[imp] = true
	}
	for _, f := range pass.AllObjectFacts() {
		if _, ok := f.Fact.(*Handling); ok && direct[f.Object.Pkg()] {
			return true
		}
	}
	return false
}

// handling returns fn's Handling, computing it (callees first) for this
// package's functions and importing it for others.
func (c *checker) handling(fn *ssa.Function) *Handling {
	fn = gotypes.Origin(fn)
	if h, ok := c.facts[fn]; ok {
		if h == nil {
			return noHandling // recursion
		}
		return h
	}
	if fn.Pkg != c.pkg || fn.Synthetic != "" {
		obj, ok := fn.Object().(*types.Func)
		if !ok {
			return noHandling
		}
		if obj.Pkg() == c.pass.Pkg {
			if real := c.pkg.Prog.FuncValue(obj); real != nil && real != fn && real.Synthetic == "" {
				return c.handling(real)
			}
			return noHandling
		}
		return c.importedHandling(obj)
	}
	if fn.Blocks == nil {
		return noHandling
	}
	c.facts[fn] = nil
	h := c.summarize(fn)
	c.facts[fn] = h
	return h
}

func (c *checker) importedHandling(obj *types.Func) *Handling {
	obj = obj.Origin()
	if h, ok := c.imported[obj]; ok {
		return h
	}
	h := new(Handling)
	if obj.Pkg() == nil || !c.pass.ImportObjectFact(obj, h) {
		h = noHandling
	}
	c.imported[obj] = h
	return h
}

func (c *checker) exportFacts() {
	for fn, h := range c.facts {
		if h == nil || h.empty() {
			continue
		}
		if obj, ok := fn.Object().(*types.Func); ok && obj.Pkg() == c.pass.Pkg && obj.Exported() {
			c.pass.ExportObjectFact(obj, h)
		}
	}
}

// summarize computes what fn does with responses: the parameters it
// examines, and for the responses of the requests it sends, whether it
// returns them, examines them, reports their status as an error, or uses
// them unchecked.
func (c *checker) summarize(fn *ssa.Function) *Handling {
	h := &Handling{}
	for i, p := range fn.Params {
		isResp := gotypes.IsResponse(p.Type())
		if !isResp && !isStatusParam(p) {
			continue
		}
		fl := newFlow(c, fn)
		fl.param = true
		if isResp {
			fl.resp(p)
		} else {
			fl.roots[p] = true
			fl.status(p)
		}
		if len(fl.exams) > 0 {
			h.Examines = append(h.Examines, i)
			if fl.told403 {
				h.Tells403 = append(h.Tells403, i)
			}
		}
	}
	errIdx := lastError(fn.Signature)
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			ci, ok := instr.(ssa.CallInstruction)
			if !ok {
				continue
			}
			src, ok := c.source(ci)
			if !ok {
				continue
			}
			o := c.follow(src)
			told := o.fl.told403 || src.told403
			switch {
			case o.fl.returned >= 0:
				h.Response = o.fl.returned + 1
				if call := c.listed[ci]; call != nil {
					h.Op = operation(call)
				} else if src.op != "" {
					h.Op = src.op
				}
				if src.examined || o.here && o.ok {
					h.Examined = true
				}
				if (src.statusErr || o.here) && errIdx >= 0 {
					h.StatusErr = errIdx + 1
					if o.fl.errReturned >= 0 {
						h.StatusErr = o.fl.errReturned + 1
					}
				}
				h.Told403 = h.Told403 || told
			case c.listed[ci] != nil:
				// The request is settled here: checked and reported here.
			case !o.ok:
				h.Unchecked = true
			default:
				h.Examined = true
				if (src.statusErr || o.here) && errIdx >= 0 {
					h.StatusErr = errIdx + 1
				}
				h.Told403 = h.Told403 || told
			}
		}
	}
	return h
}

// source is a call yielding a response.
type source struct {
	instr ssa.CallInstruction
	resp  int // result holding the response, -1 when the callee handles it
	err   int // the error result, -1 none

	examined  bool // the callee examined the status
	statusErr bool // the error result reports a non-2xx status
	unchecked bool // the callee uses the response without examining it
	told403   bool // the callee tells 403 apart
	op        string
}

// httpSenders are the standard library's calls returning a response.
var httpSenders = map[string]bool{
	"(*net/http.Client).Do":           true,
	"(*net/http.Client).Get":          true,
	"(*net/http.Client).Head":         true,
	"(*net/http.Client).Post":         true,
	"(*net/http.Client).PostForm":     true,
	"(*net/http.Transport).RoundTrip": true,
	"net/http.Get":                    true,
	"net/http.Head":                   true,
	"net/http.Post":                   true,
	"net/http.PostForm":               true,
}

// source tells whether ci yields a response, and what its callee already
// did with it.
func (c *checker) source(ci ssa.CallInstruction) (source, bool) {
	com := ci.Common()
	s := source{instr: ci, resp: -1, err: lastError(com.Signature())}
	if fn := com.StaticCallee(); fn != nil {
		if httpSenders[strpat.FuncName(fn)] {
			s.resp = 0
			return s, true
		}
		return s.from(c.handling(fn))
	}
	if !com.IsInvoke() {
		return s, false
	}
	for _, fn := range c.implementations(com) {
		if s, ok := s.from(c.handling(fn)); ok {
			return s, true
		}
	}
	// An interface method sending a request (a Doer, go-atlassian's
	// Connector.Call). A client library's method returning its own
	// response type reports non-2xx statuses as errors (go-atlassian's
	// Call does; its Do returns the raw *http.Response).
	sig := com.Signature()
	if sig.Results().Len() == 0 || !gotypes.IsResponse(sig.Results().At(0).Type()) {
		return s, false
	}
	for i := range sig.Params().Len() {
		if gotypes.IsRequest(sig.Params().At(i).Type()) {
			s.resp = 0
			if restcalls.Library(com.Method.Pkg()) != "" && !gotypes.IsHTTPResponse(sig.Results().At(0).Type()) && s.err >= 0 {
				s.examined, s.statusErr = true, true
			}
			return s, true
		}
	}
	return s, false
}

func (s source) from(h *Handling) (source, bool) {
	if h.Response == 0 && h.StatusErr == 0 && !h.Unchecked && !h.Examined {
		return s, false
	}
	s.resp = h.Response - 1
	if h.StatusErr != 0 {
		s.err, s.statusErr = h.StatusErr-1, true
	}
	s.examined, s.unchecked, s.told403, s.op = h.Examined, h.Unchecked, h.Told403, h.Op
	return s, true
}

// outcome is what a function does with one source's response.
type outcome struct {
	fl   *flow
	ok   bool // examined (or handed back) on every path, or the status error is read
	here bool // the status is examined in this function
}

func (c *checker) follow(src source) outcome {
	fl := newFlow(c, src.instr.Parent())
	fl.resp(restcalls.ResultValue(src.instr, src.resp))
	fl.errv(restcalls.ResultValue(src.instr, src.err))
	o := outcome{fl: fl, here: len(fl.exams) > 0}
	switch {
	case src.unchecked && src.resp < 0:
		o.ok = false
	case src.examined && !src.statusErr:
		o.ok = true
	case src.statusErr && (fl.errRead || fl.errReturned >= 0):
		o.ok = true
	default:
		o.ok = !fl.unexaminedExit(src.instr)
	}
	return o
}

// implementations returns this package's methods an interface method
// call may run (go-atlassian's services call their implementation through
// an interface).
func (c *checker) implementations(com *ssa.CallCommon) []*ssa.Function {
	iface, ok := com.Value.Type().Underlying().(*types.Interface)
	if !ok {
		return nil
	}
	key := types.TypeString(com.Value.Type(), nil) + "." + com.Method.Name()
	if fns, ok := c.impls[key]; ok {
		return fns
	}
	var fns []*ssa.Function
	prog := c.pkg.Prog
	if c.concrete == nil {
		c.concrete = restcalls.ConcreteTypes(c.pass.Pkg)
	}
	for sel := range restcalls.ImplementingMethods(prog, c.concrete, iface, com.Method) {
		if fn := prog.MethodValue(sel); fn != nil {
			fns = append(fns, fn)
		}
		if len(fns) >= 8 {
			break
		}
	}
	c.impls[key] = fns
	return fns
}

// consequence ends every message of the rule.
const consequence = "a 403 (missing scope or user permission) would pass as success"

// check reports what the app does with the response of one listed call.
func (c *checker) check(call *restcalls.Call) {
	src, ok := c.source(call.Instr)
	if call.Response >= 0 && (!ok || src.resp != call.Response) {
		src = source{instr: call.Instr, resp: call.Response, err: lastError(call.Instr.Common().Signature())}
		ok = true
	}
	if ok {
		c.report(src, operation(call), call.Via)
	}
}

// checkReturned checks the calls of functions returning the response of
// a REST call settled inside them (a Handling fact with Op) that
// restcalls does not list here: the caller's use is checked as if it
// were the REST call.
func (c *checker) checkReturned(prog *buildssa.SSA) {
	for _, fn := range prog.SrcFuncs {
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				ci, ok := instr.(ssa.CallInstruction)
				if !ok || c.listed[ci] != nil {
					continue
				}
				src, ok := c.source(ci)
				if !ok || src.op == "" || src.resp < 0 || c.inTestFile(ci.Pos()) {
					continue
				}
				via := "the callee"
				if callee := ci.Common().StaticCallee(); callee != nil {
					via = callee.Name()
				}
				c.report(src, src.op, via)
			}
		}
	}
}

// report reports what the function does with the response of src, the
// call of operation op through via.
func (c *checker) report(src source, op, via string) {
	o := c.follow(src)
	at := c.callRange(src.instr)
	if !o.ok {
		fl := o.fl
		switch {
		case src.statusErr:
			ruleUnchecked.Reportf(c.pass, at, "error of %s is never read, and %s reports a non-2xx status only through it; %s", op, via, consequence)
		case fl.used || src.unchecked:
			ruleUnchecked.Reportf(c.pass, at, "response of %s is used without checking its status; %s", op, consequence)
		default:
			ruleUnchecked.Reportf(c.pass, at, "response of %s is dropped without checking its status; %s", op, consequence)
		}
		return
	}
	if o.fl.returned >= 0 && !o.here {
		return // the caller's business: checked at its calls
	}
	if cmp := o.fl.accepts403(); cmp != nil {
		ruleUnchecked.Reportf(c.pass, rng{cmp.Pos(), cmp.Pos()}, "status check of the response of %s treats 403 Forbidden as success; %s", op, consequence)
		return
	}
	if strict && !o.fl.told403 && !src.told403 {
		ruleUnchecked.Reportf(c.pass, at, "status of %s is checked but 403 is not told apart from other failures; the user cannot be told that a scope or permission is missing", op)
	}
}

// operation names the call in messages: the matched operation's
// template, else the method and URL as the code builds them.
func operation(call *restcalls.Call) string {
	if call.Match.Kind == apispec.Matched && len(call.Match.Ops) > 0 {
		op := call.Match.Ops[0]
		path := op.Path
		// The table answers /rest/api/2 and /rest/api/latest with the v3
		// operation; name the version the code calls.
		if rest, ok := strings.CutPrefix(path, "/rest/api/3/"); ok {
			for _, v := range []string{"2", "latest"} {
				if strings.Contains(call.URL.String(), "/rest/api/"+v+"/") {
					path = "/rest/api/" + v + "/" + rest
				}
			}
		}
		return op.Method + " " + path
	}
	m := call.Method
	if m == "" {
		m = "(any method)"
	}
	return m + " " + call.URL.String()
}

type rng struct{ pos, end token.Pos }

func (r rng) Pos() token.Pos { return r.pos }
func (r rng) End() token.Pos { return r.end }

// callRange returns the extent of the call expression of instr.
func (c *checker) callRange(instr ssa.CallInstruction) rng {
	pos, end := c.exprs.Extent(instr)
	return rng{pos, end}
}

func (c *checker) inTestFile(pos token.Pos) bool {
	f := c.pass.Fset.File(pos)
	return f != nil && strings.HasSuffix(f.Name(), "_test.go")
}
