package authn

import (
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/ast/inspector"

	"github.com/connectlint/connectlint/analyzers/restcalls"
)

// dest is where the requests of a request value, an HTTP client, a
// transport or a TLS configuration go, as far as the code shows. The
// authn rules judge a credential or a TLS setting only when its requests
// go to Atlassian (see the package doc, "Only Atlassian traffic").
type dest int8

// In increasing order of precedence: the destinations of a value's uses
// join to the greatest (one use that reaches Atlassian decides; otherwise
// one use that cannot be told keeps the whole unknown).
const (
	destNowhere   dest = iota // the value is never used for a request
	destOther                 // another service
	destUnknown               // cannot be told: say nothing
	destAtlassian             // Jira, Confluence or another Atlassian API
)

func (d dest) join(e dest) dest { return max(d, e) }

// flowBudget bounds the values one question follows.
const flowBudget = 200

// flow answers one destination question; seen stops cycles.
type flow struct {
	c      *checker
	seen   map[ast.Node]bool
	budget int
	auth   string // the credential asked about, for restDest
}

func (c *checker) newFlow() *flow {
	return &flow{c: c, seen: map[ast.Node]bool{}, budget: flowBudget}
}

// visit reports whether n is seen for the first time within the budget.
func (f *flow) visit(n ast.Node) bool {
	if f.seen[n] || f.budget <= 0 {
		return false
	}
	f.seen[n] = true
	f.budget--
	return true
}

// restIndex lists where restcalls found Atlassian requests in this
// package: the extent of each call (Calls and Sends) and of each request
// whose URL nothing fixes (Opaque).
type restIndex struct {
	atlassian map[[2]token.Pos]*restcalls.Call
	opaque    map[[2]token.Pos]bool
	calls     []*restcalls.Call // Calls and Sends
}

func (c *checker) rest() *restIndex {
	if c.restIdx != nil {
		return c.restIdx
	}
	x := &restIndex{atlassian: map[[2]token.Pos]*restcalls.Call{}, opaque: map[[2]token.Pos]bool{}}
	if r := c.restResult; r != nil {
		for _, list := range [][]*restcalls.Call{r.Calls, r.Sends} {
			for _, call := range list {
				x.atlassian[[2]token.Pos{call.Pos, call.End}] = call
				x.calls = append(x.calls, call)
			}
		}
		for _, call := range r.Opaque {
			x.opaque[[2]token.Pos{call.Pos, call.End}] = true
		}
	}
	c.restIdx = x
	return x
}

// urlDest judges a URL expression by its text: an Atlassian host or REST
// path, or a literal host of another service.
func (c *checker) urlDest(e ast.Expr) dest {
	t := template(c.info, e)
	switch {
	case atlassianHostRE.MatchString(t) || atlassianPathRE.MatchString(t):
		return destAtlassian
	case !strings.Contains(t, "*"):
		return destOther
	}
	for _, scheme := range []string{"https://", "http://"} {
		if rest, ok := strings.CutPrefix(t, scheme); ok {
			host, _, _ := strings.Cut(rest, "/")
			if host != "" && !strings.Contains(host, "*") {
				return destOther // a literal host of another service
			}
		}
	}
	return destUnknown
}

