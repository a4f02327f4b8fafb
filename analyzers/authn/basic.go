package authn

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"math/bits"
	"regexp"
	"slices"
	"strings"

	"golang.org/x/tools/go/ast/inspector"
)

// kind is the auth scheme an auth call sets up.
type kind uint8

const (
	kindBasic     kind = iota + 1 // HTTP basic auth
	kindCookie                    // Jira session cookie
	kindBearer                    // bearer / personal access token
	kindJWTSecret                 // Connect JWT shared secret
)

// secretNoun names what a literal credential of this kind is.
func (k kind) secretNoun() string {
	switch k {
	case kindBasic:
		return "password or API token"
	case kindCookie:
		return "password"
	case kindBearer:
		return "token"
	default:
		return "JWT shared secret"
	}
}

// authWrapper is the fact exported for a function whose parameters reach
// the credentials of an auth call, such as
//
//	func authorize(r *http.Request, user, token string) { r.SetBasicAuth(user, token) }
//
// so that callers in other packages are checked as if they made the call.
type authWrapper struct {
	Kind     kind
	Via      string // the underlying auth call, e.g. "(*http.Request).SetBasicAuth"
	Creds    []int  // parameter indices that reach the credentials
	Secrets  []int  // parameter indices that reach the password, token or secret
	Reported bool   // the wrapper's own package reported the underlying call
}

func (*authWrapper) AFact() {}

func (w *authWrapper) String() string {
	return fmt.Sprintf("authWrapper(%s, secrets %v)", w.Via, w.Secrets)
}

// site is one auth call in the package: a direct call or struct literal of an
// auth API, or a call to a wrapper of one.
type site struct {
	node    ast.Node
	fd      *ast.FuncDecl // enclosing function, nil at package level
	kind    kind
	via     string
	gated   bool       // needs the Atlassian gate (generic net/http auth)
	creds   []ast.Expr // expressions that become the credentials
	secrets []ast.Expr // the password / token / secret among them
	raw     string     // a constant credential the site embeds ("Basic dXNl...")
	req     ast.Expr   // the *http.Request whose URL decides the gate, or nil

	wrapper *types.Func // non-nil for a call to a wrapper
	fact    *authWrapper
}

var basicLiteralRE = regexp.MustCompile(`^Basic [A-Za-z0-9+/]{8,}={0,2}$`)

const basicAdvice = "use OAuth 2.0 (3LO) or Connect JWT instead (API-token basic auth is meant for personal scripts and bots)"

// checkAuthSites reports basic-auth, cookie-auth, oauth1 and the
// hardcoded-secret findings of auth calls, and exports wrapper facts.
func (c *checker) checkAuthSites() {
	var direct []*site
	type localCall struct {
		call *ast.CallExpr
		fd   *ast.FuncDecl
		fn   *types.Func
	}
	var localCalls []localCall

	root := c.in.Root()
	for cur := range root.Preorder((*ast.CallExpr)(nil), (*ast.CompositeLit)(nil), (*ast.BinaryExpr)(nil), (*ast.BasicLit)(nil)) {
		var fd *ast.FuncDecl
		for e := range cur.Enclosing((*ast.FuncDecl)(nil)) {
			fd = e.Node().(*ast.FuncDecl)
			break
		}
		var s *site
		switch n := cur.Node().(type) {
		case *ast.CallExpr:
			s = c.callSite(n)
			if s == nil {
				if fn := callee(c.info, n); fn != nil && fn.Pkg() == c.pass.Pkg && c.funcDecl(fn) != nil {
					localCalls = append(localCalls, localCall{n, fd, fn})
				}
			}
		case *ast.CompositeLit:
			s = c.literalSite(n)
		case *ast.BinaryExpr:
			s = c.headerSite(cur, n)
		case *ast.BasicLit:
			if n.Kind == token.STRING {
				if v, ok := constString(c.info, n); ok && basicLiteralRE.MatchString(v) {
					s = &site{node: n, kind: kindBasic, via: `an Authorization header "Basic ..."`, gated: true, raw: v[len("Basic "):]}
					s.req = c.headerRequest(cur)
				}
			}
		}
		if s != nil {
			s.fd = fd
			direct = append(direct, s)
		}
	}
	if len(direct) == 0 {
		return
	}

	// Summarise this package's wrappers to a fixed point: wrappers of
	// wrappers are found one level per round.
	local := map[*types.Func]*authWrapper{}
	var all []*site
	for round := 0; round <= len(localCalls)+1; round++ {
		all = slices.Clone(direct)
		for _, lc := range localCalls {
			if w := local[lc.fn]; w != nil {
				all = append(all, wrapperSite(lc.call, lc.fd, lc.fn, w))
			}
		}
		byFunc := map[*ast.FuncDecl][]*site{}
		for _, s := range all {
			if s.fd != nil {
				byFunc[s.fd] = append(byFunc[s.fd], s)
			}
		}
		changed := false
		for fd, ss := range byFunc {
			fn, _ := c.info.Defs[fd.Name].(*types.Func)
			if fn == nil {
				continue
			}
			if w := c.summarize(fd, ss); w != nil && (local[fn] == nil || !sameWrapper(local[fn], w)) {
				local[fn] = w
				changed = true
			}
		}
		if !changed {
			break
		}
	}

	reportedIn := map[*ast.FuncDecl]bool{}
	for _, s := range all {
		if c.reportSite(s) && s.fd != nil {
			reportedIn[s.fd] = true
		}
	}

	exported := false
	for fn, w := range local {
		if !fn.Exported() {
			continue
		}
		w.Reported = reportedIn[c.funcDecl(fn)]
		c.pass.ExportObjectFact(fn, w)
		exported = true
	}
	if exported {
		c.pass.ExportPackageFact(&hasWrappers{})
	}
}

