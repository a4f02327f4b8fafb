package forge

import (
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/types/typeutil"

	"github.com/connectlint/connectlint/internal/rules"
)

// A handler wired to a route in this package.
type handler struct {
	name      string // "handler issueSummary", or "this handler" for a literal
	sum       summary
	protected bool     // some reference is wrapped by a verifying middleware
	exposed   bool     // some route registers it unwrapped
	routes    []string // the constant patterns it is registered under
}

// judgeHandlers reports fit-unverified on the handlers this package wires
// to routes, and on the verifying middleware it applies.
func (c *checker) judgeHandlers(files []*ast.File) {
	info := c.pass.TypesInfo
	handlers := map[any]*handler{} // by *types.Func or *ast.FuncLit
	var order []any
	middlewareCalls := map[*ast.CallExpr]bool{} // true once it wraps a handler
	global := false                             // some middleware wraps everything
	var applied []*types.Func                   // verifying middleware applied here

	isMiddleware := func(fn *types.Func) bool {
		if fn == nil || fn.Pkg() == nil {
			return false
		}
		if fn.Pkg() == c.pass.Pkg {
			fd := c.decls[fn.Origin()]
			return fd != nil && c.isMiddleware(fn.Origin(), fd, c.summaryOf(fn.Origin()))
		}
		var f funcFact
		return c.pass.ImportObjectFact(fn.Origin(), &f) && f.Middleware
	}
	wire := func(key any, name string, sum summary, stack []ast.Node) {
		h := handlers[key]
		if h == nil {
			h = &handler{name: name, sum: sum}
			handlers[key] = h
			order = append(order, key)
		}
		routeFound, wrapped := false, false
		for i := len(stack) - 1; i >= 0; i-- {
			call, ok := stack[i].(*ast.CallExpr)
			if !ok {
				continue
			}
			if fn, _ := typeutil.Callee(info, call).(*types.Func); isMiddleware(fn) {
				wrapped = true
				middlewareCalls[call] = true
			}
			if !routeFound && len(call.Args) > 1 {
				if p, ok := constString(info, call.Args[0]); ok {
					h.routes = append(h.routes, p)
					routeFound = true
				}
			}
		}
		h.protected = h.protected || wrapped
		h.exposed = h.exposed || routeFound && !wrapped
	}

	for _, f := range files {
		var stack []ast.Node
		ast.Inspect(f, func(n ast.Node) bool {
			if n == nil {
				stack = stack[:len(stack)-1]
				return true
			}
			parent := ast.Node(nil)
			if len(stack) > 0 {
				parent = stack[len(stack)-1]
			}
			stack = append(stack, n)
			switch n := n.(type) {
			case *ast.CallExpr:
				if fn, _ := typeutil.Callee(info, n).(*types.Func); isMiddleware(fn) {
					if _, seen := middlewareCalls[n]; !seen {
						middlewareCalls[n] = false
					}
					applied = append(applied, fn)
				}
			case *ast.Ident:
				fn, ok := info.Uses[n].(*types.Func)
				if !ok || isCalled(n, parent, stack) {
					return true
				}
				if isMiddleware(fn) {
					global = true // r.Use(requireFIT), alice.New(requireFIT), ...
					applied = append(applied, fn)
					return true
				}
				origin := fn.Origin()
				if !isHandlerSig(origin.Type().(*types.Signature)) {
					return true
				}
				if fd := c.decls[origin]; fd != nil {
					wire(origin, "handler "+fd.Name.Name, *c.summaryOf(origin), stack)
					return true
				}
				// A handler of another package, wired here: its fact says
				// what it does, and findings point at this reference.
				var f funcFact
				if origin.Pkg() != nil && origin.Pkg() != c.pass.Pkg && c.pass.ImportObjectFact(origin, &f) {
					sum := summary{bits: f.Bits, aud: f.Aud, usePos: n.Pos(), useWhat: describeUse(f.Bits), bodyPos: n.Pos(), verifyPos: n.Pos()}
					wire(origin, "handler "+origin.Pkg().Name()+"."+origin.Name(), sum, stack)
				}
			case *ast.FuncLit:
				if _, ok := parent.(*ast.CallExpr); !ok {
					return true
				}
				sig, ok := info.TypeOf(n).(*types.Signature)
				if !ok || !isHandlerSig(sig) || c.insideMiddleware(stack) {
					return true
				}
				wire(n, "this handler", c.summarise(n.Body), stack)
			}
			return true
		})
	}
	for _, wraps := range middlewareCalls {
		if !wraps {
			global = true // requireFIT(mux), ...
		}
	}

	for _, key := range order {
		h := handlers[key]
		if global || h.protected && !h.exposed {
			continue
		}
		c.judge(h)
	}
	for _, fn := range applied {
		if fn.Pkg() == c.pass.Pkg {
			fd := c.decls[fn.Origin()]
			s := c.summaryOf(fn.Origin())
			if s.bits&verifies != 0 {
				c.reportPartial(s.verifyPos, "middleware "+fd.Name.Name, s.bits, s.aud)
			}
		}
	}
}

// isCalled reports whether an identifier names the function a call calls
// (f(...) or x.f(...)) rather than a function value.
func isCalled(id *ast.Ident, parent ast.Node, stack []ast.Node) bool {
	if call, ok := parent.(*ast.CallExpr); ok {
		return call.Fun == id
	}
	if sel, ok := parent.(*ast.SelectorExpr); ok && sel.Sel == id && len(stack) >= 3 {
		if call, ok := stack[len(stack)-3].(*ast.CallExpr); ok {
			return call.Fun == sel
		}
	}
	return false
}