// requestDest says where the request value e (an *http.Request used at
// cur) is sent: by the URL it is built with, by what restcalls found at
// its construction, or, for a request parameter, by the callers in this
// package.
func (f *flow) requestDest(cur inspector.Cursor, e ast.Expr, depth int) dest {
	c := f.c
	e = ast.Unparen(e)
	if e == nil || depth > 4 || !f.visit(e) {
		return destUnknown
	}
	switch e := e.(type) {
	case *ast.Ident:
		obj, _ := c.info.Uses[e].(*types.Var)
		if obj == nil {
			return destUnknown
		}
		if fn, idx := c.paramOf(obj); fn != nil {
			return f.paramDest(fn, idx, depth)
		}
		body := enclosingBody(cur)
		def := c.definition(body, e)
		if def == nil {
			return destUnknown
		}
		defCur, ok := c.in.Root().FindNode(def)
		if !ok {
			return destUnknown
		}
		if d := f.requestDest(defCur, def, depth+1); d != destUnknown {
			return d
		}
		return f.sentDest(body, obj)
	case *ast.CallExpr:
		fn := callee(c.info, e)
		if fn != nil && fn.Pkg() != nil && fn.Pkg().Path() == "net/http" {
			switch fn.Name() {
			case "NewRequest", "NewRequestWithContext":
				urlArg := 1
				if fn.Name() == "NewRequestWithContext" {
					urlArg = 2
				}
				if urlArg < len(e.Args) {
					if d := c.urlDest(e.Args[urlArg]); d != destUnknown {
						return d
					}
				}
				return f.restDest(cur, e, f.auth)
			case "WithContext", "Clone":
				if sel, ok := ast.Unparen(e.Fun).(*ast.SelectorExpr); ok {
					return f.requestDest(cur, sel.X, depth+1)
				}
			}
		}
		return f.restDest(cur, e, f.auth)
	}
	return destUnknown
}

// sentDest asks restcalls about the calls in body that send the request
// variable v (client.Do(req)): a wrapper's own send is listed there when
// the URL names an Atlassian REST path but depends on its parameters.
func (f *flow) sentDest(body *ast.BlockStmt, v *types.Var) dest {
	if body == nil {
		return destUnknown
	}
	x := f.c.rest()
	for _, use := range f.c.usesOf(v) {
		n := use.Node()
		if n.Pos() < body.Pos() || n.End() > body.End() {
			continue
		}
		if call, ok := use.Parent().Node().(*ast.CallExpr); ok && x.atlassian[[2]token.Pos{call.Pos(), call.End()}] != nil {
			return destAtlassian
		}
	}
	return destUnknown
}

// restDest asks restcalls about a request built or sent by call: an
// Atlassian call listed at it, or, when the request's URL comes from the
// enclosing function's parameters (a wrapper such as do(method, path)),
// an Atlassian call listed at a call in this package that reaches the
// enclosing function. auth, when not "", is the credential restcalls must
// have seen on those calls ("basic auth"), so that a wrapper is not
// credited with another wrapper's calls.
func (f *flow) restDest(cur inspector.Cursor, call *ast.CallExpr, auth string) dest {
	x := f.c.rest()
	key := [2]token.Pos{call.Pos(), call.End()}
	if x.atlassian[key] != nil {
		return destAtlassian
	}
	if x.opaque[key] {
		return destUnknown
	}
	fn := enclosingFunc(f.c.info, cur)
	if fn == nil {
		return destUnknown
	}
	// The URL is settled by the callers: restcalls lists the call of a
	// function that reaches this one (calls listed again only because they
	// return a response, Nested, say nothing new).
	for _, rc := range x.calls {
		if auth != "" && rc.Auth.What != auth || rc.Nested {
			continue
		}
		if callCur, ok := f.c.in.Root().FindByPos(rc.Pos, rc.End); ok {
			if ce, ok := callCur.Node().(*ast.CallExpr); ok {
				if g := callee(f.c.info, ce); g != nil && f.c.reaches(g, fn) {
					return destAtlassian
				}
			}
		}
	}
	return destUnknown
}

// paramDest says where a request parameter of fn is sent: by what the
// callers in this package pass. Callers elsewhere (fn is exported) cannot
// be told.
func (f *flow) paramDest(fn *types.Func, idx, depth int) dest {
	d := destNowhere
	if fn.Exported() || len(f.c.callersOf(fn)) == 0 {
		d = destUnknown
	}
	for _, callCur := range f.c.callersOf(fn) {
		call := callCur.Node().(*ast.CallExpr)
		if idx < len(call.Args) {
			d = d.join(f.requestDest(callCur, call.Args[idx], depth+1))
		}
	}
	return d
}

