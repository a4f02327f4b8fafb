package authn

import (
	"go/ast"
	"go/types"
	"strings"

	"github.com/connectlint/connectlint/analyzers/descriptor"
)

// actsForUsers is the package fact of a package whose code acts for
// other users than the one who runs it (see actsForOthers); importers
// inherit it.
type actsForUsers struct {
	Why string // "a Connect app (atlassian-connect.json)", ...
}

func (*actsForUsers) AFact()           {}
func (f *actsForUsers) String() string { return "actsForUsers(" + f.Why + ")" }

// atlassianOAuth is the package fact of a package that names Atlassian's
// OAuth 2.0 authorization server (auth.atlassian.com), so that an
// importer running the authorization code flow with its Config is known
// as an Atlassian OAuth 2.0 app.
type atlassianOAuth struct{}

func (*atlassianOAuth) AFact()         {}
func (*atlassianOAuth) String() string { return "atlassianOAuth" }

// Markers of code that serves other users, noted by the literal scan.
type userMarkers struct {
	connectFile  bool // a string names atlassian-connect.json (the app serves its descriptor)
	installHook  bool // a struct field json:"sharedSecret": Connect's install payload
	forgeRemote  bool // reads x-forge-oauth-system / x-forge-oauth-user, or a Forge invocation token
	oauthServer  bool // a string names auth.atlassian.com
	oauthHandler bool // an HTTP handler calls (*oauth2.Config).AuthCodeURL or Exchange
}

// actsForOthers is the basic-auth and cookie-auth line: it says why the
// code seen from this package acts for other users than the one who runs
// it, or "" for a single-user tool (a CLI, a bot, an MCP server, a sync
// job run with one account), where Atlassian supports basic auth with an
// API token. The evidence, from this package and (through the
// actsForUsers fact) the packages it imports:
//
//   - a Connect app: an atlassian-connect.json found for the package (as
//     the descriptor analyzer finds it), a string naming
//     atlassian-connect.json (the app serves its descriptor), Connect's
//     install payload (a json:"sharedSecret" field), or atlas-gonnect;
//   - a Forge remote: the x-forge-oauth-system or x-forge-oauth-user
//     header, or a Forge invocation token (forge/invocation-token);
//   - an OAuth 2.0 (3LO) app: an HTTP handler that runs golang.org/x/oauth2's
//     authorization code flow (AuthCodeURL or Exchange) in code that names
//     auth.atlassian.com. The grants analyzer's OAuth 2.0 grants could
//     replace this evidence.
//
// Reading Connect JWTs alone (webhook receivers) is not evidence: a
// self-hosted sync service verifies Jira's webhooks and still acts with
// one service account.
func (c *checker) actsForOthers() string {
	if c.usersWhy != nil {
		return *c.usersWhy
	}
	why := c.ownUsersEvidence()
	if why == "" {
		for _, f := range c.pass.AllPackageFacts() {
			if u, ok := f.Fact.(*actsForUsers); ok && f.Package != c.pass.Pkg {
				why = u.Why
				break
			}
		}
	}
	c.usersWhy = &why
	return why
}

// ownUsersEvidence is this package's own evidence, "" when none.
func (c *checker) ownUsersEvidence() string {
	m := &c.users
	switch {
	case c.hasConnectDescriptor():
		return "a Connect app (atlassian-connect.json)"
	case m.connectFile:
		return "a Connect app (it serves atlassian-connect.json)"
	case m.installHook:
		return "a Connect app (it receives installations' shared secrets)"
	case c.importsGonnect():
		return "a Connect app (atlas-gonnect)"
	case m.forgeRemote:
		return "a Forge remote (it receives Forge invocations)"
	case m.oauthHandler && c.namesAtlassianOAuth():
		return "an OAuth 2.0 (3LO) app (its HTTP handlers sign users in with Atlassian)"
	}
	return ""
}

