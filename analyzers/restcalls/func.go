package restcalls

import (
	"go/constant"
	"go/token"
	"go/types"
	"slices"
	"strings"

	"golang.org/x/tools/go/ssa"

	"github.com/connectlint/connectlint/internal/apispec"
	"github.com/connectlint/connectlint/internal/authz"
	"github.com/connectlint/connectlint/internal/gotypes"
	"github.com/connectlint/connectlint/internal/strpat"
)

// req is one way a request value can have been built.
type req struct {
	method, url strpat.Pattern
	param       int                 // 1 + parameter index when the request is a parameter
	site        ssa.CallInstruction // the constructing call in this function, if any
	via         string
	// done tells that a callee in this package (or module) had already
	// fixed method and URL: the request is listed at the callee's call.
	done bool
	// auth is the request's credential, as far as the code shows it.
	auth authz.Credential
	// guards are the conditions on this function's parameters under
	// which the request is made.
	guards []Guard
}

// occurrence is a request that a call sends (send != nil), or that is
// built and never sent in this function.
type occurrence struct {
	r    req
	send ssa.CallInstruction
	resp int // result of send holding the response, -1 none
}

// funcState analyses one function.
type funcState struct {
	a        *state
	fn       *ssa.Function
	ev       strpat.Evaluator
	occs     []occurrence
	builders []ssa.CallInstruction
	consumed map[ssa.CallInstruction]bool
	visiting map[ssa.Value]bool
}

func (f *funcState) run() *Summary {
	f.consumed = map[ssa.CallInstruction]bool{}
	f.ev.CallResult = f.callResult
	f.ev.GlobalStores = f.a.globalStores
	for _, b := range f.fn.Blocks {
		for _, instr := range b.Instrs {
			if ci, ok := instr.(ssa.CallInstruction); ok {
				f.visitCall(ci)
			}
		}
	}
	s := &Summary{Module: f.a.module}
	for _, p := range f.fn.Params {
		s.Params = append(s.Params, p.Name())
	}
	for _, fv := range f.fn.FreeVars {
		s.Params = append(s.Params, fv.Name())
	}
	// Requests returned to the caller, built but not sent.
	f.returns(func(v ssa.Value, i int) {
		if !gotypes.IsRequest(v.Type()) {
			return
		}
		for _, r := range f.origins(v, 0) {
			if r.site != nil {
				f.consumed[r.site] = true
			}
			if r.param != 0 {
				continue
			}
			s.addEffect(Effect{Method: r.method, URL: r.url, Request: i + 1, Via: libVia(r.via), Auth: r.auth})
		}
	})
	// Requests built and never sent here (nor by a closure that captures
	// them).
	for _, b := range f.builders {
		if f.consumed[b] || f.capturedResult(b) {
			continue
		}
		for _, r := range f.resultReqs(b) {
			f.occs = append(f.occs, occurrence{r: r, resp: -1})
		}
	}
	for _, o := range f.occs {
		f.record(s, o)
	}
	// String and URL results built from parameters.
	if sig := f.fn.Signature; sig.Results().Len() > 0 {
		alts := make([][]strpat.Pattern, sig.Results().Len())
		f.returns(func(v ssa.Value, i int) {
			t := v.Type()
			if !gotypes.IsString(t) && !gotypes.IsURL(t) {
				return
			}
			alts[i] = append(alts[i], f.ev.URL(v)...)
		})
		for i, ps := range alts {
			ps = strpat.Dedup(ps)
			if len(ps) == 1 && (ps[0].IsAny() || len(ps[0]) == 0) {
				continue
			}
			for _, p := range ps {
				s.Results = append(s.Results, ResultPattern{Index: i, Pattern: p})
			}
		}
	}
	return s
}

// libVia keeps a library name for effects; net/http and the program's own
// wrappers are named at each call site instead.
func libVia(via string) string {
	if via == "go-jira" || via == "go-atlassian" {
		return via
	}
	return ""
}

func (s *Summary) addEffect(e Effect) {
	for _, x := range s.Effects {
		if x.Method.Equal(e.Method) && x.URL.Equal(e.URL) && x.ReqParam == e.ReqParam &&
			x.Sent == e.Sent && x.Response == e.Response && x.Request == e.Request && slices.Equal(x.Guards, e.Guards) {
			return
		}
	}
	if len(s.Effects) < maxEffects {
		s.Effects = append(s.Effects, e)
	}
}