// flowDest says where the value of the expression at cur (an HTTP
// client, transport or TLS configuration) ends up sending requests: into
// an Atlassian client library's constructor, a Do/Get/Post of an
// Atlassian request, through local variables, struct fields, function
// parameters and results of this package.
func (f *flow) flowDest(cur inspector.Cursor, depth int) dest {
	c := f.c
	n := cur.Node()
	if depth > 8 || !f.visit(n) {
		return destUnknown
	}
	parent := cur.Parent()
	switch p := parent.Node().(type) {
	case *ast.ParenExpr, *ast.StarExpr, *ast.TypeAssertExpr:
		return f.flowDest(parent, depth+1)
	case *ast.UnaryExpr:
		if p.Op == token.AND {
			return f.flowDest(parent, depth+1)
		}
	case *ast.KeyValueExpr:
		if p.Value != n {
			return destNowhere
		}
		if lit, ok := parent.Parent().Node().(*ast.CompositeLit); ok && isStruct(c.info.TypeOf(lit)) {
			if id, ok := p.Key.(*ast.Ident); ok {
				if v, ok := c.info.ObjectOf(id).(*types.Var); ok && v.IsField() && !isHTTPPart(v) {
					return f.varDest(v, depth) // the field's reads
				}
			}
			return f.flowDest(parent.Parent(), depth+1) // part of an HTTP client: the client's flow
		}
	case *ast.CompositeLit:
		if st, ok := c.info.TypeOf(p).Underlying().(*types.Struct); ok {
			for i, elt := range p.Elts {
				if elt == n && i < st.NumFields() && !isHTTPPart(st.Field(i)) {
					return f.varDest(st.Field(i), depth)
				}
			}
			return f.flowDest(parent, depth+1)
		}
	case *ast.AssignStmt:
		for i, rhs := range p.Rhs {
			if rhs == n && len(p.Lhs) == len(p.Rhs) {
				return f.storeDest(parent, p.Lhs[i], depth)
			}
		}
	case *ast.ValueSpec:
		for i, v := range p.Values {
			if v == n && i < len(p.Names) {
				if obj, ok := c.info.Defs[p.Names[i]].(*types.Var); ok {
					return f.varDest(obj, depth)
				}
			}
		}
	case *ast.CallExpr:
		return f.argDest(parent, p, n, depth)
	case *ast.SelectorExpr:
		if p.X == n {
			return f.methodDest(parent, p, depth)
		}
	case *ast.ReturnStmt:
		fn := enclosingFunc(c.info, parent)
		if fn == nil {
			return destUnknown
		}
		d := destNowhere
		if fn.Exported() {
			d = destUnknown
		}
		for _, callCur := range c.callersOf(fn) {
			d = d.join(f.flowDest(callCur, depth+1))
		}
		return d
	case *ast.ExprStmt:
		return destNowhere
	}
	return destUnknown
}

// storeDest follows a value stored to lhs.
func (f *flow) storeDest(cur inspector.Cursor, lhs ast.Expr, depth int) dest {
	c := f.c
	switch l := ast.Unparen(lhs).(type) {
	case *ast.Ident:
		if l.Name == "_" {
			return destNowhere
		}
		if obj, ok := c.info.ObjectOf(l).(*types.Var); ok {
			return f.varDest(obj, depth)
		}
	case *ast.SelectorExpr:
		v, ok := c.info.ObjectOf(l.Sel).(*types.Var)
		if !ok || !v.IsField() {
			if ok && v.Pkg() == c.pass.Pkg {
				return f.varDest(v, depth) // pkg.Var
			}
			if ok && v.Pkg() != nil && v.Pkg().Path() == "net/http" {
				return f.c.defaultDest() // http.DefaultClient = ...
			}
			return destUnknown
		}
		if isHTTPPart(v) {
			// t.TLSClientConfig = cfg, client.Transport = t: the value
			// goes wherever t or client goes.
			return f.objectDest(cur, l.X, depth+1)
		}
		return f.varDest(v, depth)
	}
	return destUnknown
}