func sameWrapper(a, b *authWrapper) bool {
	return a.Kind == b.Kind && a.Via == b.Via && slices.Equal(a.Creds, b.Creds) && slices.Equal(a.Secrets, b.Secrets)
}

// reportSite reports a site's findings and says whether a basic-auth finding
// was reported for it.
func (c *checker) reportSite(s *site) bool {
	atlassian := !s.gated || c.requestIsAtlassian(s)
	basic := false
	switch s.kind {
	case kindBasic:
		switch {
		case c.library || !atlassian:
		case s.wrapper == nil:
			ruleBasicAuth.Reportf(c.pass, s.node, "basic auth with %s sends the user's credentials with every Atlassian request: %s", s.via, basicAdvice)
			basic = true
		case s.wrapper.Pkg() != c.pass.Pkg && !s.fact.Reported:
			ruleBasicAuth.Reportf(c.pass, s.node, "%s sends basic auth (through %s) to Atlassian: %s", funcName(s.wrapper), s.via, basicAdvice)
			basic = true
		}
	case kindCookie:
		if !c.library && s.wrapper == nil {
			ruleCookieAuth.Reportf(c.pass, s.node, "cookie-based auth with %s is deprecated for Atlassian Cloud and sends the user's password: use OAuth 2.0 (3LO) or Connect JWT instead", s.via)
		}
	}
	if !atlassian {
		return basic
	}
	where := s.via
	if s.wrapper != nil {
		where = funcName(s.wrapper) + " (which hands it to " + s.via + ")"
	}
	for _, e := range s.secrets {
		c.reportSecret(e, s.kind.secretNoun(), where)
	}
	if s.raw != "" && !c.secretDone[s.node.Pos()] && !basicPlaceholder(s.raw) {
		c.secretDone[s.node.Pos()] = true
		ruleHardcodedSecret.Reportf(c.pass, s.node, "hard-coded basic auth credentials (%d chars of base64) in an Authorization header: load them from the environment or a secret store", len(s.raw))
	}
	return basic
}

// requestIsAtlassian applies the gate to a net/http site: a constant request
// URL decides; otherwise the package must be Atlassian-related.
func (c *checker) requestIsAtlassian(s *site) bool {
	if id, ok := ast.Unparen(s.req).(*ast.Ident); ok && s.fd != nil {
		if call, ok := ast.Unparen(c.definition(s.fd.Body, id)).(*ast.CallExpr); ok {
			if fn := callee(c.info, call); fn != nil && fn.Pkg() != nil && fn.Pkg().Path() == "net/http" {
				urlArg := -1
				switch fn.Name() {
				case "NewRequest":
					urlArg = 1
				case "NewRequestWithContext":
					urlArg = 2
				}
				if urlArg >= 0 && urlArg < len(call.Args) {
					t := template(c.info, call.Args[urlArg])
					if atlassianHostRE.MatchString(t) || atlassianPathRE.MatchString(t) {
						return true
					}
					if !strings.Contains(t, "*") {
						return false // a constant URL of another service
					}
				}
			}
		}
	}
	return c.atlassianRelated()
}