// maxGuards bounds the conditions kept on an effect.
const maxGuards = 4

// guards are the conditions "parameter == constant" under which block b
// runs: the If blocks dominating b whose true branch dominates it (a
// switch on a method parameter compiles to such a chain).
func (f *funcState) guards(b *ssa.BasicBlock) []Guard {
	var out []Guard
	for d := b.Idom(); d != nil && len(out) < maxGuards; d = d.Idom() {
		ifi, ok := d.Instrs[len(d.Instrs)-1].(*ssa.If)
		if !ok || len(d.Succs) != 2 || !d.Succs[0].Dominates(b) || d.Succs[0] == d.Succs[1] {
			continue
		}
		cond, ok := ifi.Cond.(*ssa.BinOp)
		if !ok || cond.Op != token.EQL {
			continue
		}
		p, k := cond.X, cond.Y
		if _, isConst := p.(*ssa.Const); isConst {
			p, k = k, p
		}
		param, ok1 := p.(*ssa.Parameter)
		lit, ok2 := k.(*ssa.Const)
		if !ok1 || !ok2 || lit.Value == nil || lit.Value.Kind() != constant.String {
			continue
		}
		for i, fp := range f.fn.Params {
			if fp == param {
				out = append(out, Guard{Param: i, Value: constant.StringVal(lit.Value)})
			}
		}
	}
	return out
}

// bindGuards checks an effect's guards against a call's arguments: false
// when a constant argument fails one. Guards on arguments that are this
// function's own parameters carry over to it.
func (f *funcState) bindGuards(c *ssa.CallCommon, t target, gs []Guard) ([]Guard, bool) {
	var out []Guard
	for _, g := range gs {
		switch v := argValue(c, t, g.Param).(type) {
		case *ssa.Const:
			if v.Value != nil && v.Value.Kind() == constant.String && constant.StringVal(v.Value) != g.Value {
				return nil, false
			}
		case *ssa.Parameter:
			for i, fp := range f.fn.Params {
				if fp == v {
					out = append(out, Guard{Param: i, Value: g.Value})
				}
			}
		}
	}
	return out, true
}

// returns calls visit for every value the function returns.
func (f *funcState) returns(visit func(v ssa.Value, i int)) {
	for _, b := range f.fn.Blocks {
		if ret, ok := b.Instrs[len(b.Instrs)-1].(*ssa.Return); ok {
			for i, v := range ret.Results {
				visit(v, i)
			}
		}
	}
}

// record turns an occurrence into a summary effect and, when method and
// URL no longer depend on parameters, a Call.
func (f *funcState) record(s *Summary, o occurrence) {
	r := o.r
	ret := -1
	if o.send != nil && o.resp >= 0 {
		ret = f.returnedAt(ResultValue(o.send, o.resp))
	}
	via := libVia(r.via)
	switch {
	case r.param != 0:
		s.addEffect(Effect{ReqParam: r.param, Sent: true, Response: ret + 1, Via: via, Auth: r.auth})
		return
	case o.send != nil:
		guards := append(slices.Clone(r.guards), f.guards(o.send.Block())...)
		s.addEffect(Effect{Method: r.method, URL: r.url, Sent: true, Response: ret + 1, Via: via, Auth: r.auth, Guards: guards})
	}
	if !fixed(r.method, r.url) {
		if o.send != nil && o.resp >= 0 {
			// A wrapper's own send: listed for the 403 check only.
			c := &Call{
				Method:   methodString(r.method.Subst(nil)[0]),
				URL:      strpat.CleanURL(r.url.Subst(nil)[0]),
				Via:      r.via,
				Auth:     r.auth,
				Instr:    o.send,
				Response: o.resp,
			}
			c.Pos, c.End = f.a.exprs.Extent(o.send)
			f.a.sends = append(f.a.sends, c)
		}
		return
	}
	nested := false
	if r.done {
		if o.resp < 0 {
			return
		}
		nested = true
	}
	c := &Call{
		Method:   methodString(r.method),
		URL:      strpat.CleanURL(r.url.Subst(nil)[0]),
		Via:      r.via,
		Auth:     r.auth,
		Instr:    o.send,
		Response: o.resp,
		Nested:   nested,
	}
	if o.send == nil {
		c.Response = -1
	}
	at := o.send
	if r.site != nil && r.site.Parent() == f.fn {
		at = r.site
	}
	c.Pos, c.End = f.a.exprs.Extent(at)
	f.a.calls = append(f.a.calls, c)
	if c.Instr != nil && c.Response >= 0 {
		f.a.sends = append(f.a.sends, c)
	}
}