// isHTTPPart reports whether a field holds part of an HTTP client's
// configuration (its transport or TLS settings).
func isHTTPPart(v *types.Var) bool {
	if v.Pkg() == nil {
		return false
	}
	switch v.Pkg().Path() {
	case "net/http":
		return v.Name() == "Transport" || v.Name() == "TLSClientConfig"
	}
	return false
}

// objectDest says where an object that is modified in place (x in
// x.TLSClientConfig = ...) sends requests: x's own flow.
func (f *flow) objectDest(cur inspector.Cursor, x ast.Expr, depth int) dest {
	c := f.c
	x = ast.Unparen(x)
	if ta, ok := x.(*ast.TypeAssertExpr); ok {
		x = ast.Unparen(ta.X)
	}
	switch x := x.(type) {
	case *ast.Ident:
		v, ok := c.info.Uses[x].(*types.Var)
		if !ok {
			return destUnknown
		}
		d := f.varDest(v, depth)
		if fn, idx := c.paramOf(v); fn != nil {
			if fn.Exported() {
				d = d.join(destUnknown)
			}
			for _, callCur := range c.callersOf(fn) {
				call := callCur.Node().(*ast.CallExpr)
				if idx < len(call.Args) {
					if argCur, ok := callCur.FindNode(call.Args[idx]); ok {
						d = d.join(f.objectDest(argCur, call.Args[idx], depth+1))
					}
				}
			}
		}
		return d
	case *ast.SelectorExpr:
		v, ok := c.info.ObjectOf(x.Sel).(*types.Var)
		if !ok {
			return destUnknown
		}
		if v.Pkg() != nil && v.Pkg().Path() == "net/http" && !v.IsField() {
			return c.defaultDest() // http.DefaultTransport, http.DefaultClient
		}
		if isHTTPPart(v) {
			return f.objectDest(cur, x.X, depth+1)
		}
		if v.IsField() || v.Pkg() == c.pass.Pkg {
			return f.varDest(v, depth)
		}
	}
	return destUnknown
}

// defaultDest is where requests through net/http's default client and
// transport go: every request of the program that names no client. In a
// package whose requests restcalls finds going to Atlassian, some of them.
func (c *checker) defaultDest() dest {
	if len(c.rest().calls) > 0 {
		return destAtlassian
	}
	return destUnknown
}

// varDest follows every read of a variable or struct field of this
// package. An exported package variable or field may also be read
// elsewhere.
func (f *flow) varDest(v *types.Var, depth int) dest {
	c := f.c
	d := destNowhere
	if v.Pkg() != c.pass.Pkg || v.Exported() && (v.IsField() || v.Parent() == c.pass.Pkg.Scope()) {
		d = destUnknown
	}
	for _, use := range c.usesOf(v) {
		if isWrite(use) {
			continue
		}
		at := use
		if sel, ok := use.Parent().Node().(*ast.SelectorExpr); ok && sel.Sel == use.Node() {
			at = use.Parent() // x.field: the selector is the value
		}
		d = d.join(f.flowDest(at, depth+1))
		if d == destAtlassian {
			break
		}
	}
	return d
}

// isWrite reports whether an identifier use is the target of an
// assignment or the key of a composite literal.
func isWrite(use inspector.Cursor) bool {
	n := use.Node()
	at := use
	if sel, ok := use.Parent().Node().(*ast.SelectorExpr); ok && sel.Sel == n {
		at = use.Parent()
	}
	switch p := at.Parent().Node().(type) {
	case *ast.AssignStmt:
		for _, l := range p.Lhs {
			if l == at.Node() {
				return true
			}
		}
	case *ast.KeyValueExpr:
		return p.Key == at.Node()
	}
	return false
}

