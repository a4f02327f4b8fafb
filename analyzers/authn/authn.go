package authn

import (
	"bytes"
	"go/ast"
	"go/build"
	"go/constant"
	"go/token"
	"go/types"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/connectlint/connectlint/analyzers/descriptor"
	"github.com/connectlint/connectlint/analyzers/restcalls"
)

// Analyzer reports the rules of rules.go.
var Analyzer = &analysis.Analyzer{
	Name:      "authn",
	Doc:       "report insecure authentication choices in code that talks to Atlassian products",
	URL:       "https://github.com/connectlint/connectlint/blob/main/docs/rules.md",
	Run:       run,
	Requires:  []*analysis.Analyzer{restcalls.Analyzer, descriptor.Analyzer},
	FactTypes: []analysis.Fact{new(authWrapper), new(hasWrappers), new(verifiesJWT), new(checksQSH), new(actsForUsers), new(atlassianOAuth)},
}

// checker holds one package's analysis state.
type checker struct {
	pass  *analysis.Pass
	info  *types.Info
	files []*ast.File          // production files only
	in    *inspector.Inspector // built after the cheap exit

	library bool // the package is an Atlassian client library itself

	// Filled by scanLiterals.
	mentionsAtlassian bool               // a string names an Atlassian host or REST path
	mentionsQSH       bool               // the qsh claim is named somewhere
	connectIn         bool               // reads Connect JWTs ("JWT " header prefix)
	jwtParam          bool               // reads a jwt query parameter (Connect's when Atlassian-related)
	connectOut        bool               // sends Connect JWTs ("JWT " + token)
	authLiteral       bool               // builds "Basic " / "JWT " headers or a baseUrl
	oauthPaths        []ast.Node         // Jira OAuth 1.0a endpoint literals
	sessionPaths      []*ast.BasicLit    // Jira session endpoint literals (cookie auth)
	reported          []posRange         // plaintext-http findings, to avoid double reports
	secretDone        map[token.Pos]bool // literals already reported as hardcoded-secret
	secretSeen        map[string]bool    // values already reported (kept in memory only)

	users    userMarkers // evidence that the code acts for other users
	usersWhy *string     // actsForOthers, once computed

	gate      int8 // 0 unknown, 1 Atlassian-related, -1 not
	funcDecls map[*types.Func]*ast.FuncDecl
	pkgVars   map[*types.Var]ast.Expr // package-level var -> initialiser

	// Where requests go (dest.go).
	restResult *restcalls.Result
	restIdx    *restIndex
	uses       map[types.Object][]inspector.Cursor
	callers    map[*types.Func][]inspector.Cursor
	callees    map[*types.Func][]*types.Func
	params     map[*types.Var]paramRef
}

type posRange struct{ pos, end token.Pos }

func run(pass *analysis.Pass) (any, error) {
	files := productionFiles(pass)
	if len(files) == 0 || inGOROOT(pass, files[0]) {
		return nil, nil
	}
	c := &checker{
		pass:       pass,
		info:       pass.TypesInfo,
		files:      files,
		library:    isClientLibrary(pass.Pkg.Path()),
		secretDone: map[token.Pos]bool{},
		secretSeen: map[string]bool{},
	}
	c.scanLiterals()
	if !c.relevant() {
		return nil, nil
	}
	c.in = inspector.New(files)
	c.restResult, _ = pass.ResultOf[restcalls.Analyzer].(*restcalls.Result)
	c.findOAuthHandlers()
	c.exportUserFacts()
	c.checkAuthSites()
	c.checkTransport()
	c.checkJWT()
	return nil, nil
}

// productionFiles drops _test.go files: tests may use whatever auth they like.
func productionFiles(pass *analysis.Pass) []*ast.File {
	var out []*ast.File
	for _, f := range pass.Files {
		name := pass.Fset.File(f.FileStart).Name()
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		out = append(out, f)
	}
	return out
}

// inGOROOT reports whether the package is part of the standard library,
// which the analyzer visits only because it has facts: a cheap exit.
func inGOROOT(pass *analysis.Pass, f *ast.File) bool {
	root := build.Default.GOROOT
	if root == "" {
		return false
	}
	name := pass.Fset.File(f.FileStart).Name()
	return strings.HasPrefix(name, filepath.Join(root, "src")+string(filepath.Separator))
}

// Client libraries, matched on import path so forks and major versions count.
var clientLibMarkers = []string{
	"/go-jira", "/go-atlassian", "/go-confluence", "/confluence-go-api",
	"/atlas-gonnect", "/jira-cli/pkg/jira",
}