// fixed tells whether a request's method and URL are settled enough to be
// listed where they are built: the method does not come from a parameter,
// and every parameter in the URL only fills in a value: the site (before
// the REST path), a path segment after a resource name
// ("/rest/api/3/issue/"+key), or a query value. A parameter that extends
// the path ("/rest/api/3"+path, "/rest/api/3/"+path) makes the function a
// wrapper: the request is listed at its callers.
func fixed(method, url strpat.Pattern) bool {
	if method.HasParams() {
		return false
	}
	var before strings.Builder // literal text so far
	inQuery := false
	for i, e := range url {
		if !e.Wild {
			before.WriteString(e.Lit)
			if strings.ContainsAny(e.Lit, "?#") {
				inQuery = true
			}
			continue
		}
		if e.Param == 0 || inQuery {
			continue
		}
		text := before.String()
		if !looksLikeAPIPath(strpat.Lit(text)) {
			if looksLikeAPIPath(url[i+1:]) {
				continue // the site or base URL, before the REST path
			}
			return false // the parameter may be the whole path
		}
		if !strings.HasSuffix(text, "/") {
			return false // extends a segment: "/rest/api/3"+path
		}
		segs := strings.Split(strings.TrimSuffix(text, "/"), "/")
		if apispec.IsRootSegment(segs[len(segs)-1]) {
			return false // "/rest/api/3/"+path
		}
	}
	return true
}

// looksLikeAPIPath reports whether the literal text of url (before any
// query) names a REST path.
func looksLikeAPIPath(url strpat.Pattern) bool {
	for _, e := range url {
		if e.Wild {
			continue
		}
		lit := e.Lit
		q := strings.IndexAny(lit, "?#")
		if q >= 0 {
			lit = lit[:q]
		}
		if strings.Contains(lit, "rest/") || strings.Contains(lit, "/api/") || strings.HasPrefix(lit, "api/") {
			return true
		}
		if q >= 0 {
			return false
		}
	}
	return false
}

// methodString is the upper-case method a pattern fixes, or "".
func methodString(p strpat.Pattern) string {
	m, ok := p.Const()
	if !ok {
		return ""
	}
	if m == "" {
		return "GET" // net/http's meaning of an empty method
	}
	return strings.ToUpper(m)
}

// ResultValue is the value of result i of a call (the call itself or an
// Extract), nil if the call does not use it or i is negative.
func ResultValue(ci ssa.CallInstruction, i int) ssa.Value {
	call, ok := ci.(*ssa.Call)
	if !ok || i < 0 {
		return nil
	}
	if call.Call.Signature().Results().Len() == 1 {
		if i == 0 {
			return call
		}
		return nil
	}
	for _, r := range *call.Referrers() {
		if ex, ok := r.(*ssa.Extract); ok && ex.Index == i {
			return ex
		}
	}
	return nil
}

// returnedAt returns the index of the result through which v (a response)
// is returned, directly or wrapped (go-jira's newResponse(resp, v),
// &Response{Response: resp}), or -1.
func (f *funcState) returnedAt(v ssa.Value) int {
	best := -1
	seen := map[ssa.Value]bool{}
	var walk func(v ssa.Value, depth int)
	walk = func(v ssa.Value, depth int) {
		if v == nil || depth > 4 || seen[v] || v.Referrers() == nil {
			return
		}
		seen[v] = true
		for _, r := range *v.Referrers() {
			switch r := r.(type) {
			case *ssa.Return:
				for i, x := range r.Results {
					if x == v && (best < 0 || i < best) {
						best = i
					}
				}
			case *ssa.Phi:
				walk(r, depth+1)
			case *ssa.ChangeType:
				walk(r, depth+1)
			case *ssa.MakeInterface:
				walk(r, depth+1)
			case *ssa.Call:
				if r.Call.StaticCallee() != nil && gotypes.IsResponse(r.Type()) {
					walk(r, depth+1)
				}
			case *ssa.Store:
				if fa, ok := r.Addr.(*ssa.FieldAddr); ok && r.Val == v {
					if gotypes.IsResponse(fa.X.Type()) {
						walk(fa.X, depth+1)
					}
				}
			}
		}
	}
	walk(v, 0)
	return best
}