// exportUserFacts exports this package's evidence for its importers.
// Only the app's own packages give evidence: a dependency (a versioned
// module) is not the app, whatever it supports.
func (c *checker) exportUserFacts() {
	if m := c.pass.Module; m != nil && m.Version != "" {
		return
	}
	if c.users.oauthServer {
		c.pass.ExportPackageFact(&atlassianOAuth{})
	}
	if why := c.ownUsersEvidence(); why != "" {
		c.pass.ExportPackageFact(&actsForUsers{Why: why})
	}
}

func (c *checker) hasConnectDescriptor() bool {
	if r, ok := c.pass.ResultOf[descriptor.Analyzer].(*descriptor.Result); ok && r != nil && r.Descriptor != nil {
		return true
	}
	return false
}

func (c *checker) importsGonnect() bool {
	if strings.Contains(c.pass.Pkg.Path(), "/atlas-gonnect") {
		return false // the framework itself
	}
	for _, imp := range c.pass.Pkg.Imports() {
		if strings.Contains(imp.Path(), "/atlas-gonnect") {
			return true
		}
	}
	return false
}

func (c *checker) namesAtlassianOAuth() bool {
	if c.users.oauthServer {
		return true
	}
	for _, f := range c.pass.AllPackageFacts() {
		if _, ok := f.Fact.(*atlassianOAuth); ok {
			return true
		}
	}
	return false
}

// userLiteral notes the user markers a string literal shows.
func (m *userMarkers) literal(s string, tag bool) {
	l := strings.ToLower(s)
	if tag {
		if strings.Contains(s, `json:"sharedSecret`) {
			m.installHook = true
		}
		return
	}
	switch {
	case strings.Contains(l, "x-forge-oauth-system"), strings.Contains(l, "x-forge-oauth-user"),
		strings.Contains(l, "forge/invocation-token"):
		m.forgeRemote = true
	case strings.Contains(l, "atlassian-connect.json"):
		m.connectFile = true
	case strings.Contains(l, "auth.atlassian.com"):
		m.oauthServer = true
	}
}

// findOAuthHandlers notes an HTTP handler that runs the OAuth 2.0
// authorization code flow of golang.org/x/oauth2.
func (c *checker) findOAuthHandlers() {
	for cur := range c.in.Root().Preorder((*ast.CallExpr)(nil)) {
		fn := callee(c.info, cur.Node().(*ast.CallExpr))
		if fn == nil {
			continue
		}
		if pkg, recv := funcPath(fn); pkg != "golang.org/x/oauth2" || recv != "Config" || fn.Name() != "Exchange" && fn.Name() != "AuthCodeURL" {
			continue
		}
		for e := range cur.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
			var ft *ast.FuncType
			switch n := e.Node().(type) {
			case *ast.FuncDecl:
				ft = n.Type
			case *ast.FuncLit:
				ft = n.Type
			}
			if c.isHandler(ft) {
				c.users.oauthHandler = true
				return
			}
		}
	}
}

// isHandler reports whether a function takes an HTTP request: a
// net/http handler, or a web framework's context holding the request
// (gin's *gin.Context, echo's echo.Context).
func (c *checker) isHandler(ft *ast.FuncType) bool {
	for _, f := range ft.Params.List {
		if holdsRequest(c.info.TypeOf(f.Type)) {
			return true
		}
	}
	return false
}

func holdsRequest(t types.Type) bool {
	if t == nil {
		return false
	}
	if isHTTP(t, "Request") || isHTTP(t, "ResponseWriter") {
		return true
	}
	// A framework context: a Request field or method giving *http.Request.
	obj, _, _ := types.LookupFieldOrMethod(t, true, nil, "Request")
	switch obj := obj.(type) {
	case *types.Var:
		return isHTTP(obj.Type(), "Request")
	case *types.Func:
		sig := obj.Type().(*types.Signature)
		return sig.Results().Len() == 1 && isHTTP(sig.Results().At(0).Type(), "Request")
	}
	return false
}

// isHTTP reports whether t is net/http's named type (or a pointer to it).
func isHTTP(t types.Type, name string) bool {
	n := namedOf(t)
	return n != nil && n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == "net/http" && n.Obj().Name() == name
}