func isAtlassianLib(path string) bool {
	for _, m := range clientLibMarkers {
		if strings.Contains(path, m) {
			return true
		}
	}
	return false
}

// isClientLibrary reports whether the analysed package belongs to a Jira or
// Confluence client library (or a fork: the repository name decides): it is
// not blamed for offering basic or cookie auth to its users.
func isClientLibrary(path string) bool {
	elems := strings.Split(path, "/")
	if len(elems) < 3 {
		return false
	}
	switch repo := elems[2]; {
	case repo == "go-jira", repo == "go-atlassian", repo == "go-confluence", repo == "confluence-go-api":
		return true
	case strings.HasPrefix(repo, "go-jira.v"), strings.HasPrefix(repo, "go-confluence.v"):
		return true // pkg.re/essentialkaos/go-jira.v2
	}
	return false
}

// Strings that make a package Atlassian-related.
var (
	atlassianHostRE = regexp.MustCompile(`(?i)(\.atlassian\.net|\b(api|auth)\.atlassian\.com|\.jira\.com|\.jira-dev\.com)\b`)
	atlassianPathRE = regexp.MustCompile(`/rest/api/|/wiki/rest/api|/rest/agile/|/rest/servicedeskapi|/wiki/api/v2|/ex/(jira|confluence)/|atlassian-connect\.json`)
	apiTokenRE      = regexp.MustCompile(`ATATT[A-Za-z0-9_\-=+/]{20,}`)
	httpURLRE       = regexp.MustCompile(`http://([^/\s"'?#]*)`)
	jsonBaseURLRE   = regexp.MustCompile(`"baseUrl"\s*:\s*"http://([^"/\s]+)[^"\s]*"`)
	oauth1PathRE    = regexp.MustCompile(`/plugins/servlet/oauth/(request-token|authorize|access-token)\b`)
	sessionPathRE   = regexp.MustCompile(`(^|/)rest/auth/1/session\b`)
)

// atlassianRelated is the package-level gate of the basic-auth and oauth1
// rules (see the package doc).
func (c *checker) atlassianRelated() bool {
	if c.gate == 0 {
		c.gate = -1
		if c.mentionsAtlassian || c.importsAtlassianLib() || hasDescriptor(c.packageDir()) {
			c.gate = 1
		}
	}
	return c.gate > 0
}

func (c *checker) importsAtlassianLib() bool {
	for _, imp := range c.pass.Pkg.Imports() {
		if isAtlassianLib(imp.Path()) {
			return true
		}
	}
	return false
}

func (c *checker) packageDir() string {
	return filepath.Dir(c.pass.Fset.File(c.files[0].FileStart).Name())
}

var descriptorCache sync.Map // dir -> bool

// hasDescriptor reports whether an atlassian-connect.json lies in dir or a
// parent up to the module root, or in a conventional sub-folder of the root.
func hasDescriptor(dir string) bool {
	if v, ok := descriptorCache.Load(dir); ok {
		return v.(bool)
	}
	found := false
	for d := dir; ; {
		if exists(filepath.Join(d, "atlassian-connect.json")) {
			found = true
			break
		}
		if exists(filepath.Join(d, "go.mod")) {
			for _, sub := range []string{"static", "assets", "templates", "web", "public"} {
				if exists(filepath.Join(d, sub, "atlassian-connect.json")) {
					found = true
				}
			}
			break
		}
		parent := filepath.Dir(d)
		if parent == d {
			break
		}
		d = parent
	}
	descriptorCache.Store(dir, found)
	return found
}

func exists(name string) bool {
	_, err := os.Stat(name)
	return err == nil
}

// scanLiterals looks at every string literal once: API tokens, Atlassian
// markers for the gate, plain-http URLs, Connect JWT and qsh markers, and the
// deprecated endpoint paths of cookie-auth and oauth1. It walks the syntax
// directly: it runs on every package, before the cheap exit.
func (c *checker) scanLiterals() {
	for _, f := range c.files {
		ast.PreorderStack(f, nil, func(n ast.Node, stack []ast.Node) bool {
			var parent ast.Node
			if len(stack) > 0 {
				parent = stack[len(stack)-1]
			}
			switch n := n.(type) {
			case *ast.ImportSpec:
				return false
			case *ast.Ident:
				if !c.mentionsQSH {
					name := strings.ToLower(n.Name)
					c.mentionsQSH = strings.Contains(name, "qsh") || strings.Contains(name, "querystringhash")
				}
			case *ast.BasicLit:
				if n.Kind == token.STRING {
					c.scanLiteral(n, parent)
				}
			}
			return true
		})
	}
}

