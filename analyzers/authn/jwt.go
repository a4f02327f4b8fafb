package authn

import (
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"github.com/connectlint/connectlint/internal/rules"
)

// The JWT libraries whose API the jwt rules know (same API in all).
var jwtModules = []string{"github.com/golang-jwt/jwt", "github.com/dgrijalva/jwt-go", "github.com/form3tech-oss/jwt-go"}

// IsJWTPackage reports whether path is a package of the golang-jwt family
// (golang-jwt/jwt, dgrijalva/jwt-go, form3tech-oss/jwt-go), whose API the
// jwt rules know; the forge analyzer reads the same API.
func IsJWTPackage(path string) bool { return isJWTPkg(path) }

func isJWTPkg(path string) bool {
	for _, m := range jwtModules {
		if path == m || strings.HasPrefix(path, m+"/v") {
			return true
		}
	}
	return false
}

func isGonnectMiddleware(path string) bool {
	return strings.HasSuffix(path, "/atlas-gonnect/middleware")
}

// jwtFunc returns the name and receiver of a call into a JWT library.
func (c *checker) jwtFunc(call *ast.CallExpr) (name, recv string, ok bool) {
	fn := callee(c.info, call)
	if fn == nil {
		return "", "", false
	}
	pkg, recv := funcPath(fn)
	return fn.Name(), recv, isJWTPkg(pkg)
}

