package authn

import (
	"go/ast"
	"go/token"
	"go/types"
	"slices"
	"strings"

	"golang.org/x/tools/go/ast/inspector"
)

// verifiesJWT marks an exported function that verifies a JWT's signature,
// itself or through the functions it calls, so that a ParseUnverified in
// another package's caller is judged by its own path.
type verifiesJWT struct{}

func (*verifiesJWT) AFact()         {}
func (*verifiesJWT) String() string { return "verifiesJWT" }

// checksQSH marks an exported function that compares a Connect JWT's qsh
// claim, itself or through the functions it calls.
type checksQSH struct{}

func (*checksQSH) AFact()         {}
func (*checksQSH) String() string { return "checksQSH" }

// jwtPaths tells, per function of the package, whether a JWT is verified on
// its path: by the function, by a function it calls, by a caller, or by a
// middleware the function is wrapped in.
type jwtPaths struct {
	verifies map[*types.Func]bool // the function or one of its callees verifies
	covered  map[*types.Func]bool // verifies, or a caller or wrapper does
	// middleware: a verifying function taking or returning a handler (a
	// function, or a type with ServeHTTP) is used, so handlers passed as
	// values may run behind it.
	middleware bool
	anyVerify  bool                 // a verification anywhere in the package
	asValue    map[*types.Func]bool // functions used as values (handlers, key functions)

	qshCovered map[*types.Func]bool // the function, a callee or a caller names qsh
	qshCalls   bool                 // a call to another package's qsh check
	// qshDoubt: qsh is named where no path can be followed (a type, a
	// Valid method the parse calls, a function used as a value), so the
	// package-wide judgement stands.
	qshDoubt bool
}

// namesQSH reports whether an identifier or string names the qsh claim.
func namesQSH(s string) bool {
	s = strings.ToLower(s)
	return strings.Contains(s, "qsh") || strings.Contains(s, "querystringhash")
}

// isVerifyCall reports whether call checks a JWT's signature: a golang-jwt
// Parse or ParseWithClaims, a SigningMethod's Verify, atlas-gonnect's
// authentication middleware, or an exported function of another package
// known (by fact) to verify.
func (c *checker) isVerifyCall(call *ast.CallExpr) bool {
	fn := callee(c.info, call)
	if fn == nil || fn.Pkg() == nil {
		return false
	}
	pkg, recv := funcPath(fn)
	switch {
	case isJWTPkg(pkg):
		name := fn.Name()
		return (name == "Parse" || name == "ParseWithClaims") && (recv == "" || recv == "Parser") ||
			name == "Verify" && len(call.Args) == 3
	case isGonnectMiddleware(pkg):
		return fn.Name() == "NewAuthenticationMiddleware"
	case fn.Pkg() != c.pass.Pkg:
		return c.pass.ImportObjectFact(fn, new(verifiesJWT))
	}
	return false
}

// jwtPaths builds the per-function verification summary and exports the
// verifiesJWT facts.
func (c *checker) jwtPaths() *jwtPaths {
	p := &jwtPaths{verifies: map[*types.Func]bool{}, covered: map[*types.Func]bool{}, qshCovered: map[*types.Func]bool{}, asValue: map[*types.Func]bool{}}
	qshIn := map[*types.Func]bool{} // names qsh itself
	c.qshOutsideBodies(p)
	calls := map[*types.Func][]*types.Func{}       // caller -> same-package callees
	wrappedBy := map[*types.Func][]*ast.CallExpr{} // handler -> calls it is passed into
	var valueRefs []*types.Func                    // functions used as values
	var factories []*types.Func                    // called functions that return a handler from no handler
	for fdCur := range c.in.Root().Preorder((*ast.FuncDecl)(nil)) {
		fd := fdCur.Node().(*ast.FuncDecl)
		self, _ := c.info.Defs[fd.Name].(*types.Func)
		if self == nil || fd.Body == nil {
			continue
		}
		for cur := range fdCur.Preorder((*ast.CallExpr)(nil), (*ast.Ident)(nil), (*ast.BasicLit)(nil)) {
			switch n := cur.Node().(type) {
			case *ast.BasicLit:
				if n.Kind == token.STRING && n.Pos() > fd.Body.Pos() && namesQSH(n.Value) {
					qshIn[self] = true
				}
			case *ast.CallExpr:
				fn := callee(c.info, n)
				if c.isVerifyCall(n) {
					p.verifies[self] = true
					p.anyVerify = true
					if isGonnectMiddleware(fn.Pkg().Path()) {
						p.middleware = true
					}
				}
				if fn == nil {
					continue
				}
				if fn.Pkg() != c.pass.Pkg && c.pass.ImportObjectFact(fn, new(checksQSH)) {
					qshIn[self], p.qshCalls = true, true
				}
				if fn.Pkg() == c.pass.Pkg {
					calls[self] = append(calls[self], fn)
				}
				if handlerIn(fn, false) && !handlerIn(fn, true) {
					factories = append(factories, fn)
				}
			case *ast.Ident:
				if n.Pos() > fd.Body.Pos() && namesQSH(n.Name) { // not a parameter (skipQsh)
					qshIn[self] = true
				}
				fn, ok := c.info.Uses[n].(*types.Func)
				if !ok || isCalled(cur) {
					continue
				}
				valueRefs = append(valueRefs, fn)
				p.asValue[fn] = true
				wrappedBy[fn] = append(wrappedBy[fn], enclosingCalls(cur)...)
			}
		}
	}
	// Verification flows up from callees.
	for changed := true; changed; {
		changed = false
		for f, cs := range calls {
			for _, g := range cs {
				if p.verifies[g] && !p.verifies[f] {
					p.verifies[f], changed = true, true
				}
			}
		}
	}
	// qsh flows up from callees, then down from callers.
	for changed := true; changed; {
		changed = false
		for f, cs := range calls {
			for _, g := range cs {
				if qshIn[g] && !qshIn[f] {
					qshIn[f], changed = true, true
				}
			}
		}
	}
	for f := range qshIn {
		p.qshCovered[f] = true
		if f.Exported() {
			c.pass.ExportObjectFact(f, new(checksQSH))
		}
		// A Valid method runs inside the parse; a function used as a
		// value runs where the analysis cannot follow.
		if f.Name() == "Valid" || f.Name() == "Validate" || slices.Contains(valueRefs, f) {
			p.qshDoubt = true
		}
	}
	spreadToCallees(calls, p.qshCovered)
	verifies := func(fn *types.Func) bool {
		if fn.Pkg() == c.pass.Pkg {
			return p.verifies[fn]
		}
		return c.pass.ImportObjectFact(fn, new(verifiesJWT))
	}
	for f := range p.verifies {
		if f.Exported() {
			c.pass.ExportObjectFact(f, new(verifiesJWT))
			c.pass.ExportPackageFact(new(hasWrappers))
		}
		p.covered[f] = true
	}
	// A verifying middleware used where the handlers it wraps cannot be
	// seen (r.Use(requireJWT), r.Use(auth.New(secret))) may run before
	// any handler passed as a value.
	for _, f := range factories {
		if verifies(f) {
			p.middleware = true
		}
	}
	for _, f := range valueRefs {
		if handlerIn(f, true) && verifies(f) {
			p.middleware = true
		}
	}
	// A handler passed into a verifying call (mw(handler),
	// mw(secret)(handler)) runs behind it.
	for _, f := range valueRefs {
		if f.Pkg() != c.pass.Pkg {
			continue
		}
		if p.middleware {
			p.covered[f] = true
		}
		for _, call := range wrappedBy[f] {
			if c.verifyingChain(call, p) {
				p.covered[f] = true
			}
		}
	}
	// Coverage flows down from callers: a helper called after a verification.
	spreadToCallees(calls, p.covered)
	return p
}