func (c *checker) scanLiteral(lit *ast.BasicLit, parent ast.Node) {
	s, err := strconv.Unquote(lit.Value)
	if err != nil {
		return
	}
	if _, isTag := parent.(*ast.Field); isTag {
		c.users.literal(s, true)
		if strings.Contains(s, `"qsh`) {
			c.mentionsQSH = true
		}
		if strings.Contains(s, `json:"baseUrl"`) {
			c.authLiteral = true
		}
		return
	}
	c.users.literal(s, false)
	if tok := apiTokenRE.FindString(s); tok != "" {
		c.secretDone[lit.Pos()] = true
		c.secretSeen[s] = true
		ruleHardcodedSecret.Reportf(c.pass, lit,
			"hard-coded Atlassian API token %s: load it from the environment or a secret store, and revoke this one",
			redact(tok))
	}
	if !c.mentionsAtlassian && (atlassianHostRE.MatchString(s) || atlassianPathRE.MatchString(s)) {
		c.mentionsAtlassian = true
	}
	if strings.Contains(strings.ToLower(s), "qsh") {
		c.mentionsQSH = true
	}
	if strings.HasPrefix(s, "Basic ") || strings.HasPrefix(s, "JWT ") || strings.EqualFold(s, "baseUrl") {
		c.authLiteral = true
	}
	c.connectMarkers(lit, parent, s)
	c.plaintextInLiteral(lit, s)
	// Endpoint paths count in URL-like strings, not in prose (messages, docs).
	urlLike := !strings.ContainsAny(s, " \t\n")
	if urlLike && !c.library && sessionPathRE.MatchString(s) {
		c.sessionPaths = append(c.sessionPaths, lit)
	}
	if urlLike && oauth1PathRE.MatchString(s) {
		c.oauthPaths = append(c.oauthPaths, lit)
	}
}

// connectMarkers notes how the package handles Connect JWTs.
func (c *checker) connectMarkers(lit *ast.BasicLit, parent ast.Node, s string) {
	switch {
	case strings.HasPrefix(s, "JWT "):
		switch p := parent.(type) {
		case *ast.BinaryExpr:
			if p.Op == token.ADD && p.X == lit {
				c.connectOut = true
				return
			}
		case *ast.CallExpr:
			if isSprintf(c.info, p) {
				c.connectOut = true
				return
			}
		}
		c.connectIn = true
	case s == "jwt":
		switch p := parent.(type) {
		case *ast.IndexExpr:
			c.jwtParam = true
		case *ast.CallExpr:
			if sel, ok := ast.Unparen(p.Fun).(*ast.SelectorExpr); ok {
				switch sel.Sel.Name {
				case "Get", "FormValue", "PostFormValue", "Query", "QueryParam", "DefaultQuery", "FormFile":
					c.jwtParam = true
				}
			}
		}
	}
}

// relevantImports are packages whose use can make an auth finding.
var relevantImports = map[string]bool{
	"net/http": true, "crypto/tls": true,
	"github.com/dghubble/oauth1": true, "github.com/mrjones/oauth": true, "github.com/gomodule/oauth1/oauth": true,
}

// IsAuthAPI reports whether importing path can make a package hold authn
// facts (auth wrappers): net/http, crypto/tls, OAuth 1.0a and JWT
// libraries, Atlassian client libraries.
func IsAuthAPI(path string) bool {
	return relevantImports[path] || isJWTPkg(path) || isAtlassianLib(path)
}

// MayBuildAuthHeader reports whether Go source text may build an
// Authorization header value ("Basic ...", "JWT ...") without importing an
// auth API: such a package can hold auth wrapper facts. It errs on the side
// of yes (comments count).
func MayBuildAuthHeader(src []byte) bool {
	return bytes.Contains(src, []byte("Basic ")) || bytes.Contains(src, []byte("JWT "))
}

// relevant is the cheap exit: after the literal scan, the other checks run
// only in packages that import something auth-related (or a package with
// auth wrappers), are Atlassian-related, or build auth header strings.
func (c *checker) relevant() bool {
	if c.mentionsAtlassian || c.authLiteral || len(c.oauthPaths) > 0 || len(c.sessionPaths) > 0 {
		return true
	}
	for _, imp := range c.pass.Pkg.Imports() {
		p := imp.Path()
		if IsAuthAPI(p) || c.pass.ImportPackageFact(imp, new(hasWrappers)) {
			return true
		}
	}
	return false
}