// argPatterns evaluates a call's arguments for substitution into a
// target's summary: parameters, then the closure's free variables.
func (f *funcState) argPatterns(c *ssa.CallCommon, t target) [][]strpat.Pattern {
	n := len(t.sum.Params)
	args := make([][]strpat.Pattern, n)
	for i := range n {
		k := i - t.offset
		if k < 0 || k >= len(c.Args) {
			continue
		}
		args[i] = f.ev.URL(c.Args[k])
	}
	if mc, ok := c.Value.(*ssa.MakeClosure); ok && t.fn != nil {
		base := len(t.fn.Params)
		for j, b := range mc.Bindings {
			if base+j < n {
				args[base+j] = f.ev.Contents(b)
			}
		}
	}
	return args
}

// argValue returns the value passed for parameter i of target t.
func argValue(c *ssa.CallCommon, t target, i int) ssa.Value {
	k := i - t.offset
	if k < 0 || k >= len(c.Args) {
		return nil
	}
	return c.Args[k]
}

// substitute resolves an effect's method and URL at a call.
func substitute(e Effect, args [][]strpat.Pattern) []req {
	args = dropEmptySegments(e.URL, args)
	var out []req
	for _, m := range e.Method.Subst(args) {
		for _, u := range e.URL.Subst(args) {
			out = append(out, req{method: m, url: strpat.CleanURL(u)})
			if len(out) >= strpat.MaxAlts {
				return out
			}
		}
	}
	return out
}

// dropEmptySegments drops the empty value from the alternatives of a
// parameter that is a whole path segment of url (".../project/" + key),
// when it has other alternatives: an empty key would send the request to
// another operation (GET /project instead of GET /project/{key}), and code
// that may hold one (id := "" before a lookup) checks it before sending.
func dropEmptySegments(url strpat.Pattern, args [][]strpat.Pattern) [][]strpat.Pattern {
	var out [][]strpat.Pattern
	for i, e := range url {
		k := e.Param - 1
		if !e.Wild || k < 0 || k >= len(args) || i == 0 || url[i-1].Wild || !strings.HasSuffix(url[i-1].Lit, "/") {
			continue
		}
		if i+1 < len(url) && (url[i+1].Wild || !strings.ContainsAny(url[i+1].Lit[:1], "/?#")) {
			continue // the parameter is only part of its segment
		}
		alts := args[k]
		kept := slices.DeleteFunc(slices.Clone(alts), func(p strpat.Pattern) bool { return len(p) == 0 })
		if len(kept) == 0 || len(kept) == len(alts) {
			continue
		}
		if out == nil {
			out = slices.Clone(args)
		}
		out[k] = kept
	}
	if out == nil {
		return args
	}
	return out
}

// via names how a request made through target t is made.
func (f *funcState) via(e Effect, t target) string {
	if e.Via != "" {
		return e.Via
	}
	if t.obj != nil {
		if lib := Library(t.obj.Pkg()); lib != "" {
			return lib
		}
	}
	return f.a.calleeName(t.fn, t.obj)
}

// done tells whether an effect of t with fixed method and URL was already
// listed in t's own package, analysed as part of the same program.
func (f *funcState) done(e Effect, t target) bool {
	if !fixed(e.Method, e.URL) {
		return false
	}
	if t.local {
		return true
	}
	return f.a.module != "" && t.sum.Module == f.a.module
}

// directSends are the net/http functions that send a request given by
// its URL: the method they use and which argument is the URL.
var directSends = map[string]struct {
	method string
	urlArg int
}{
	"net/http.Get":                {"GET", 0},
	"net/http.Head":               {"HEAD", 0},
	"net/http.Post":               {"POST", 0},
	"net/http.PostForm":           {"POST", 0},
	"(*net/http.Client).Get":      {"GET", 1},
	"(*net/http.Client).Head":     {"HEAD", 1},
	"(*net/http.Client).Post":     {"POST", 1},
	"(*net/http.Client).PostForm": {"POST", 1},
}

// newRequestURLArg gives, for net/http's request constructors, which
// argument is the URL (the method is the one before it).
var newRequestURLArg = map[string]int{
	"net/http.NewRequest":            1,
	"net/http.NewRequestWithContext": 2,
}