// qshOutsideBodies sets qshDoubt when qsh is named outside function bodies
// (a claims type's field or tag, a package-level declaration).
func (c *checker) qshOutsideBodies(p *jwtPaths) {
	for _, f := range c.files {
		for _, d := range f.Decls {
			if fd, ok := d.(*ast.FuncDecl); ok && fd.Body != nil {
				continue
			}
			ast.Inspect(d, func(n ast.Node) bool {
				switch n := n.(type) {
				case *ast.Ident:
					p.qshDoubt = p.qshDoubt || namesQSH(n.Name)
				case *ast.BasicLit:
					p.qshDoubt = p.qshDoubt || n.Kind == token.STRING && namesQSH(n.Value)
				}
				return !p.qshDoubt
			})
		}
	}
}

// verifyingChain reports whether call, or the call its function value comes
// from (mw(secret)(handler)), verifies.
func (c *checker) verifyingChain(call *ast.CallExpr, p *jwtPaths) bool {
	for depth := 0; call != nil && depth < 3; depth++ {
		if c.isVerifyCall(call) {
			return true
		}
		if fn := callee(c.info, call); fn != nil && p.verifies[fn] {
			return true
		}
		call, _ = ast.Unparen(call.Fun).(*ast.CallExpr)
	}
	return false
}

// isCalled reports whether the identifier at cur names the function of a call.
func isCalled(cur inspector.Cursor) bool {
	e := cur.Node().(ast.Expr)
	parent := cur.Parent()
	if sel, ok := parent.Node().(*ast.SelectorExpr); ok && sel.Sel == e {
		e, parent = sel, parent.Parent()
	}
	call, ok := parent.Node().(*ast.CallExpr)
	return ok && ast.Unparen(call.Fun) == e
}

// enclosingCalls returns the calls (up to three) whose arguments hold the
// expression at cur, innermost first: http.HandlerFunc(h) inside mw(...).
func enclosingCalls(cur inspector.Cursor) []*ast.CallExpr {
	var out []*ast.CallExpr
	for p := cur.Parent(); len(out) < 3; p = p.Parent() {
		switch n := p.Node().(type) {
		case *ast.CallExpr:
			out = append(out, n)
		case *ast.ParenExpr, *ast.SelectorExpr, *ast.UnaryExpr:
		default:
			return out
		}
	}
	return out
}

// handlerIn reports whether fn's parameters (or results) hold a function
// or a type with a ServeHTTP method: the shape of a middleware.
func handlerIn(fn *types.Func, params bool) bool {
	sig, ok := fn.Type().(*types.Signature)
	if !ok {
		return false
	}
	tuple := sig.Results()
	if params {
		tuple = sig.Params()
	}
	for v := range tuple.Variables() {
		t := v.Type()
		if _, ok := t.Underlying().(*types.Signature); ok {
			return true
		}
		if obj, _, _ := types.LookupFieldOrMethod(t, true, nil, "ServeHTTP"); obj != nil {
			return true
		}
	}
	return false
}

// spreadToCallees marks every function a marked function calls, directly
// or not, until nothing changes.
func spreadToCallees(calls map[*types.Func][]*types.Func, marked map[*types.Func]bool) {
	for changed := true; changed; {
		changed = false
		for f, cs := range calls {
			if !marked[f] {
				continue
			}
			for _, g := range cs {
				if !marked[g] {
					marked[g], changed = true, true
				}
			}
		}
	}
}