// callSite recognises the auth calls of net/http and the client libraries,
// and calls to wrappers from other packages.
func (c *checker) callSite(call *ast.CallExpr) *site {
	fn := callee(c.info, call)
	if fn == nil {
		return nil
	}
	pkg, recv := funcPath(fn)
	name := fn.Name()
	args := call.Args
	sig := fn.Type().(*types.Signature)
	switch {
	case name == "SetBasicAuth" && recv != "" && len(args) == 2 && isGoAtlassian(pkg):
		return &site{node: call, kind: kindBasic, via: "go-atlassian Auth.SetBasicAuth", creds: args, secrets: args[1:]}
	case name == "SetBasicAuth" && recv != "" && len(args) == 2 && isGoJira(pkg):
		return &site{node: call, kind: kindBasic, via: "go-jira Authentication.SetBasicAuth", creds: args, secrets: args[1:]}
	case name == "SetBasicAuth" && recv != "" && len(args) == 2 && stringParams(sig):
		s := &site{node: call, kind: kindBasic, via: "(*" + shortPkg(pkg) + "." + recv + ").SetBasicAuth", gated: true, creds: args, secrets: args[1:]}
		if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok && pkg == "net/http" {
			s.req = sel.X
		}
		return s
	case strings.HasPrefix(name, "AcquireSessionCookie") && isGoJira(pkg) && len(args) >= 2:
		return &site{node: call, kind: kindCookie, via: "go-jira Authentication." + name, creds: args[len(args)-2:], secrets: args[len(args)-1:]}
	case name == "SetBearerToken" && isGoAtlassian(pkg) && len(args) == 1:
		return &site{node: call, kind: kindBearer, via: "go-atlassian Auth.SetBearerToken", creds: args, secrets: args}
	case isSprintf(c.info, call) && name == "Sprintf" && len(args) > 1:
		if f, ok := constString(c.info, args[0]); ok && isBasicValue(verbRE.ReplaceAllString(f, "*")) {
			return &site{node: call, kind: kindBasic, via: `an Authorization header built as "Basic "+...`, gated: true, creds: args[1:], secrets: args[1:]}
		}
	case fn.Pkg() != nil && fn.Pkg() != c.pass.Pkg:
		var w authWrapper
		if c.pass.ImportObjectFact(fn, &w) {
			return wrapperSite(call, nil, fn, &w)
		}
	}
	return nil
}

// wrapperSite is a call to a wrapper, seen as the auth call it makes.
func wrapperSite(call *ast.CallExpr, fd *ast.FuncDecl, fn *types.Func, w *authWrapper) *site {
	s := &site{node: call, fd: fd, kind: w.Kind, via: w.Via, gated: w.Kind == kindBasic, wrapper: fn, fact: w}
	for _, i := range w.Creds {
		if i < len(call.Args) {
			s.creds = append(s.creds, call.Args[i])
		}
	}
	for _, i := range w.Secrets {
		if i < len(call.Args) {
			s.secrets = append(s.secrets, call.Args[i])
		}
	}
	return s
}

// literalSite recognises the auth transports and credential structs of the
// client libraries.
func (c *checker) literalSite(lit *ast.CompositeLit) *site {
	pkg, name := typeName(c.info, lit)
	s := &site{node: lit}
	switch {
	case pkg == "":
		return nil
	case isEssentialKaos(pkg):
		s.via = "essentialkaos " + shortPkg(pkg) + "." + name
		switch name {
		case "AuthBasic":
			s.kind = kindBasic
			s.secrets = nonNil(field(c.info, lit, "Password"))
			s.creds = append(nonNil(field(c.info, lit, "User")), s.secrets...)
		case "AuthToken":
			s.kind = kindBearer
			s.secrets = nonNil(field(c.info, lit, "Token"))
		default:
			return nil
		}
	case isGoJira(pkg):
		s.via = "go-jira " + name
		switch name {
		case "BasicAuthTransport":
			s.kind = kindBasic
			s.secrets = nonNil(field(c.info, lit, "Password"), field(c.info, lit, "APIToken"))
			s.creds = append(nonNil(field(c.info, lit, "Username")), s.secrets...)
		case "CookieAuthTransport":
			s.kind = kindCookie
			s.secrets = nonNil(field(c.info, lit, "Password"))
			s.creds = append(nonNil(field(c.info, lit, "Username")), s.secrets...)
		case "PATAuthTransport", "BearerAuthTransport":
			s.kind = kindBearer
			s.secrets = nonNil(field(c.info, lit, "Token"))
		case "JWTAuthTransport":
			s.kind = kindJWTSecret
			s.secrets = nonNil(field(c.info, lit, "Secret"))
		default:
			return nil
		}
	default:
		return nil
	}
	if s.creds == nil {
		s.creds = s.secrets
	}
	return s
}