func (f *funcState) visitCall(ci ssa.CallInstruction) {
	c := ci.Common()
	if fn := c.StaticCallee(); fn != nil {
		name := strpat.FuncName(fn)
		if _, ok := newRequestURLArg[name]; ok {
			f.builders = append(f.builders, ci)
			return
		}
		if d, ok := directSends[name]; ok {
			var auth authz.Credential
			if d.urlArg == 1 { // a method of the client
				auth = clientCredential(c.Args[0], 0)
			}
			for _, u := range f.ev.URL(c.Args[d.urlArg]) {
				f.occs = append(f.occs, occurrence{
					r:    req{method: strpat.Lit(d.method), url: u, site: ci, via: "net/http", auth: auth},
					send: ci, resp: 0,
				})
			}
			return
		}
		switch name {
		case "(*net/http.Client).Do":
			f.sendRequest(ci, c.Args[1], 0, "net/http", clientCredential(c.Args[0], 0))
			return
		case "(*net/http.Transport).RoundTrip":
			f.sendRequest(ci, c.Args[1], 0, "net/http", authz.Credential{})
			return
		}
	}
	ts := f.a.targets(c)
	forwards := len(ts) > 0 && c.IsInvoke() && f.forwardsOwnRequest(c)
	for _, t := range ts {
		var args [][]strpat.Pattern
		for _, e := range t.sum.Effects {
			switch {
			case e.ReqParam != 0:
				if v := argValue(c, t, e.ReqParam-1); v != nil {
					f.sendRequest(ci, v, e.Response-1, f.via(e, t), e.Auth)
				}
			case e.Sent && forwards:
				// Not this wrapper's request (forwardsOwnRequest).
			case e.Sent:
				guards, ok := f.bindGuards(c, t, e.Guards)
				if !ok {
					continue // the argument rules the request out
				}
				if args == nil {
					args = f.argPatterns(c, t)
				}
				done := f.done(e, t)
				for _, r := range substitute(e, args) {
					r.site, r.via, r.done, r.auth, r.guards = ci, f.via(e, t), done, e.Auth, guards
					f.occs = append(f.occs, occurrence{r: r, send: ci, resp: e.Response - 1})
				}
			case e.Request != 0:
				f.builders = append(f.builders, ci)
			}
		}
	}
	if len(ts) == 0 && c.IsInvoke() {
		f.interfaceHeuristics(ci)
	}
}

// forwardsOwnRequest reports whether an interface call passes on the
// request this function was given (its parameter, or a Clone, WithContext
// or copy of it, which a helper may make: nothing else built here): a
// RoundTripper or Doer wrapper handing its request to the next one, which
// may be any implementation. The requests such an implementation makes of
// its own (go-jira's CookieAuthTransport logs in first) are not calls of
// the wrapper.
func (f *funcState) forwardsOwnRequest(c *ssa.CallCommon) bool {
	if !slices.ContainsFunc(f.fn.Params, func(p *ssa.Parameter) bool { return gotypes.IsRequest(p.Type()) }) {
		return false
	}
	for _, arg := range c.Args {
		if gotypes.IsRequest(arg.Type()) {
			return !slices.ContainsFunc(f.origins(arg, 0), func(r req) bool { return r.param == 0 })
		}
	}
	return false
}

// interfaceHeuristics handles a call of an interface method this package
// does not implement, by its signature: a method taking an *http.Request
// sends it (Do, RoundTrip, go-atlassian's Connector.Call); a method
// returning an *http.Request builds one from its "method" and "url"/"path"
// parameters (go-atlassian's Connector.NewRequest).
func (f *funcState) interfaceHeuristics(ci ssa.CallInstruction) {
	c := ci.Common()
	sig, ok := c.Method.Type().(*types.Signature)
	if !ok {
		return
	}
	if sig.Results().Len() > 0 && gotypes.IsRequest(sig.Results().At(0).Type()) {
		f.builders = append(f.builders, ci)
		return
	}
	for i := range sig.Params().Len() {
		if gotypes.IsRequest(sig.Params().At(i).Type()) {
			resp := -1
			if sig.Results().Len() > 0 && gotypes.IsResponse(sig.Results().At(0).Type()) {
				resp = 0
			}
			via := Library(c.Method.Pkg())
			if via == "" {
				via = f.a.calleeName(nil, c.Method)
			}
			f.sendRequest(ci, c.Args[i], resp, via, authz.Credential{})
			return
		}
	}
}