// checkJWT reports jwt-unverified, jwt-no-qsh and literal JWT secrets.
func (c *checker) checkJWT() {
	relevant := false
	for _, imp := range c.pass.Pkg.Imports() {
		if isJWTPkg(imp.Path()) || isGonnectMiddleware(imp.Path()) || c.pass.ImportPackageFact(imp, new(hasWrappers)) {
			relevant = true
		}
	}
	if !relevant {
		if c.mentionsQSH {
			c.jwtPaths() // a qsh helper for other packages: facts only
		}
		return
	}
	var signs []ast.Node
	type verification struct {
		call ast.Node
		fn   *types.Func // the enclosing function declaration, if any
	}
	var verifies []verification
	type unverifiedParse struct {
		call ast.Node
		fn   *types.Func // the enclosing function declaration, if any
	}
	var unverified []unverifiedParse
	var validMethods []*ast.FuncDecl
	parsedClaims := map[*types.TypeName]bool{} // claims types given to a verifying parse
	for cur := range c.in.Root().Preorder((*ast.CallExpr)(nil), (*ast.CompositeLit)(nil), (*ast.AssignStmt)(nil), (*ast.Ident)(nil), (*ast.FuncDecl)(nil)) {
		switch n := cur.Node().(type) {
		case *ast.CallExpr:
			if fn := callee(c.info, n); fn != nil && fn.Pkg() != nil && isGonnectMiddleware(fn.Pkg().Path()) && fn.Name() == "NewAuthenticationMiddleware" && len(n.Args) == 2 {
				// The framework itself skips qsh on purpose for its
				// session tokens (ACPT), which carry none.
				if fn.Pkg() != c.pass.Pkg {
					c.skipQSH(n.Args[1])
				}
				continue
			}
			name, recv, ok := c.jwtFunc(n)
			if !ok {
				continue
			}
			var fd *ast.FuncDecl
			for e := range cur.Enclosing((*ast.FuncDecl)(nil)) {
				fd = e.Node().(*ast.FuncDecl)
				break
			}
			switch {
			case (name == "Parse" || name == "ParseWithClaims") && (recv == "" || recv == "Parser"):
				verifies = append(verifies, verification{n, declared(c.info, fd)})
				c.checkParse(n, name, recv, fd)
				if name == "ParseWithClaims" && len(n.Args) >= 2 {
					if t := namedOf(c.info.TypeOf(n.Args[1])); t != nil {
						parsedClaims[t.Obj()] = true
					}
				}
			case name == "ParseUnverified":
				unverified = append(unverified, unverifiedParse{n, declared(c.info, fd)})
			case name == "Verify" && strings.HasPrefix(recv, "SigningMethod") && len(n.Args) == 3:
				verifies = append(verifies, verification{n, declared(c.info, fd)})
				c.reportSecret(n.Args[2], "JWT shared secret", "a JWT signature check")
			case name == "Sign" && strings.HasPrefix(recv, "SigningMethod") && len(n.Args) == 2:
				c.reportSecret(n.Args[1], "JWT shared secret", "a JWT signature")
			case name == "SignedString" && len(n.Args) == 1:
				c.reportSecret(n.Args[0], "JWT shared secret", "(*jwt.Token).SignedString")
			case (name == "NewWithClaims" || name == "New") && recv == "" && len(n.Args) >= 1 && c.isHMAC(n.Args[0]):
				signs = append(signs, n)
			case name == "WithoutClaimsValidation":
				ruleJWTUnverified.Reportf(c.pass, n, "jwt.WithoutClaimsValidation turns off the exp and nbf checks, so expired tokens are accepted: remove it")
			case name == "WithValidMethods" && len(n.Args) == 1:
				c.noneAmongMethods(n.Args[0])
			}
		case *ast.CompositeLit:
			if pkg, name := typeName(c.info, n); isJWTPkg(pkg) && name == "Parser" {
				if v := field(c.info, n, "SkipClaimsValidation"); v != nil && isTrue(c.info, v) {
					ruleJWTUnverified.Reportf(c.pass, v, "Parser{SkipClaimsValidation: true} turns off the exp and nbf checks, so expired tokens are accepted: remove it")
				}
				if v := field(c.info, n, "ValidMethods"); v != nil {
					c.noneAmongMethods(v)
				}
			}
		case *ast.AssignStmt:
			for i, lhs := range n.Lhs {
				if sel, ok := lhs.(*ast.SelectorExpr); ok && sel.Sel.Name == "SkipClaimsValidation" && len(n.Rhs) == len(n.Lhs) && isTrue(c.info, n.Rhs[i]) {
					if v, ok := c.info.ObjectOf(sel.Sel).(*types.Var); ok && v.Pkg() != nil && isJWTPkg(v.Pkg().Path()) {
						ruleJWTUnverified.Reportf(c.pass, n, "SkipClaimsValidation = true turns off the exp and nbf checks, so expired tokens are accepted: remove it")
					}
				}
			}
		case *ast.Ident:
			if k, ok := c.info.Uses[n].(*types.Const); ok && k.Name() == "UnsafeAllowNoneSignatureType" && isJWTPkg(k.Pkg().Path()) {
				ruleJWTUnverified.Reportf(c.pass, n, "jwt.UnsafeAllowNoneSignatureType accepts unsigned tokens (alg: none): never use it for tokens you did not create yourself")
			}
		case *ast.FuncDecl:
			validMethods = append(validMethods, n)
		}
	}

	for _, fd := range validMethods {
		c.checkValidMethod(fd, parsedClaims)
	}
	// ParseUnverified is judged per function: fine when the function, a
	// function it calls, a caller or a middleware around it verifies.
	paths := c.jwtPaths()
	for _, u := range unverified {
		if u.fn == nil && !paths.anyVerify || u.fn != nil && !paths.covered[u.fn] {
			ruleJWTUnverified.Reportf(c.pass, u.call, "jwt ParseUnverified reads the claims without checking the signature, and nothing on this function's path verifies the token (not the function, a function it calls, a caller or a middleware): verify it with jwt.Parse and the tenant's shared secret before trusting its claims")
		}
	}
	// "JWT " headers are Connect's own scheme; a jwt query parameter is
	// Connect's only in Atlassian-related code.
	if c.connectIn || c.jwtParam && c.atlassianRelated() {
		// qsh is judged per function when the package checks it
		// somewhere; in doubt, the package-wide judgement stands.
		perPath := (c.mentionsQSH || paths.qshCalls) && !paths.qshDoubt
		for _, v := range verifies {
			switch {
			case !c.mentionsQSH && !paths.qshCalls:
				ruleJWTNoQSH.Reportf(c.pass, v.call, "Connect JWT verified without checking its qsh claim: compare claims[\"qsh\"] with the query string hash of this request, or a token captured from another request is accepted")
			case perPath && v.fn != nil && !paths.qshCovered[v.fn] && !paths.asValue[v.fn] && !handlerIn(v.fn, true) && !handlerIn(v.fn, false):
				ruleJWTNoQSH.Reportf(c.pass, v.call, "Connect JWT verified without checking its qsh claim on this path (the qsh check elsewhere in the package does not run here): compare claims[\"qsh\"] with the query string hash of this request, or a token captured from another request is accepted")
			}
		}
	}
	if c.mentionsQSH {
		return
	}
	if c.connectOut {
		for _, n := range signs {
			ruleJWTNoQSH.Reportf(c.pass, n, "outgoing Connect JWT built without a qsh claim: Atlassian refuses it; add qsh, the SHA-256 hash of the canonical request")
		}
	}
}