// argDest follows a value passed to a call: into an Atlassian client
// library (its requests are Atlassian's), into a function of this package
// (through its parameter), or to a method of it.
func (f *flow) argDest(cur inspector.Cursor, call *ast.CallExpr, arg ast.Node, depth int) dest {
	c := f.c
	if call.Fun == arg {
		return destUnknown
	}
	idx := -1
	for i, a := range call.Args {
		if a == arg {
			idx = i
		}
	}
	fn := callee(c.info, call)
	if fn == nil || idx < 0 {
		return destUnknown
	}
	if pkg, recv := funcPath(fn); pkg == "net/http" && recv == "Header" && (fn.Name() == "Set" || fn.Name() == "Add") && idx == 1 {
		// req.Header.Set("Authorization", value): the value goes where req goes.
		if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
			if h, ok := ast.Unparen(sel.X).(*ast.SelectorExpr); ok && h.Sel.Name == "Header" {
				return f.requestDest(cur, h.X, 0) // a question of its own: where the request goes
			}
		}
		return destUnknown
	}
	if fn.Pkg() != nil && (isAtlassianLib(fn.Pkg().Path()) || restcalls.Library(fn.Pkg()) != "") {
		return destAtlassian // jira.NewClient(httpClient, site)
	}
	if fn.Pkg() != c.pass.Pkg {
		return destUnknown
	}
	fd := c.funcDecl(fn)
	if fd == nil {
		return destUnknown
	}
	param := paramAt(c.info, fd, idx)
	if param == nil {
		return destUnknown
	}
	return f.varDest(param, depth)
}

// methodDest follows a value whose method is called (or field read):
// client.Do(req) goes where req goes, client.Get(url) where url does.
func (f *flow) methodDest(sel inspector.Cursor, s *ast.SelectorExpr, depth int) dest {
	c := f.c
	call, ok := sel.Parent().Node().(*ast.CallExpr)
	if !ok || call.Fun != s {
		return destNowhere // a field read: the value itself sends nothing
	}
	fn := callee(c.info, call)
	if fn == nil || fn.Pkg() == nil {
		return destUnknown
	}
	if fn.Pkg().Path() != "net/http" && fn.Pkg().Path() != "crypto/tls" {
		if fn.Pkg() == c.pass.Pkg {
			// A method of the program's own client type: where its
			// receiver's requests go is the flow of its fields, not
			// followed here.
			return destUnknown
		}
		return destUnknown
	}
	callCur := sel.Parent()
	switch fn.Name() {
	case "Do", "RoundTrip":
		if len(call.Args) == 1 {
			return f.requestDest(callCur, call.Args[0], 0) // a question of its own: where the request goes
		}
	case "Get", "Head", "Post", "PostForm":
		if len(call.Args) >= 1 {
			if d := c.urlDest(call.Args[0]); d != destUnknown {
				return d
			}
			return f.restDest(callCur, call, f.auth)
		}
	case "Clone":
		return f.flowDest(callCur, depth+1)
	case "CloseIdleConnections":
		return destNowhere
	}
	return destUnknown
}

// --- call graph and uses of this package ---

// usesOf returns the cursors of every identifier that refers to obj.
func (c *checker) usesOf(obj types.Object) []inspector.Cursor {
	if c.uses == nil {
		c.uses = map[types.Object][]inspector.Cursor{}
		for cur := range c.in.Root().Preorder((*ast.Ident)(nil)) {
			if o := c.info.Uses[cur.Node().(*ast.Ident)]; o != nil {
				if _, ok := o.(*types.Var); ok {
					c.uses[o] = append(c.uses[o], cur)
				}
			}
		}
	}
	return c.uses[obj]
}

// callersOf returns the calls of fn in this package.
func (c *checker) callersOf(fn *types.Func) []inspector.Cursor {
	c.buildCallGraph()
	return c.callers[fn.Origin()]
}

