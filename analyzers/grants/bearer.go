package grants

import (
	"go/ast"
	"go/constant"
	"go/types"
	"strings"
)

// The JWT bearer grant: a Connect app exchanges a JWT signed with its
// shared secret at Atlassian's authorization server for a token that acts
// as a user (https://developer.atlassian.com/cloud/jira/platform/oauth-2-jwt-bearer-token-authorization-grant-type/).
// The grant type alone is RFC 7523's and other vendors use it too, so the
// package must also name Atlassian's server.
const (
	jwtBearerGrantType = "urn:ietf:params:oauth:grant-type:jwt-bearer"
	connectAuthServer  = "oauth-2-authorization-server.services.atlassian.com"
)

// impersonates marks a function that exchanges a JWT for a user's token,
// itself or through the functions it calls. App tells whether the function
// is the app's own code: the app's calls of a library's function are where
// the need is reported, not a call of its own wrapper.
type impersonates struct{ App bool }

func (*impersonates) AFact()         {}
func (*impersonates) String() string { return "acts as user" }

// bearerFuncs are library functions that make the JWT bearer grant by
// their nature, whose package does not name Atlassian's server (the
// caller configures it): golang.org/x/oauth2/jira.
var bearerFuncs = map[string]bool{
	"golang.org/x/oauth2/jira.Config.TokenSource": true,
	"golang.org/x/oauth2/jira.Config.Client":      true,
}

// findActAsUser finds the app's uses of the JWT bearer grant, and marks
// the functions that make it.
func (c *checker) findActAsUser() {
	info := c.pass.TypesInfo
	hasServer := false
	type funcInfo struct {
		decl    *ast.FuncDecl
		obj     *types.Func
		grants  []ast.Expr      // references to the grant type
		callees []*ast.CallExpr // static calls
	}
	var funcs []*funcInfo
	byObj := map[*types.Func]*funcInfo{}
	for _, file := range c.pass.Files {
		test := strings.HasSuffix(c.pass.Fset.File(file.Pos()).Name(), "_test.go")
		ast.Inspect(file, func(n ast.Node) bool {
			if e, ok := n.(ast.Expr); ok && !test {
				if tv, ok := info.Types[e]; ok && tv.Value != nil && tv.Value.Kind() == constant.String &&
					strings.Contains(constant.StringVal(tv.Value), connectAuthServer) {
					hasServer = true
				}
			}
			return true
		})
		if test {
			continue
		}
		for _, decl := range file.Decls {
			fd, ok := decl.(*ast.FuncDecl)
			if !ok || fd.Body == nil {
				continue
			}
			fi := &funcInfo{decl: fd}
			fi.obj, _ = info.Defs[fd.Name].(*types.Func)
			ast.Inspect(fd.Body, func(n ast.Node) bool {
				switch n := n.(type) {
				case *ast.CallExpr:
					fi.callees = append(fi.callees, n)
				case *ast.BasicLit, *ast.Ident, *ast.SelectorExpr:
					e := n.(ast.Expr)
					if c.r.constString(e) == jwtBearerGrantType {
						fi.grants = append(fi.grants, e)
						return false
					}
				}
				return true
			})
			funcs = append(funcs, fi)
			if fi.obj != nil {
				byObj[fi.obj] = fi
			}
		}
	}
	marked := map[*types.Func]bool{}
	imported := func(fn *types.Func) (*impersonates, bool) {
		var f impersonates
		if fn.Pkg() != nil && fn.Pkg() != c.pass.Pkg && c.pass.ImportObjectFact(fn.Origin(), &f) {
			return &f, true
		}
		return nil, false
	}
	calls := func(fi *funcInfo) bool {
		for _, call := range fi.callees {
			fn := calledFunc(info, call)
			if fn == nil {
				continue
			}
			if marked[fn.Origin()] {
				return true
			}
			if _, ok := imported(fn); ok {
				return true
			}
		}
		return false
	}
	for changed := true; changed; {
		changed = false
		for _, fi := range funcs {
			if fi.obj == nil || marked[fi.obj] {
				continue
			}
			if hasServer && len(fi.grants) > 0 || calls(fi) {
				marked[fi.obj] = true
				changed = true
			}
		}
	}
	for fn := range marked {
		if fn.Exported() {
			c.pass.ExportObjectFact(fn, &impersonates{App: c.app})
		}
	}
	if !c.app {
		return
	}
	for _, fi := range funcs {
		if hasServer {
			for _, g := range fi.grants {
				c.own.ActAsUser = append(c.own.ActAsUser, Use{What: "the JWT bearer grant (acting as a user)", At: position(c.pass.Fset, g.Pos())})
			}
		}
		for _, call := range fi.callees {
			fn := calledFunc(info, call)
			if fn == nil {
				continue
			}
			if bearerFuncs[c.r.funcName(call)] {
				c.own.ActAsUser = append(c.own.ActAsUser, Use{
					What: funcText(fn) + " (the JWT bearer grant: acting as a user)",
					At:   position(c.pass.Fset, call.Pos()),
				})
				continue
			}
			if f, ok := imported(fn); ok && !f.App {
				c.own.ActAsUser = append(c.own.ActAsUser, Use{
					What: funcText(fn) + " (the JWT bearer grant: acting as a user)",
					At:   position(c.pass.Fset, call.Pos()),
				})
			}
		}
	}
}