// isBasicValue reports whether a header value template is "Basic "
// followed by credentials: one word, not prose such as an error message
// "Basic claims validation failed: *".
func isBasicValue(t string) bool {
	rest, ok := strings.CutPrefix(t, "Basic ")
	return ok && rest != "" && !strings.ContainsAny(rest, " \t\n")
}

// headerSite recognises an Authorization value built as "Basic " + ...
// (the whole chain of +, reported once).
func (c *checker) headerSite(cur inspector.Cursor, bin *ast.BinaryExpr) *site {
	if bin.Op != token.ADD {
		return nil
	}
	if p, ok := cur.Parent().Node().(*ast.BinaryExpr); ok && p.Op == token.ADD && p.X == bin {
		return nil // not the whole chain
	}
	if _, ok := constString(c.info, bin); ok {
		return nil // a constant: the literal check handles it
	}
	left := ast.Expr(bin)
	for {
		b, ok := ast.Unparen(left).(*ast.BinaryExpr)
		if !ok || b.Op != token.ADD {
			break
		}
		if _, ok := constString(c.info, b); ok {
			break
		}
		left = b.X
	}
	if s, ok := constString(c.info, left); !ok || !strings.HasPrefix(s, "Basic ") || !isBasicValue(template(c.info, bin)) {
		return nil
	}
	return &site{node: bin, kind: kindBasic, via: `an Authorization header built as "Basic "+...`, gated: true,
		creds: []ast.Expr{bin}, secrets: nil, req: c.headerRequest(cur)}
}

// headerRequest finds req in req.Header.Set(key, <cur>) or Add.
func (c *checker) headerRequest(cur inspector.Cursor) ast.Expr {
	call, ok := cur.Parent().Node().(*ast.CallExpr)
	if !ok {
		return nil
	}
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok || (sel.Sel.Name != "Set" && sel.Sel.Name != "Add") {
		return nil
	}
	if h, ok := ast.Unparen(sel.X).(*ast.SelectorExpr); ok && h.Sel.Name == "Header" {
		return h.X
	}
	return nil
}

// summarize returns the wrapper fact of a function whose parameters reach
// the credentials of its auth sites, or nil.
func (c *checker) summarize(fd *ast.FuncDecl, sites []*site) *authWrapper {
	taint := c.paramTaint(fd)
	if len(taint) == 0 {
		return nil
	}
	var w *authWrapper
	var creds, secrets uint64
	for _, s := range sites {
		var cm, sm uint64
		for _, e := range s.creds {
			cm |= c.mentions(taint, e)
		}
		for _, e := range s.secrets {
			sm |= c.mentions(taint, e)
		}
		if cm|sm == 0 {
			continue
		}
		if w == nil || s.kind < w.Kind {
			w = &authWrapper{Kind: s.kind, Via: s.via}
		}
		creds |= cm | sm
		secrets |= sm
	}
	if w == nil {
		return nil
	}
	w.Creds, w.Secrets = indices(creds), indices(secrets)
	return w
}

func indices(mask uint64) []int {
	var out []int
	for mask != 0 {
		i := bits.TrailingZeros64(mask)
		out = append(out, i)
		mask &^= 1 << i
	}
	return out
}

// paramTaint maps fd's parameters, and local variables computed from them,
// to the bit set of parameter indices they carry.
func (c *checker) paramTaint(fd *ast.FuncDecl) map[types.Object]uint64 {
	taint := map[types.Object]uint64{}
	i := 0
	for _, f := range fd.Type.Params.List {
		if len(f.Names) == 0 {
			i++
			continue
		}
		for _, n := range f.Names {
			if obj := c.info.Defs[n]; obj != nil && i < 64 {
				taint[obj] = 1 << i
			}
			i++
		}
	}
	if len(taint) == 0 || fd.Body == nil {
		return taint
	}
	assign := func(lhs []*ast.Ident, rhs []ast.Expr) {
		for i, id := range lhs {
			if id == nil {
				continue
			}
			var e ast.Expr
			switch {
			case len(rhs) == len(lhs):
				e = rhs[i]
			case len(rhs) == 1:
				e = rhs[0]
			default:
				continue
			}
			if obj := c.info.ObjectOf(id); obj != nil {
				taint[obj] |= c.mentions(taint, e)
			}
		}
	}
	for range 2 { // twice, for assignments that precede their sources in the text
		ast.Inspect(fd.Body, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.AssignStmt:
				var lhs []*ast.Ident
				for _, l := range n.Lhs {
					if id, ok := l.(*ast.Ident); ok {
						lhs = append(lhs, id)
					} else {
						lhs = append(lhs, nil)
					}
				}
				assign(lhs, n.Rhs)
			case *ast.ValueSpec:
				assign(n.Names, n.Values)
			}
			return true
		})
	}
	return taint
}