// insideMiddleware reports whether a function literal is the inner
// handler of a verifying middleware declared here.
func (c *checker) insideMiddleware(stack []ast.Node) bool {
	for _, n := range stack {
		if fd, ok := n.(*ast.FuncDecl); ok {
			if fn, ok := c.pass.TypesInfo.Defs[fd.Name].(*types.Func); ok {
				return c.isMiddleware(fn, fd, c.summaryOf(fn))
			}
		}
	}
	return false
}

// judge reports one unprotected handler that uses a Forge token, or the
// payload of a route the manifest's endpoints invoke.
func (c *checker) judge(h *handler) {
	s := h.sum
	what, pos := "", s.usePos
	switch {
	case s.bits&(readsSystem|readsUser) != 0:
		what = s.useWhat
	case s.bits&readsBody != 0:
		pos = s.bodyPos
		route := c.endpointRoute(h.routes)
		if route == "" {
			return // not known to be a Forge invocation
		}
		what = "the invocation payload of endpoint route " + route
	default:
		return
	}
	if s.bits&verifies != 0 {
		c.reportPartial(s.verifyPos, h.name, s.bits, s.aud)
		return
	}
	if s.bits&opaque != 0 {
		return // the token may be verified in code connectlint cannot see
	}
	c.report(pos, rules.Error, "%s uses %s without verifying the Forge Invocation Token: anyone who finds the URL can invoke it; first verify the Authorization bearer token (RS256 with Forge's JWKS, issuer %s, audience %s, expiry)",
		h.name, what, fitIssuer, c.appID())
}

// reportPartial reports a verification that misses some of the checks.
func (c *checker) reportPartial(pos token.Pos, who string, b bits, aud string) {
	var missing []string
	sev := rules.Warning
	if b&skipsSig != 0 {
		missing = append(missing, "its signature (jwt.WithVerify(false))")
		sev = rules.Error
	}
	id := c.appID()
	switch {
	case b&checksAud == 0:
		missing = append(missing, "its audience (app.id "+id+")")
		sev = rules.Error
	case aud != "" && c.knownAppID() != "" && aud != c.knownAppID() && !strings.Contains(aud, "${"):
		missing = append(missing, "its audience against app.id "+c.knownAppID()+" (it checks "+aud+")")
		sev = rules.Error
	}
	if b&checksExp == 0 && (b&expByDefault == 0 || b&skipsExp != 0) {
		missing = append(missing, "its expiry (exp)")
		sev = rules.Error
	}
	if b&checksIss == 0 {
		missing = append(missing, "its issuer ("+fitIssuer+")")
	}
	if b&pinsAlg == 0 {
		missing = append(missing, "its algorithm (RS256)")
	}
	if len(missing) == 0 {
		return
	}
	var risks []string
	if b&skipsSig != 0 {
		risks = append(risks, "a token anyone made up")
	}
	if strings.Contains(joinList(missing), "audience") {
		risks = append(risks, "a token Forge issued for another app")
	}
	if strings.Contains(joinList(missing), "expiry") {
		risks = append(risks, "an expired token")
	}
	why := joinOr(risks) + " passes"
	if sev == rules.Warning {
		why = "pin them so that only Forge's RS256 invocation tokens pass"
	}
	c.report(pos, sev, "%s verifies the Forge Invocation Token without checking %s: %s", who, joinList(missing), why)
}

func (c *checker) report(pos token.Pos, sev rules.Severity, format string, args ...any) {
	if pos == token.NoPos || c.reports[pos] {
		return
	}
	c.reports[pos] = true
	ruleFITUnverified.ReportSeverityf(c.pass, posRange(pos), sev, format, args...)
}

type posRange token.Pos

func (p posRange) Pos() token.Pos { return token.Pos(p) }
func (p posRange) End() token.Pos { return token.Pos(p) }

// knownAppID is the manifest's app.id when it is a literal value.
func (c *checker) knownAppID() string {
	if c.man == nil || c.man.Manifest == nil || c.man.Manifest.AppID.Placeholder {
		return ""
	}
	return c.man.Manifest.AppID.Value
}

func (c *checker) appID() string {
	if id := c.knownAppID(); id != "" {
		return id
	}
	return "the app's id (app.id in manifest.yml)"
}

// endpointRoute returns the manifest endpoint route one of the patterns
// serves, or "".
func (c *checker) endpointRoute(patterns []string) string {
	if c.man == nil || c.man.Manifest == nil {
		return ""
	}
	for _, p := range patterns {
		if _, rest, ok := strings.Cut(p, " "); ok { // "POST /path"
			p = strings.TrimSpace(rest)
		}
		if i := strings.Index(p, "/"); i > 0 { // "host/path"
			p = p[i:]
		}
		for _, e := range c.man.Manifest.Endpoints {
			if r := e.Route.Value; r != "" && strings.Trim(r, "/") == strings.Trim(p, "/") {
				return "/" + strings.Trim(r, "/")
			}
		}
	}
	return ""
}

func joinList(xs []string) string {
	switch len(xs) {
	case 1:
		return xs[0]
	case 2:
		return xs[0] + " and " + xs[1]
	}
	return strings.Join(xs[:len(xs)-1], ", ") + " and " + xs[len(xs)-1]
}

func joinOr(xs []string) string {
	if len(xs) < 2 {
		return strings.Join(xs, "")
	}
	return strings.Join(xs[:len(xs)-1], ", ") + " or " + xs[len(xs)-1]
}