// hasWrappers marks a package that exports auth wrappers, so that its
// importers do not take the cheap exit.
type hasWrappers struct{}

func (*hasWrappers) AFact()         {}
func (*hasWrappers) String() string { return "hasWrappers" }

// --- small helpers shared by the checks ---

func isSprintf(info *types.Info, call *ast.CallExpr) bool {
	fn, ok := typeutil.Callee(info, call).(*types.Func)
	return ok && fn.Pkg() != nil && fn.Pkg().Path() == "fmt" && (fn.Name() == "Sprintf" || fn.Name() == "Fprintf" || fn.Name() == "Errorf")
}

// constString returns the value of a constant string expression.
func constString(info *types.Info, e ast.Expr) (string, bool) {
	tv, ok := info.Types[e]
	if !ok || tv.Value == nil || tv.Value.Kind() != constant.String {
		return "", false
	}
	return constant.StringVal(tv.Value), true
}

// template renders what a string expression can be, with "*" for the parts
// the code does not fix: constants, +, and fmt.Sprintf (verbs become "*").
func template(info *types.Info, e ast.Expr) string {
	e = ast.Unparen(e)
	if s, ok := constString(info, e); ok {
		return s
	}
	switch e := e.(type) {
	case *ast.BinaryExpr:
		if e.Op == token.ADD {
			return template(info, e.X) + template(info, e.Y)
		}
	case *ast.CallExpr:
		if isSprintf(info, e) && len(e.Args) > 0 {
			if f, ok := constString(info, e.Args[0]); ok {
				return verbRE.ReplaceAllString(f, "*")
			}
		}
	}
	return "*"
}

var verbRE = regexp.MustCompile(`%[-+# 0-9.*\[\]]*[a-zA-Z%]`)

// callee returns the function or method a call statically names, or nil.
func callee(info *types.Info, call *ast.CallExpr) *types.Func {
	fn, _ := typeutil.Callee(info, call).(*types.Func)
	return fn
}

// funcPath returns fn's package path and receiver type name ("" for functions).
func funcPath(fn *types.Func) (pkg, recv string) {
	if fn.Pkg() != nil {
		pkg = fn.Pkg().Path()
	}
	if sig, ok := fn.Type().(*types.Signature); ok && sig.Recv() != nil {
		if n := namedOf(sig.Recv().Type()); n != nil {
			recv = n.Obj().Name()
		}
	}
	return pkg, recv
}

// namedOf returns the named type of t or *t.
func namedOf(t types.Type) *types.Named {
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		t = p.Elem()
	}
	n, _ := types.Unalias(t).(*types.Named)
	return n
}

// typeName returns the package path and name of e's (pointer-stripped) named type.
func typeName(info *types.Info, e ast.Expr) (pkg, name string) {
	n := namedOf(info.TypeOf(e))
	if n == nil || n.Obj().Pkg() == nil {
		return "", ""
	}
	return n.Obj().Pkg().Path(), n.Obj().Name()
}

// field returns the value given to the named field in a struct literal,
// keyed or positional, or nil.
func field(info *types.Info, lit *ast.CompositeLit, name string) ast.Expr {
	t := info.TypeOf(lit)
	if t == nil {
		return nil
	}
	st, ok := t.Underlying().(*types.Struct)
	if !ok {
		return nil
	}
	for i, elt := range lit.Elts {
		if kv, ok := elt.(*ast.KeyValueExpr); ok {
			if id, ok := kv.Key.(*ast.Ident); ok && id.Name == name {
				return kv.Value
			}
			continue
		}
		if i < st.NumFields() && st.Field(i).Name() == name {
			return elt
		}
	}
	return nil
}

// funcDecl returns the declaration of a function of this package.
func (c *checker) funcDecl(fn *types.Func) *ast.FuncDecl {
	if c.funcDecls == nil {
		c.funcDecls = map[*types.Func]*ast.FuncDecl{}
		for cur := range c.in.Root().Preorder((*ast.FuncDecl)(nil)) {
			fd := cur.Node().(*ast.FuncDecl)
			if obj, ok := c.info.Defs[fd.Name].(*types.Func); ok && fd.Body != nil {
				c.funcDecls[obj] = fd
			}
		}
	}
	return c.funcDecls[fn]
}