// declared returns the function fd declares, or nil.
func declared(info *types.Info, fd *ast.FuncDecl) *types.Func {
	if fd == nil {
		return nil
	}
	fn, _ := info.Defs[fd.Name].(*types.Func)
	return fn
}

func isTrue(info *types.Info, e ast.Expr) bool {
	tv := info.Types[e]
	return tv.Value != nil && tv.Value.String() == "true"
}

// isHMAC reports whether e is an HS256/384/512 signing method.
func (c *checker) isHMAC(e ast.Expr) bool {
	n := namedOf(c.info.TypeOf(e))
	return n != nil && n.Obj().Name() == "SigningMethodHMAC" && n.Obj().Pkg() != nil && isJWTPkg(n.Obj().Pkg().Path())
}

// skipQSH checks the skipQsh argument of atlas-gonnect's authentication middleware.
func (c *checker) skipQSH(arg ast.Expr) {
	tv := c.info.Types[arg]
	switch {
	case tv.Value != nil && tv.Value.String() == "true":
		ruleJWTNoQSH.Reportf(c.pass, arg, "NewAuthenticationMiddleware(addon, true) skips the qsh check, so a token captured from one request is accepted for any other: pass false")
	case tv.Value == nil:
		ruleJWTNoQSH.ReportSeverityf(c.pass, arg, rules.Note, "skipQsh of NewAuthenticationMiddleware is set from %s: it must never be true in production, where it lets a token captured from one request be replayed on others", types.ExprString(arg))
	}
}

func (c *checker) noneAmongMethods(e ast.Expr) {
	lit, ok := ast.Unparen(e).(*ast.CompositeLit)
	if !ok {
		return
	}
	for _, elt := range lit.Elts {
		if s, ok := constString(c.info, elt); ok && strings.EqualFold(s, "none") {
			ruleJWTUnverified.Reportf(c.pass, elt, `"none" among the valid JWT methods accepts unsigned tokens (alg: none): remove it`)
		}
	}
}

// checkParse checks one verifying parse: the algorithm must be pinned by an
// option or by the key function, and the key must not be a literal.
func (c *checker) checkParse(call *ast.CallExpr, name, recv string, fd *ast.FuncDecl) {
	kf := 1
	if name == "ParseWithClaims" {
		kf = 2
	}
	if len(call.Args) <= kf {
		return
	}
	var pinned bool
	if recv == "" {
		pinned = call.Ellipsis.IsValid() || c.optionsPin(call.Args[kf+1:])
	} else if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
		pinned = c.parserPins(sel.X, fd, 0)
	}
	body := c.keyFuncBody(call.Args[kf])
	if body == nil {
		return // unknown key function: give it the benefit of the doubt
	}
	c.literalKeys(body)
	// The algorithm may also be checked around the parse, e.g. on an
	// unverified parse of the same token just before.
	if pinned || c.bodyPins(body) || fd != nil && c.bodyPins(fd.Body) {
		return
	}
	what := "jwt." + name
	if recv != "" {
		what = "(*jwt.Parser)." + name
	}
	// golang-jwt refuses a key of the wrong type (an RSA key for HS256), so
	// this is hardening rather than a hole: a warning, not an error.
	ruleJWTUnverified.ReportSeverityf(c.pass, call, rules.Warning, "%s accepts whichever signing algorithm the token names: check token.Method in the key function (token.Method.(*jwt.SigningMethodHMAC)) or pass jwt.WithValidMethods([]string{\"HS256\"})", what)
}