// funcText names a function for messages: "hostrequest.HostRequest.AsUser".
func funcText(fn *types.Func) string {
	name := fn.Name()
	if recv := fn.Signature().Recv(); recv != nil {
		t := recv.Type()
		if p, ok := t.(*types.Pointer); ok {
			t = p.Elem()
		}
		if n, ok := types.Unalias(t).(*types.Named); ok {
			name = n.Obj().Name() + "." + name
		}
	}
	if fn.Pkg() != nil {
		name = fn.Pkg().Name() + "." + name
	}
	return name
}

// refreshFuncs are the library functions that refresh an OAuth 2.0 token
// when it expires, by "package.[Type.]Func".
var refreshFuncs = map[string]bool{
	oauth2Pkg + ".Config.TokenSource":         true,
	oauth2Pkg + ".Config.Client":              true,
	oauth2Pkg + ".ReuseTokenSource":           true,
	oauth2Pkg + ".ReuseTokenSourceWithExpiry": true,
}

// goAtlassianRefresh are go-atlassian v2's refreshing functions, by name.
var goAtlassianRefresh = map[string]bool{
	"RefreshAccessToken": true, "WithAutoRenewalToken": true, "WithOAuthWithAutoRenewal": true,
}

// findRefresh finds where the app refreshes OAuth 2.0 tokens: through
// golang.org/x/oauth2's token sources, go-atlassian's renewal, or a
// hand-built refresh_token request to Atlassian's token endpoint.
func (c *checker) findRefresh() {
	if !c.app {
		return
	}
	tokenEndpoint := false
	var refreshLits []ast.Expr
	c.inspect(func(n ast.Node, _ []ast.Node) bool {
		switch n := n.(type) {
		case *ast.CallExpr:
			fn := calledFunc(c.pass.TypesInfo, n)
			if fn == nil || fn.Pkg() == nil {
				return true
			}
			name := c.r.funcName(n)
			if refreshFuncs[name] || strings.HasPrefix(fn.Pkg().Path(), goAtlassianOAuth) && goAtlassianRefresh[fn.Name()] {
				c.own.Refresh = append(c.own.Refresh, Use{What: funcText(fn), At: position(c.pass.Fset, n.Pos())})
			}
		case *ast.BasicLit:
			s := c.r.constString(n)
			switch {
			case strings.Contains(s, atlassianAuthHost+"/oauth/token"):
				tokenEndpoint = true
			case s == "refresh_token":
				refreshLits = append(refreshLits, n)
			}
		}
		return true
	})
	if tokenEndpoint {
		for _, e := range refreshLits {
			c.own.Refresh = append(c.own.Refresh, Use{What: "a refresh_token request", At: position(c.pass.Fset, e.Pos())})
		}
	}
}
