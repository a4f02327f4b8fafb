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

	// Where the requests go: Dest when the wrapper's own code tells;
	// otherwise the caller's request argument ReqParam-1 tells, or, with
	// URLParams, the request restcalls lists at the call (its URL comes
	// from the arguments).
	Dest      dest
	ReqParam  int
	URLParams bool
}

func (*authWrapper) AFact() {}

func (w *authWrapper) String() string {
	s := fmt.Sprintf("authWrapper(%s, secrets %v", w.Via, w.Secrets)
	switch {
	case w.Dest == destAtlassian:
		s += ", to Atlassian"
	case w.ReqParam > 0:
		s += fmt.Sprintf(", request %d", w.ReqParam-1)
	case w.URLParams:
		s += ", URL from the caller"
	}
	return s + ")"
}

// site is one auth call in the package: a direct call or struct literal of an
// auth API, or a call to a wrapper of one.
type site struct {
	node    ast.Node
	cur     inspector.Cursor // the node's cursor
	fd      *ast.FuncDecl    // enclosing function, nil at package level
	kind    kind
	via     string
	gated   bool       // needs the Atlassian gate (generic net/http auth)
	creds   []ast.Expr // expressions that become the credentials
	secrets []ast.Expr // the password / token / secret among them
	raw     string     // a constant credential the site embeds ("Basic dXNl...")
	req     ast.Expr   // the *http.Request whose URL decides the gate, or nil

	wrapper *types.Func // non-nil for a call to a wrapper
	fact    *authWrapper

	cloud    bool // the site names an Atlassian Cloud URL (a session's AuthURL)
	dest     dest // where the requests go (siteDest), once computed
	destDone bool
}

var basicLiteralRE = regexp.MustCompile(`^Basic [A-Za-z0-9+/]{8,}={0,2}$`)