// reaches reports whether a call of from may run to (from calls to,
// directly or through functions of this package).
func (c *checker) reaches(from, to *types.Func) bool {
	c.buildCallGraph()
	from, to = from.Origin(), to.Origin()
	seen := map[*types.Func]bool{}
	stack := []*types.Func{from}
	for len(stack) > 0 {
		fn := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if fn == to {
			return true
		}
		if seen[fn] {
			continue
		}
		seen[fn] = true
		stack = append(stack, c.callees[fn]...)
	}
	return false
}

func (c *checker) buildCallGraph() {
	if c.callers != nil {
		return
	}
	c.callers = map[*types.Func][]inspector.Cursor{}
	c.callees = map[*types.Func][]*types.Func{}
	for cur := range c.in.Root().Preorder((*ast.CallExpr)(nil)) {
		g := callee(c.info, cur.Node().(*ast.CallExpr))
		if g == nil || g.Pkg() != c.pass.Pkg {
			continue
		}
		g = g.Origin()
		c.callers[g] = append(c.callers[g], cur)
		if from := enclosingFunc(c.info, cur); from != nil {
			c.callees[from] = append(c.callees[from], g)
		}
	}
}

// paramOf returns the function of this package whose parameter v is, and
// its index among the parameters (the receiver not counted).
func (c *checker) paramOf(v *types.Var) (*types.Func, int) {
	if c.params == nil {
		c.params = map[*types.Var]paramRef{}
		for cur := range c.in.Root().Preorder((*ast.FuncDecl)(nil)) {
			fd := cur.Node().(*ast.FuncDecl)
			fn, ok := c.info.Defs[fd.Name].(*types.Func)
			if !ok {
				continue
			}
			i := 0
			for _, field := range fd.Type.Params.List {
				if len(field.Names) == 0 {
					i++
				}
				for _, name := range field.Names {
					if p, ok := c.info.Defs[name].(*types.Var); ok {
						c.params[p] = paramRef{fn, i}
					}
					i++
				}
			}
		}
	}
	r, ok := c.params[v]
	if !ok {
		return nil, 0
	}
	return r.fn, r.idx
}

type paramRef struct {
	fn  *types.Func
	idx int
}

// paramAt returns parameter idx of a declared function (the last one for
// a variadic tail).
func paramAt(info *types.Info, fd *ast.FuncDecl, idx int) *types.Var {
	i := 0
	var last *types.Var
	for _, field := range fd.Type.Params.List {
		if len(field.Names) == 0 {
			i++
			continue
		}
		for _, name := range field.Names {
			p, _ := info.Defs[name].(*types.Var)
			if i == idx {
				return p
			}
			last = p
			i++
		}
	}
	if fd.Type.Params.NumFields() > 0 {
		if _, ok := fd.Type.Params.List[len(fd.Type.Params.List)-1].Type.(*ast.Ellipsis); ok {
			return last
		}
	}
	return nil
}

// enclosingFunc returns the declared function around cur (the one a
// function literal belongs to), or nil at package level.
func enclosingFunc(info *types.Info, cur inspector.Cursor) *types.Func {
	for e := range cur.Enclosing((*ast.FuncDecl)(nil)) {
		fn, _ := info.Defs[e.Node().(*ast.FuncDecl).Name].(*types.Func)
		return fn
	}
	return nil
}

// enclosingBody returns the body of the innermost function around cur.
func enclosingBody(cur inspector.Cursor) *ast.BlockStmt {
	for e := range cur.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		switch n := e.Node().(type) {
		case *ast.FuncDecl:
			return n.Body
		case *ast.FuncLit:
			return n.Body
		}
	}
	return nil
}

func isStruct(t types.Type) bool {
	if t == nil {
		return false
	}
	_, ok := t.Underlying().(*types.Struct)
	return ok
}