// heuristicBuild evaluates an interface builder call by parameter names.
func (f *funcState) heuristicBuild(ci ssa.CallInstruction) []req {
	c := ci.Common()
	sig := c.Method.Type().(*types.Signature)
	mi, ui := -1, -1
	for i := range sig.Params().Len() {
		p := sig.Params().At(i)
		if !gotypes.IsString(p.Type()) {
			continue
		}
		n := strings.ToLower(p.Name())
		switch {
		case n == "method" || n == "verb":
			mi = i
		case ui < 0 && (strings.Contains(n, "url") || strings.Contains(n, "path") || strings.Contains(n, "endpoint") || strings.Contains(n, "uri") || strings.Contains(n, "route")):
			ui = i
		}
	}
	if mi < 0 || ui < 0 {
		return nil
	}
	via := Library(c.Method.Pkg())
	if via == "" {
		via = f.a.calleeName(nil, c.Method)
	}
	var out []req
	for _, m := range f.ev.String(c.Args[mi]) {
		for _, u := range f.ev.URL(c.Args[ui]) {
			// Relative paths resolve against a configured site URL.
			out = append(out, req{method: m, url: strpat.CleanURL(strpat.ResolveReference(strpat.Any(), u)), site: ci, via: via})
		}
	}
	return out
}

// sendRequest records that ci sends the request v, with the credential
// of the sender (the client's) unless the request carries its own.
func (f *funcState) sendRequest(ci ssa.CallInstruction, v ssa.Value, resp int, via string, auth authz.Credential) {
	for _, r := range f.origins(v, 0) {
		if r.site != nil {
			f.consumed[r.site] = true
		}
		if r.via == "" || r.via == "net/http" {
			r.via = via
		}
		if r.auth.Model == 0 && auth.Model != 0 {
			r.auth = auth
		}
		f.occs = append(f.occs, occurrence{r: r, send: ci, resp: resp})
	}
}

// origins returns how the request value v can have been built.
func (f *funcState) origins(v ssa.Value, depth int) []req {
	if v == nil || depth > 8 {
		return nil
	}
	if f.visiting == nil {
		f.visiting = map[ssa.Value]bool{}
	}
	if f.visiting[v] {
		return nil
	}
	f.visiting[v] = true
	defer delete(f.visiting, v)

	var out []req
	switch x := v.(type) {
	case *ssa.Parameter:
		for i, p := range f.fn.Params {
			if p == x {
				out = append(out, req{param: i + 1})
			}
		}
		return out
	case *ssa.Phi:
		for _, e := range x.Edges {
			out = append(out, f.origins(e, depth+1)...)
		}
		return out
	case *ssa.Extract:
		if call, ok := x.Tuple.(*ssa.Call); ok {
			out = f.callReqs(call, x.Index, depth)
		}
	case *ssa.Call:
		out = f.callReqs(x, 0, depth)
	case *ssa.Alloc:
		// r2 := new(http.Request); *r2 = *r: a copy of the request r
		// (go-jira's cloneRequest in a RoundTripper), not a new one.
		for _, st := range stores(x) {
			if load, ok := st.(*ssa.UnOp); ok && load.Op == token.MUL {
				out = append(out, f.origins(load.X, depth+1)...)
			}
		}
		if len(out) > 0 {
			return out
		}
		// &http.Request{Method: ..., URL: ...}
		if gotypes.IsRequest(x.Type()) {
			out = []req{{method: strpat.Lit("GET"), url: strpat.Any(), via: "net/http"}}
		}
	case *ssa.MakeInterface:
		return f.origins(x.X, depth+1)
	case *ssa.ChangeType:
		return f.origins(x.X, depth+1)
	case *ssa.UnOp:
		// A variable a closure captures lives in memory: what was stored.
		if a, ok := x.X.(*ssa.Alloc); ok && x.Op == token.MUL {
			for _, st := range stores(a) {
				out = append(out, f.origins(st, depth+1)...)
			}
			return out
		}
		if fv, ok := x.X.(*ssa.FreeVar); ok && x.Op == token.MUL {
			return f.freeVarOrigins(fv, depth)
		}
	case *ssa.FreeVar:
		return f.freeVarOrigins(x, depth)
	}
	return f.mutations(v, out)
}

// stores returns the values stored to a local variable.
func stores(a *ssa.Alloc) []ssa.Value {
	var out []ssa.Value
	for _, r := range *a.Referrers() {
		if st, ok := r.(*ssa.Store); ok && st.Addr == a {
			out = append(out, st.Val)
		}
	}
	return out
}