// mentions returns the parameters an expression is computed from.
func (c *checker) mentions(taint map[types.Object]uint64, e ast.Expr) uint64 {
	var m uint64
	ast.Inspect(e, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok {
			m |= taint[c.info.Uses[id]]
		}
		return true
	})
	return m
}

// checkOAuth1 reports OAuth 1.0a clients in Atlassian-related code.
func (c *checker) checkOAuth1() {
	if c.library || (len(c.oauthPaths) == 0 && !c.atlassianRelated()) {
		return
	}
	reported := false
	for cur := range c.in.Root().Preorder((*ast.CompositeLit)(nil), (*ast.CallExpr)(nil)) {
		what := ""
		switch n := cur.Node().(type) {
		case *ast.CompositeLit:
			pkg, name := typeName(c.info, n)
			switch {
			case pkg == "github.com/dghubble/oauth1" && name == "Config":
				what = "dghubble/oauth1 Config"
			case pkg == "github.com/dghubble/oauth1" && name == "RSASigner" && !insideOAuth1Config(c, cur):
				what = "dghubble/oauth1 RSASigner"
			case pkg == "github.com/gomodule/oauth1/oauth" && name == "Client":
				what = "gomodule/oauth1 Client"
			}
		case *ast.CallExpr:
			if fn := callee(c.info, n); fn != nil && fn.Pkg() != nil {
				switch p := fn.Pkg().Path(); {
				case p == "github.com/dghubble/oauth1" && fn.Name() == "NewConfig":
					what = "dghubble/oauth1 NewConfig"
				case p == "github.com/mrjones/oauth" && strings.HasPrefix(fn.Name(), "New") && strings.Contains(fn.Name(), "Consumer"):
					what = "mrjones/oauth " + fn.Name()
				}
			}
		}
		if what != "" {
			reported = true
			ruleOAuth1.Reportf(c.pass, cur.Node(), "OAuth 1.0a client (%s) aimed at Atlassian: OAuth 1.0a is deprecated for Atlassian Cloud; use OAuth 2.0 (3LO) with golang.org/x/oauth2 instead", what)
		}
	}
	if !reported {
		for _, n := range c.oauthPaths {
			ruleOAuth1.Reportf(c.pass, n, "Jira OAuth 1.0a endpoint /plugins/servlet/oauth/: OAuth 1.0a is deprecated for Atlassian Cloud; use OAuth 2.0 (3LO) with golang.org/x/oauth2 instead")
		}
	}
}

func insideOAuth1Config(c *checker, cur inspector.Cursor) bool {
	for e := range cur.Parent().Enclosing((*ast.CompositeLit)(nil)) {
		if pkg, name := typeName(c.info, e.Node().(*ast.CompositeLit)); pkg == "github.com/dghubble/oauth1" && name == "Config" {
			return true
		}
	}
	return false
}

func isGoJira(pkg string) bool {
	return strings.Contains(pkg, "/go-jira") && !isEssentialKaos(pkg)
}

func isGoAtlassian(pkg string) bool { return strings.Contains(pkg, "/go-atlassian") }

func isEssentialKaos(pkg string) bool { return strings.Contains(pkg, "essentialkaos/go-") }

// shortPkg is the package name as code usually spells it: the last path
// element, skipping a major-version suffix.
func shortPkg(path string) string {
	elems := strings.Split(path, "/")
	last := elems[len(elems)-1]
	if len(elems) > 1 && len(last) > 1 && last[0] == 'v' && strings.Trim(last[1:], "0123456789") == "" {
		last = elems[len(elems)-2]
	}
	return strings.TrimSuffix(strings.TrimPrefix(last, "go-"), ".v2")
}

// funcName names a function for a message: pkg.Func or pkg.Type.Method.
func funcName(fn *types.Func) string {
	pkg, recv := funcPath(fn)
	if recv != "" {
		return shortPkg(pkg) + "." + recv + "." + fn.Name()
	}
	return shortPkg(pkg) + "." + fn.Name()
}

func nonNil(es ...ast.Expr) []ast.Expr {
	return slices.DeleteFunc(es, func(e ast.Expr) bool { return e == nil })
}

// stringParams reports whether sig takes exactly two strings (user, password).
func stringParams(sig *types.Signature) bool {
	p := sig.Params()
	if p.Len() != 2 {
		return false
	}
	for i := range 2 {
		if b, ok := p.At(i).Type().Underlying().(*types.Basic); !ok || b.Kind() != types.String {
			return false
		}
	}
	return true
}