// optionsPin reports whether parser options may pin the algorithm: a
// WithValidMethods option, or an option the analyzer cannot see into.
func (c *checker) optionsPin(opts []ast.Expr) bool {
	for _, o := range opts {
		call, ok := ast.Unparen(o).(*ast.CallExpr)
		if !ok {
			return true
		}
		name, _, ok := c.jwtFunc(call)
		if !ok || name == "WithValidMethods" {
			return true
		}
	}
	return false
}

// parserPins reports whether the parser a method is called on may pin the
// algorithm; parsers of unknown origin are given the benefit of the doubt.
func (c *checker) parserPins(e ast.Expr, fd *ast.FuncDecl, depth int) bool {
	e = ast.Unparen(e)
	if u, ok := e.(*ast.UnaryExpr); ok && u.Op == token.AND {
		e = ast.Unparen(u.X)
	}
	switch e := e.(type) {
	case *ast.CallExpr:
		if name, _, ok := c.jwtFunc(e); ok && name == "NewParser" {
			return e.Ellipsis.IsValid() || c.optionsPin(e.Args)
		}
	case *ast.CompositeLit:
		if pkg, name := typeName(c.info, e); isJWTPkg(pkg) && name == "Parser" {
			return field(c.info, e, "ValidMethods") != nil
		}
	case *ast.Ident:
		if fd != nil && depth < 3 {
			if def := c.definition(fd.Body, e); def != nil {
				return c.parserPins(def, fd, depth+1)
			}
		}
	}
	return true
}

// keyFuncBody returns the body of a key function written in this package.
func (c *checker) keyFuncBody(e ast.Expr) *ast.BlockStmt {
	e = ast.Unparen(e)
	if lit, ok := e.(*ast.FuncLit); ok {
		return lit.Body
	}
	var id *ast.Ident
	switch e := e.(type) {
	case *ast.Ident:
		id = e
	case *ast.SelectorExpr:
		id = e.Sel
	}
	if id == nil {
		return nil
	}
	if fn, ok := c.info.Uses[id].(*types.Func); ok && fn.Pkg() == c.pass.Pkg {
		if fd := c.funcDecl(fn); fd != nil {
			return fd.Body
		}
	}
	return nil
}

// bodyPins reports whether a key function checks the signing algorithm.
func (c *checker) bodyPins(body *ast.BlockStmt) bool {
	pinned := false
	ast.Inspect(body, func(n ast.Node) bool {
		if pinned {
			return false
		}
		switch n := n.(type) {
		case *ast.CallExpr:
			if fn := callee(c.info, n); fn != nil && fn.Pkg() != nil {
				switch fn.Pkg().Path() {
				case "fmt", "log", "log/slog", "errors":
					return false // mentioning the algorithm in a message checks nothing
				}
				if fn.Name() == "Alg" && isJWTPkg(fn.Pkg().Path()) {
					pinned = true
				}
			}
		case *ast.TypeAssertExpr:
			if t := namedOf(c.info.TypeOf(n.X)); t != nil && t.Obj().Name() == "SigningMethod" && t.Obj().Pkg() != nil && isJWTPkg(t.Obj().Pkg().Path()) {
				pinned = true
			}
		case *ast.IndexExpr:
			if k, ok := constString(c.info, n.Index); ok && k == "alg" {
				pinned = true
			}
		case *ast.BinaryExpr:
			if n.Op == token.EQL || n.Op == token.NEQ {
				for _, x := range []ast.Expr{n.X, n.Y} {
					if t := namedOf(c.info.TypeOf(x)); t != nil && strings.HasPrefix(t.Obj().Name(), "SigningMethod") && t.Obj().Pkg() != nil && isJWTPkg(t.Obj().Pkg().Path()) {
						pinned = true
					}
				}
			}
		}
		return true
	})
	return pinned
}

// literalKeys reports key functions that return a literal secret.
func (c *checker) literalKeys(body *ast.BlockStmt) {
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.ReturnStmt:
			if len(n.Results) == 2 {
				c.reportSecret(n.Results[0], "JWT shared secret", "a JWT key function")
			}
		}
		return true
	})
}