// freeVarOrigins follows a request a closure captures (a retry helper's
// func() { return client.Do(req) }) to where the enclosing function built
// it. The enclosing function's parameters mean nothing here, so they
// become plain wildcards.
func (f *funcState) freeVarOrigins(fv *ssa.FreeVar, depth int) []req {
	idx := -1
	for i, x := range f.fn.FreeVars {
		if x == fv {
			idx = i
		}
	}
	parent := f.fn.Parent()
	if idx < 0 || parent == nil {
		return nil
	}
	var out []req
	for _, b := range parent.Blocks {
		for _, instr := range b.Instrs {
			mc, ok := instr.(*ssa.MakeClosure)
			if !ok || mc.Fn != f.fn || idx >= len(mc.Bindings) {
				continue
			}
			outer := &funcState{a: f.a, fn: parent, consumed: map[ssa.CallInstruction]bool{}}
			outer.ev.CallResult = outer.callResult
			outer.ev.GlobalStores = f.a.globalStores
			vals := []ssa.Value{mc.Bindings[idx]}
			if a, ok := mc.Bindings[idx].(*ssa.Alloc); ok {
				vals = stores(a)
			}
			var rs []req
			for _, v := range vals {
				rs = append(rs, outer.origins(v, depth+1)...)
			}
			for _, r := range rs {
				if r.param != 0 {
					continue
				}
				r.method = r.method.Subst(nil)[0]
				r.url = r.url.Subst(nil)[0]
				out = append(out, r)
			}
		}
	}
	return out
}

// capturedByClosure reports whether the request value v is stored in a
// variable that a closure captures: the closure sends it.
func capturedByClosure(v ssa.Value) bool {
	if v == nil || v.Referrers() == nil {
		return false
	}
	for _, r := range *v.Referrers() {
		st, ok := r.(*ssa.Store)
		if !ok || st.Val != v {
			continue
		}
		a, ok := st.Addr.(*ssa.Alloc)
		if !ok {
			continue
		}
		for _, rr := range *a.Referrers() {
			if _, ok := rr.(*ssa.MakeClosure); ok {
				return true
			}
		}
	}
	return false
}

// capturedResult reports whether a builder's request is captured by a
// closure.
func (f *funcState) capturedResult(ci ssa.CallInstruction) bool {
	call, ok := ci.(*ssa.Call)
	if !ok {
		return false
	}
	n := call.Call.Signature().Results().Len()
	for i := range n {
		v := ResultValue(ci, i)
		if n == 1 {
			v = call
		}
		if capturedByClosure(v) {
			return true
		}
	}
	return false
}

// resultReqs returns the requests a builder call produces.
func (f *funcState) resultReqs(ci ssa.CallInstruction) []req {
	call, ok := ci.(*ssa.Call)
	if !ok {
		return nil
	}
	var out []req
	if call.Call.Signature().Results().Len() == 1 {
		return f.origins(call, 0)
	}
	for i := range call.Call.Signature().Results().Len() {
		if gotypes.IsRequest(call.Call.Signature().Results().At(i).Type()) {
			if v := ResultValue(ci, i); v != nil {
				out = append(out, f.origins(v, 0)...)
			} else {
				out = append(out, f.callReqs(call, i, 0)...)
			}
		}
	}
	return out
}

// callReqs returns the requests result i of call can be.
func (f *funcState) callReqs(call *ssa.Call, i int, depth int) []req {
	c := &call.Call
	if fn := c.StaticCallee(); fn != nil {
		switch name := strpat.FuncName(fn); name {
		case "net/http.NewRequest", "net/http.NewRequestWithContext":
			if i != 0 {
				return nil
			}
			k := newRequestURLArg[name]
			var out []req
			for _, m := range f.ev.String(c.Args[k-1]) {
				for _, u := range f.ev.URL(c.Args[k]) {
					out = append(out, req{method: m, url: u, site: call, via: "net/http"})
				}
			}
			return out
		case "(*net/http.Request).WithContext", "(*net/http.Request).Clone":
			return f.origins(c.Args[0], depth+1)
		}
	}
	var out []req
	ts := f.a.targets(c)
	for _, t := range ts {
		var args [][]strpat.Pattern
		for _, e := range t.sum.Effects {
			if e.Request != i+1 {
				continue
			}
			if args == nil {
				args = f.argPatterns(c, t)
			}
			for _, r := range substitute(e, args) {
				r.site, r.via, r.auth = call, f.via(e, t), e.Auth
				out = append(out, r)
			}
		}
	}
	if len(ts) == 0 && c.IsInvoke() && i == 0 {
		if sig := c.Method.Type().(*types.Signature); sig.Results().Len() > 0 && gotypes.IsRequest(sig.Results().At(0).Type()) {
			out = append(out, f.heuristicBuild(call)...)
		}
	}
	return out
}