// literalSecret returns the value of a credential written into the code: a
// constant string, []byte("...") of one, or a package-level variable
// initialised with one. ok is false for anything computed at run time.
func (c *checker) literalSecret(e ast.Expr) (string, bool) {
	e = ast.Unparen(e)
	if sel, ok := e.(*ast.SelectorExpr); ok {
		if k, ok := c.info.Uses[sel.Sel].(*types.Const); ok && k.Pkg() != nil && isJWTPkg(k.Pkg().Path()) {
			return "", false // jwt.UnsafeAllowNoneSignatureType is a marker, not a secret
		}
	}
	if s, ok := constString(c.info, e); ok {
		return s, true
	}
	switch e := e.(type) {
	case *ast.CallExpr:
		if tv, ok := c.info.Types[e.Fun]; ok && tv.IsType() && len(e.Args) == 1 {
			return constString(c.info, e.Args[0])
		}
	case *ast.Ident:
		if v, ok := c.info.Uses[e].(*types.Var); ok && v.Parent() == c.pass.Pkg.Scope() {
			if init := c.packageVars()[v]; init != nil {
				if _, isIdent := ast.Unparen(init).(*ast.Ident); !isIdent {
					return c.literalSecret(init)
				}
			}
		}
	}
	return "", false
}

func (c *checker) packageVars() map[*types.Var]ast.Expr {
	if c.pkgVars == nil {
		c.pkgVars = map[*types.Var]ast.Expr{}
		for _, f := range c.files {
			for _, d := range f.Decls {
				gd, ok := d.(*ast.GenDecl)
				if !ok || gd.Tok != token.VAR {
					continue
				}
				for _, spec := range gd.Specs {
					vs := spec.(*ast.ValueSpec)
					if len(vs.Values) != len(vs.Names) {
						continue
					}
					for i, n := range vs.Names {
						if v, ok := c.info.Defs[n].(*types.Var); ok {
							c.pkgVars[v] = vs.Values[i]
						}
					}
				}
			}
		}
	}
	return c.pkgVars
}

// reportSecret reports a literal credential once, redacted.
func (c *checker) reportSecret(e ast.Expr, what, where string) {
	v, ok := c.literalSecret(e)
	if !ok || isPlaceholder(v) || c.secretDone[e.Pos()] || c.secretSeen[v] {
		return
	}
	c.secretDone[e.Pos()] = true
	if tok := apiTokenRE.FindString(v); tok != "" {
		ruleHardcodedSecret.Reportf(c.pass, e,
			"hard-coded Atlassian API token %s passed to %s: load it from the environment or a secret store, and revoke this one",
			redact(tok), where)
		return
	}
	ruleHardcodedSecret.Reportf(c.pass, e, "hard-coded %s %s passed to %s: load it from the environment or a secret store",
		what, redact(v), where)
}

// redact describes a secret without revealing it: its length and, for long
// values only, its first four characters.
func redact(s string) string {
	r := []rune(s)
	if len(r) >= 16 {
		return strconv.Quote(string(r[:4])+"…") + " (" + strconv.Itoa(len(r)) + " chars)"
	}
	return "(" + strconv.Itoa(len(r)) + " chars)"
}

// definition returns the expression last assigned to a local variable
// before pos in body, or nil.
func (c *checker) definition(body ast.Node, id *ast.Ident) ast.Expr {
	obj := c.info.ObjectOf(id)
	if obj == nil || body == nil {
		return nil
	}
	var found ast.Expr
	ast.Inspect(body, func(n ast.Node) bool {
		if n == nil {
			return true
		}
		if n.Pos() >= id.Pos() {
			return false
		}
		switch n := n.(type) {
		case *ast.AssignStmt:
			for i, lhs := range n.Lhs {
				if l, ok := lhs.(*ast.Ident); ok && c.info.ObjectOf(l) == obj {
					if len(n.Rhs) == len(n.Lhs) {
						found = n.Rhs[i]
					} else if len(n.Rhs) == 1 {
						found = n.Rhs[0]
					}
				}
			}
		case *ast.ValueSpec:
			for i, name := range n.Names {
				if c.info.Defs[name] == obj && i < len(n.Values) {
					found = n.Values[i]
				} else if c.info.Defs[name] == obj && len(n.Values) == 1 {
					found = n.Values[0]
				}
			}
		}
		return true
	})
	return found
}