// checkAuthSites reports basic-auth, cookie-auth, oauth1 and the
// hardcoded-secret findings of auth calls, and exports wrapper facts.
func (c *checker) checkAuthSites() {
	var direct []*site
	type localCall struct {
		call *ast.CallExpr
		cur  inspector.Cursor
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
			if s != nil && s.gated && s.req == nil && s.wrapper == nil {
				s.req = c.headerRequest(cur) // req.Header.Set("Authorization", fmt.Sprintf("Basic %s", ...))
			}
			if s == nil {
				if fn := callee(c.info, n); fn != nil && fn.Pkg() == c.pass.Pkg && c.funcDecl(fn) != nil {
					localCalls = append(localCalls, localCall{n, cur, fd, fn})
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
			s.fd, s.cur = fd, cur
			direct = append(direct, s)
		}
	}
	c.reportSessionPaths()
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
				ws := wrapperSite(lc.call, lc.fd, lc.fn, w)
				ws.cur = lc.cur
				all = append(all, ws)
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
	return a.Kind == b.Kind && a.Via == b.Via && slices.Equal(a.Creds, b.Creds) && slices.Equal(a.Secrets, b.Secrets) &&
		a.Dest == b.Dest && a.ReqParam == b.ReqParam && a.URLParams == b.URLParams
}

// reportSessionPaths reports the requests to Jira's session endpoint
// (/rest/auth/1/session) on the cookie-auth line: in code that acts for
// other users, or aimed at an Atlassian Cloud host.
func (c *checker) reportSessionPaths() {
	for _, lit := range c.sessionPaths {
		cur, ok := c.in.Root().FindNode(lit)
		if !ok {
			continue
		}
		if why := c.actsForOthers(); why != "" {
			ruleCookieAuth.Reportf(c.pass, lit, "request to /rest/auth/1/session in %s: the session is one account's, created with its password, and every user acts with it; %s", why, userAdvice(why))
			continue
		}
		// The whole URL the path is part of: "https://x.atlassian.net" + path.
		if c.namesCloudHost(urlAround(c.info, cur).Node()) {
			ruleCookieAuth.Reportf(c.pass, lit, "request to /rest/auth/1/session uses cookie-based auth, which Atlassian Cloud no longer accepts with a password: use an API token with basic auth, or a scoped API token through https://api.atlassian.com/ex/{product}/{cloudId}")
		}
	}
}

// reportSite reports a site's findings and says whether a basic-auth finding
// was reported for it. A site is judged only when its requests go to
// Atlassian; basic-auth and cookie-auth then follow the line of
// actsForOthers.
func (c *checker) reportSite(s *site) bool {
	atlassian := c.siteDest(s) == destAtlassian
	basic := false
	switch s.kind {
	case kindBasic:
		if c.library || !atlassian || s.wrapper != nil && (s.wrapper.Pkg() == c.pass.Pkg || s.fact.Reported) {
			break
		}
		how := "basic auth with " + s.via
		if s.wrapper != nil {
			how = funcName(s.wrapper) + " sends basic auth (through " + s.via + ")"
		}
		if why := c.actsForOthers(); why != "" {
			ruleBasicAuth.Reportf(c.pass, s.node, "%s in %s: the requests it makes for its users carry one account's credentials and permissions; %s", how, why, userAdvice(why))
			basic = true
		} else if pw := c.passwordToCloud(s); pw != "" {
			ruleBasicAuth.Reportf(c.pass, s.node, "%s sends a password (%s) to Atlassian Cloud, which accepts only API tokens for basic auth: use an API token, or a scoped API token through https://api.atlassian.com/ex/{product}/{cloudId}", how, pw)
			basic = true
		}
	case kindCookie:
		if c.library || s.wrapper != nil || !atlassian {
			break
		}
		if why := c.actsForOthers(); why != "" {
			ruleCookieAuth.Reportf(c.pass, s.node, "cookie-based auth with %s in %s: the session is one account's, created with its password, and every user acts with it; %s", s.via, why, userAdvice(why))
		} else if s.cloud {
			ruleCookieAuth.Reportf(c.pass, s.node, "cookie-based auth with %s against Atlassian Cloud, which no longer accepts passwords: use an API token with basic auth, or a scoped API token through https://api.atlassian.com/ex/{product}/{cloudId}", s.via)
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

// userAdvice is what an app that acts for other users should send instead
// of one account's basic auth or session.
func userAdvice(why string) string {
	switch {
	case strings.Contains(why, "Connect"):
		return "call Atlassian as the app with its Connect JWT, or as the user through the JWT bearer grant (scope ACT_AS_USER)"
	case strings.Contains(why, "Forge"):
		return "call Atlassian with the Forge app's system or user token (x-forge-oauth-system, x-forge-oauth-user)"
	default:
		return "call Atlassian with the signed-in user's OAuth 2.0 access token"
	}
}

// siteDest says where a site's requests go: the client libraries' auth
// calls always to Atlassian; a net/http request where its URL, restcalls
// or its callers say; a wrapper call where its fact says, or its request
// or URL arguments.
func (c *checker) siteDest(s *site) dest {
	if s.destDone {
		return s.dest
	}
	s.destDone = true
	f := c.newFlow()
	if s.kind == kindBasic {
		f.auth = "basic auth"
	}
	switch {
	case !s.gated:
		s.dest = destAtlassian
	case s.wrapper != nil:
		call := s.node.(*ast.CallExpr)
		w := s.fact
		switch {
		case w.Dest == destAtlassian || w.Dest == destOther:
			s.dest = w.Dest
		case w.ReqParam > 0 && w.ReqParam-1 < len(call.Args):
			s.dest = f.requestDest(s.cur, call.Args[w.ReqParam-1], 0)
		case w.URLParams:
			s.dest = f.restDest(s.cur, call, w.authText())
		default:
			s.dest = destUnknown
		}
	case s.req != nil:
		s.dest = f.requestDest(s.cur, s.req, 0)
	default:
		s.dest = f.flowDest(s.cur, 0) // a header value stored for later
	}
	return s.dest
}

// authText is how restcalls names the credential a wrapper sets.
func (w *authWrapper) authText() string {
	if w.Kind == kindBasic {
		return "basic auth"
	}
	return ""
}

// passwordToCloud returns the expression of a password sent with basic
// auth to a literal Atlassian Cloud host, or "": Cloud accepts only API
// tokens. The password is told from an API token by its name.
func (c *checker) passwordToCloud(s *site) string {
	if s.wrapper != nil || s.req == nil || !c.requestToCloud(s) {
		return ""
	}
	for _, e := range s.secrets {
		if isPasswordExpr(c.info, e) {
			return types.ExprString(e)
		}
	}
	return ""
}

// requestToCloud reports whether the site's request is built in its
// function with a URL naming an Atlassian Cloud host.
func (c *checker) requestToCloud(s *site) bool {
	id, ok := ast.Unparen(s.req).(*ast.Ident)
	if !ok || s.fd == nil {
		return false
	}
	call, ok := ast.Unparen(c.definition(s.fd.Body, id)).(*ast.CallExpr)
	if !ok {
		return false
	}
	fn := callee(c.info, call)
	if fn == nil || fn.Pkg() == nil || fn.Pkg().Path() != "net/http" {
		return false
	}
	for i, name := range []string{"NewRequest", "NewRequestWithContext"} {
		if fn.Name() == name && i+1 < len(call.Args) {
			return atlassianHostRE.MatchString(template(c.info, call.Args[i+1]))
		}
	}
	return false
}

// isPasswordExpr reports whether a credential expression names a password
// (a variable, field or environment variable called so) and no token.
func isPasswordExpr(info *types.Info, e ast.Expr) bool {
	password := false
	token := false
	ast.Inspect(e, func(n ast.Node) bool {
		var name string
		switch n := n.(type) {
		case *ast.Ident:
			name = n.Name
		case *ast.BasicLit:
			name, _ = constString(info, n)
		}
		l := strings.ToLower(name)
		if strings.Contains(l, "password") || strings.Contains(l, "passwd") || l == "pass" || l == "pwd" {
			password = true
		}
		if strings.Contains(l, "token") || strings.Contains(l, "apikey") || strings.Contains(l, "api_key") || l == "pat" {
			token = true
		}
		return true
	})
	return password && !token
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
			if u := field(c.info, lit, "AuthURL"); u != nil {
				s.cloud = atlassianHostRE.MatchString(template(c.info, u))
			}
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
	var where authWrapper // where the basic auth sites' requests go
	for _, s := range sites {
		var cm, sm uint64
		for _, e := range s.creds {
			cm |= c.mentions(taint, e)
		}
		for _, e := range s.secrets {
			sm |= c.mentions(taint, e)
		}
		forCaller := false
		if s.kind == kindBasic && s.gated && !c.library {
			forCaller = c.basicDestFor(fd, s, &where)
		}
		if cm|sm == 0 && !forCaller {
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
	if w.Kind == kindBasic {
		w.Dest, w.ReqParam, w.URLParams = where.Dest, where.ReqParam, where.URLParams
	}
	return w
}

// basicDestFor records in w where a basic auth site of fd sends its
// requests, and reports whether fd's callers decide it: the site's
// request is a parameter of fd, or its destination cannot be told inside
// fd (its URL may come from the parameters).
func (c *checker) basicDestFor(fd *ast.FuncDecl, s *site, w *authWrapper) bool {
	var req ast.Expr
	switch {
	case s.wrapper != nil && s.fact.ReqParam > 0:
		if call := s.node.(*ast.CallExpr); s.fact.ReqParam-1 < len(call.Args) {
			req = call.Args[s.fact.ReqParam-1]
		}
	case s.wrapper == nil:
		req = s.req
	}
	if id, ok := ast.Unparen(req).(*ast.Ident); ok {
		if v, ok := c.info.Uses[id].(*types.Var); ok {
			if fn, idx := c.paramOf(v); fn != nil && fn == c.info.Defs[fd.Name] {
				if w.ReqParam == 0 {
					w.ReqParam = idx + 1
				}
				return true
			}
		}
	}
	switch c.siteDest(s) {
	case destAtlassian:
		w.Dest = destAtlassian
	case destUnknown:
		if w.Dest != destAtlassian {
			w.URLParams = true
			return true
		}
	case destOther:
		if w.Dest == destNowhere {
			w.Dest = destOther
		}
	}
	return false
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

// checkOAuth1 reports OAuth 1.0a clients aimed at Atlassian Cloud, where
// OAuth 1.0a is deprecated; Jira Server and Data Center application links
// still use it, so a client whose endpoints name no Cloud host is left
// alone.
func (c *checker) checkOAuth1() {
	if c.library {
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
		if what != "" && c.namesCloudHost(cur.Node()) {
			reported = true
			ruleOAuth1.Reportf(c.pass, cur.Node(), "OAuth 1.0a client (%s) aimed at Atlassian Cloud, where OAuth 1.0a is deprecated: use OAuth 2.0 (3LO) with golang.org/x/oauth2 instead", what)
		}
	}
	if reported {
		return
	}
	for _, n := range c.oauthPaths {
		if cur, ok := c.in.Root().FindNode(n); ok && c.namesCloudHost(urlAround(c.info, cur).Node()) {
			ruleOAuth1.Reportf(c.pass, n, "Jira OAuth 1.0a endpoint /plugins/servlet/oauth/ on Atlassian Cloud, where OAuth 1.0a is deprecated: use OAuth 2.0 (3LO) with golang.org/x/oauth2 instead")
		}
	}
}

// namesCloudHost reports whether a string built inside n names an
// Atlassian Cloud host.
func (c *checker) namesCloudHost(n ast.Node) bool {
	found := false
	ast.Inspect(n, func(n ast.Node) bool {
		if found {
			return false
		}
		switch e := n.(type) {
		case *ast.BasicLit, *ast.BinaryExpr, *ast.CallExpr:
			if atlassianHostRE.MatchString(template(c.info, e.(ast.Expr))) {
				found = true
			}
		}
		return !found
	})
	return found
}

// urlAround returns the whole string expression a literal is part of: the
// + chain or Sprintf call around it.
func urlAround(info *types.Info, cur inspector.Cursor) inspector.Cursor {
	for {
		switch p := cur.Parent().Node().(type) {
		case *ast.BinaryExpr, *ast.ParenExpr:
			cur = cur.Parent()
			continue
		case *ast.CallExpr:
			if isSprintf(info, p) {
				cur = cur.Parent()
				continue
			}
		}
		return cur
	}
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