// mutations applies assignments to the request's Method and URL fields
// after creation (req.Method = "PUT", req.URL = u) to the origins of v.
func (f *funcState) mutations(v ssa.Value, rs []req) []req {
	if len(rs) == 0 || v.Referrers() == nil {
		return rs
	}
	if auth := f.headerCredential(v); auth.Model != 0 || auth.What != "" {
		for i := range rs {
			rs[i].auth = auth
		}
	}
	for _, ref := range *v.Referrers() {
		fa, ok := ref.(*ssa.FieldAddr)
		if !ok || fa.X != v {
			continue
		}
		st, ok := fa.X.Type().Underlying().(*types.Pointer).Elem().Underlying().(*types.Struct)
		if !ok {
			continue
		}
		field := st.Field(fa.Field).Name()
		if field != "Method" && field != "URL" {
			continue
		}
		for _, rr := range *fa.Referrers() {
			if ld, ok := rr.(*ssa.UnOp); ok && field == "URL" {
				rs = f.urlFieldSets(v, ld, rs)
				continue
			}
			s, ok := rr.(*ssa.Store)
			if !ok || s.Addr != fa {
				continue
			}
			var alts []strpat.Pattern
			if field == "Method" {
				alts = f.ev.String(s.Val)
			} else {
				alts = f.ev.URL(s.Val)
			}
			var next []req
			if !dominatesUses(s.Block(), v) {
				next = rs // set on some paths only: keep the old value too
			}
			for _, r := range rs {
				for _, p := range alts {
					q := r
					if field == "Method" {
						q.method = p
					} else {
						q.url = p
					}
					q.done = false
					next = append(next, q)
				}
			}
			rs = next
		}
	}
	return rs
}

// dominatesUses reports whether block b dominates every call that uses v
// (b is on every path to where the request is sent or passed on).
func dominatesUses(b *ssa.BasicBlock, v ssa.Value) bool {
	for _, r := range *v.Referrers() {
		if _, ok := r.(ssa.CallInstruction); ok && !b.Dominates(r.Block()) {
			return false
		}
	}
	return true
}

// urlFieldSets applies req.URL.Path = ... and req.URL.RawQuery = ...
// (through the loaded req.URL pointer u) to the requests' URLs.
func (f *funcState) urlFieldSets(v ssa.Value, u *ssa.UnOp, rs []req) []req {
	for _, ref := range *u.Referrers() {
		fa, ok := ref.(*ssa.FieldAddr)
		if !ok || fa.X != u {
			continue
		}
		ptr, ok := u.Type().Underlying().(*types.Pointer)
		if !ok {
			continue
		}
		st, ok := ptr.Elem().Underlying().(*types.Struct)
		if !ok {
			continue
		}
		field := st.Field(fa.Field).Name()
		for _, rr := range *fa.Referrers() {
			s, ok := rr.(*ssa.Store)
			if !ok || s.Addr != fa {
				continue
			}
			vals := f.ev.String(s.Val)
			var next []req
			if !dominatesUses(s.Block(), v) {
				next = rs
			}
			for _, r := range rs {
				for _, p := range strpat.SetField([]strpat.Pattern{r.url}, field, vals) {
					q := r
					q.url, q.done = p, false
					next = append(next, q)
				}
			}
			rs = next
		}
	}
	return rs
}

// callResult lets the evaluator see through the program's string helpers:
// a summarised function returning a string or URL built from parameters.
func (f *funcState) callResult(c *ssa.CallCommon, i int, arg func(k int) []strpat.Pattern) ([]strpat.Pattern, bool) {
	fn := c.StaticCallee()
	if fn == nil {
		return nil, false
	}
	var out []strpat.Pattern
	for _, t := range f.a.targets(c) {
		var args [][]strpat.Pattern
		for _, r := range t.sum.Results {
			if r.Index != i {
				continue
			}
			if args == nil {
				args = make([][]strpat.Pattern, len(t.sum.Params))
				for k := range args {
					if k < len(c.Args) {
						args[k] = arg(k)
					}
				}
			}
			out = append(out, r.Pattern.Subst(args)...)
		}
	}
	return strpat.Dedup(out), len(out) > 0
}