// checkValidMethod checks a custom Valid() error method of a claims type
// that a verifying parse of the package uses (a type only signed, or never
// parsed here, is left alone): it must check exp and must not accept a
// missing one.
func (c *checker) checkValidMethod(fd *ast.FuncDecl, parsed map[*types.TypeName]bool) {
	if fd.Recv == nil || fd.Name.Name != "Valid" || fd.Body == nil {
		return
	}
	fn, ok := c.info.Defs[fd.Name].(*types.Func)
	if !ok {
		return
	}
	sig := fn.Type().(*types.Signature)
	if sig.Params().Len() != 0 || sig.Results().Len() != 1 || sig.Results().At(0).Type().String() != "error" {
		return
	}
	if !c.isClaimsType(sig.Recv().Type()) || !parsed[namedOf(sig.Recv().Type()).Obj()] {
		return
	}
	missingOK, checks := false, false
	guarded, required := false, false // exp compared with zero: checked only when present, or required
	ast.Inspect(fd.Body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.CallExpr:
			if name, _, ok := c.jwtFunc(n); ok {
				switch name {
				case "VerifyExpiresAt":
					if len(n.Args) == 2 {
						if tv := c.info.Types[n.Args[1]]; tv.Value != nil && tv.Value.String() == "false" {
							missingOK = true
							return true
						}
					}
					checks = true
				case "Valid", "Validate":
					checks = true
				}
			}
		case *ast.BinaryExpr:
			if isExpField(n.X) && c.isZero(n.Y) || isExpField(n.Y) && c.isZero(n.X) {
				switch n.Op {
				case token.NEQ, token.GTR:
					guarded = true
				case token.EQL, token.LEQ:
					required = true
				}
			}
		case *ast.Ident:
			if n.Name == "ExpiresAt" || n.Name == "Exp" {
				checks = true
			}
		case *ast.BasicLit:
			if s, ok := constString(c.info, n); ok && s == "exp" {
				checks = true
			}
		}
		return true
	})
	switch {
	case missingOK:
		ruleJWTUnverified.Reportf(c.pass, fd.Name, "custom Valid() accepts a token without exp (VerifyExpiresAt(..., false)), so a token never expires: require it with VerifyExpiresAt(now, true)")
	case guarded && !required:
		ruleJWTUnverified.Reportf(c.pass, fd.Name, "custom Valid() checks exp only when the token has one, so it accepts a token without exp, which never expires: return an error when exp is missing")
	case !checks:
		ruleJWTUnverified.Reportf(c.pass, fd.Name, "custom Valid() never checks exp, so expired tokens are accepted: call VerifyExpiresAt(now, true)")
	}
}

// isExpField reports whether e names an exp field (c.ExpiresAt, c.Exp).
func isExpField(e ast.Expr) bool {
	var id *ast.Ident
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident:
		id = e
	case *ast.SelectorExpr:
		id = e.Sel
	}
	return id != nil && (id.Name == "ExpiresAt" || id.Name == "Exp")
}

// isZero reports whether e is the constant 0 or nil.
func (c *checker) isZero(e ast.Expr) bool {
	tv := c.info.Types[e]
	return tv.IsNil() || tv.Value != nil && tv.Value.String() == "0"
}

// isClaimsType reports whether t is a struct of this package that embeds a
// JWT library's claims or has a json:"exp" field.
func (c *checker) isClaimsType(t types.Type) bool {
	n := namedOf(t)
	if n == nil || n.Obj().Pkg() != c.pass.Pkg {
		return false
	}
	st, ok := n.Underlying().(*types.Struct)
	if !ok {
		return false
	}
	for i := range st.NumFields() {
		f := st.Field(i)
		if f.Embedded() {
			if e := namedOf(f.Type()); e != nil && e.Obj().Pkg() != nil && isJWTPkg(e.Obj().Pkg().Path()) {
				return true
			}
		}
		if jsonName(st, f) == "exp" {
			return true
		}
	}
	return false
}
