package grants

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"net/url"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/connectlint/connectlint/internal/authz"
	"github.com/connectlint/connectlint/internal/rules"
)

// authorizeURL is Atlassian's 3LO authorization endpoint.
const authorizeURL = "auth.atlassian.com/authorize"

// findAuthorizeURLs reports hand-built authorize URLs as grants: the scope
// query parameter of a constant URL, of fmt.Sprintf("...authorize?...
// &scope=%s...", scopes), of "...&scope=" + scopes + "...", or set with
// url.Values in a function that names the authorize endpoint.
func (c *checker) findAuthorizeURLs() {
	for _, file := range c.pass.Files {
		if strings.HasSuffix(c.pass.Fset.File(file.Pos()).Name(), "_test.go") {
			continue
		}
		for _, decl := range file.Decls {
			fn, ok := decl.(*ast.FuncDecl)
			if !ok || fn.Body == nil {
				continue
			}
			c.authorizeInFunc(fn.Body)
		}
	}
}

func (c *checker) authorizeInFunc(body *ast.BlockStmt) {
	names := false // the function names the authorize endpoint
	ast.Inspect(body, func(n ast.Node) bool {
		e, ok := n.(ast.Expr)
		if !ok {
			return true
		}
		s := c.r.constString(e)
		if !strings.Contains(s, authorizeURL) {
			return true
		}
		names = true
		// A whole constant URL with its query (no Sprintf verbs).
		if _, q, ok := strings.Cut(s, "?"); ok {
			if vals, err := url.ParseQuery(q); err == nil && vals.Has("scope") {
				l := c.r.splitConst(e, vals.Get("scope"))
				at := c.literalOf(e)
				l.entries = placeAll(l.entries, c, at) // decoded text: placed at the literal
				c.addGrant(&authz.Grant{Model: authz.OAuth, Kind: "authorize URL", At: position(c.pass.Fset, at.Pos()), Scopes: l.entries})
			}
		}
		return false // the parts of a constant say no more
	})
	if !names {
		return
	}
	// The scope given to Sprintf's verb, or concatenated after "scope=", or
	// set in url.Values.
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.CallExpr:
			switch c.r.funcName(n) {
			case "fmt.Sprintf":
				c.sprintfScope(n)
			case "net/url.Values.Set", "net/url.Values.Add":
				if len(n.Args) == 2 && c.r.constString(n.Args[0]) == "scope" {
					c.scopeValue(n.Args[1], n.Pos())
				}
			}
		case *ast.CompositeLit:
			if tv := c.pass.TypesInfo.TypeOf(n); tv != nil && types.TypeString(tv, nil) == "net/url.Values" {
				if v := mapValue(c, n, "scope"); v != nil {
					if vals, ok := ast.Unparen(v).(*ast.CompositeLit); ok && len(vals.Elts) == 1 {
						c.scopeValue(vals.Elts[0], n.Pos())
					}
				}
			}
		case *ast.BinaryExpr:
			// (A wholly constant URL was read above.)
			if n.Op == token.ADD && strings.HasSuffix(c.lastConst(n.X), "scope=") && c.r.constString(n) == "" {
				c.scopeValue(n.Y, n.Y.Pos())
			}
		}
		return true
	})
}

// lastConst is the constant text e ends with: e's own value, or that of
// the last operand of a concatenation.
func (c *checker) lastConst(e ast.Expr) string {
	if s := c.r.constString(e); s != "" {
		return s
	}
	if b, ok := ast.Unparen(e).(*ast.BinaryExpr); ok && b.Op == token.ADD {
		return c.r.constString(b.Y)
	}
	return ""
}

// sprintfScope handles fmt.Sprintf("...authorize?...scope=%s...", ...).
func (c *checker) sprintfScope(call *ast.CallExpr) {
	if len(call.Args) < 2 {
		return
	}
	format := c.r.constString(call.Args[0])
	if !strings.Contains(format, authorizeURL) {
		return
	}
	i := strings.Index(format, "scope=%")
	if i < 0 {
		return
	}
	arg := strings.Count(strings.ReplaceAll(format[:i], "%%", ""), "%")
	if 1+arg < len(call.Args) {
		c.scopeValue(call.Args[1+arg], call.Pos())
	}
}

// scopeValue adds a grant for a space-separated scope string.
func (c *checker) scopeValue(e ast.Expr, at token.Pos) {
	l := c.r.words(e)
	c.addGrant(&authz.Grant{Model: authz.OAuth, Kind: "authorize URL", At: position(c.pass.Fset, at), Scopes: l.entries, Partial: l.partial})
}

func mapValue(c *checker, lit *ast.CompositeLit, key string) ast.Expr {
	for _, elt := range lit.Elts {
		if kv, ok := elt.(*ast.KeyValueExpr); ok && c.r.constString(kv.Key) == key {
			return kv.Value
		}
	}
	return nil
}

// placeAll puts entries whose text was decoded at the literal e.
func placeAll(es []authz.Entry, c *checker, e ast.Expr) []authz.Entry {
	for i := range es {
		es[i].At = position(c.pass.Fset, e.Pos())
		es[i].End = c.pass.Fset.Position(e.End()).Offset
	}
	return es
}

// literalOf is where a constant expression's text is written: the
// declaration of a constant of this package that e names, else e.
func (c *checker) literalOf(e ast.Expr) ast.Expr {
	if id, ok := ast.Unparen(e).(*ast.Ident); ok {
		if k, ok := c.pass.TypesInfo.Uses[id].(*types.Const); ok && k.Pkg() == c.pass.Pkg {
			for _, f := range c.pass.Files {
				var val ast.Expr
				ast.Inspect(f, func(n ast.Node) bool {
					if vs, ok := n.(*ast.ValueSpec); ok {
						for i, name := range vs.Names {
							if c.pass.TypesInfo.Defs[name] == k && i < len(vs.Values) {
								val = vs.Values[i]
							}
						}
					}
					return val == nil
				})
				if val != nil {
					return val
				}
			}
		}
	}
	return e
}

// goAtlassianOAuth is the package of go-atlassian v2's OAuth 2.0 service.
const goAtlassianOAuth = "github.com/ctreminiom/go-atlassian/v2/"

// findGoAtlassian reports the scopes passed to go-atlassian's
// GetAuthorizationURL as a grant; the library always adds offline_access.
func (c *checker) findGoAtlassian() {
	c.inspect(func(n ast.Node, _ []ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok || len(call.Args) != 2 {
			return true
		}
		fn := calledFunc(c.pass.TypesInfo, call)
		if fn == nil || fn.Name() != "GetAuthorizationURL" || fn.Pkg() == nil || !strings.HasPrefix(fn.Pkg().Path(), goAtlassianOAuth) {
			return true
		}
		l := c.r.list(call.Args[0])
		g := &authz.Grant{Model: authz.OAuth, Kind: "go-atlassian OAuth", At: position(c.pass.Fset, call.Pos()),
			Scopes: l.entries, Partial: l.partial, Implicit: []string{authz.OfflineAccess}}
		if l.lit != nil && !l.partial {
			g.Insert = c.insertFor(l.lit)
		}
		c.addGrant(g)
		return true
	})
}

// reportUnknown reports the grant's scopes that are misspelt OAuth 2.0
// scopes. A name far from every known scope is left alone: it may be a
// scope of a product connectlint does not cover.
func (c *checker) reportUnknown(g *authz.Grant) {
	m := authz.ModelOf(g.Model)
	for _, e := range g.Scopes {
		if m.Known(e.Name) {
			continue
		}
		if _, ok := authz.ConnectScope(e.Name); ok && !authz.IsConnectOnForge(e.Name) {
			c.report(e, "unknown OAuth 2.0 scope %q: %s is a Connect scope, which belongs in atlassian-connect.json", e.Name, strings.ToUpper(e.Name))
			continue
		}
		if s := m.Suggest(e.Name); s != "" {
			c.report(e, "unknown scope %q; did you mean %s?", e.Name, s)
		}
	}
}

func (c *checker) report(e authz.Entry, format string, args ...any) {
	tf := c.pass.Fset.File(c.pass.Files[0].Pos())
	for _, f := range c.pass.Files {
		if ff := c.pass.Fset.File(f.Pos()); ff.Name() == e.At.File {
			tf = ff
		}
	}
	if tf.Name() != e.At.File || e.End > tf.Size() {
		return
	}
	r, ok := rules.Lookup("unknown-scope")
	if !ok {
		r = &rules.Rule{ID: "unknown-scope"}
	}
	r.Reportf(c.pass, span{tf.Pos(e.At.Offset), tf.Pos(e.End)}, format, args...)
}

type span struct{ pos, end token.Pos }

func (s span) Pos() token.Pos { return s.pos }
func (s span) End() token.Pos { return s.end }

var _ analysis.Range = span{}

// findSiteSetups finds client-library setups that pair an OAuth 2.0 token
// with an Atlassian site URL: go-atlassian's New(client, site,
// WithOAuth(...)) or New over an oauth2 client, go-jira's NewClient over
// an oauth2 client, with a site written as https://x.atlassian.net or
// taken from an accessible resource's URL (go-atlassian's own OAuth example
// does). Atlassian accepts OAuth 2.0 tokens only through
// https://api.atlassian.com/ex/{product}/{cloudId}.
func (c *checker) findSiteSetups() {
	c.inspect(func(n ast.Node, _ []ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok {
			return true
		}
		fn := calledFunc(c.pass.TypesInfo, call)
		if fn == nil || fn.Pkg() == nil || fn.Signature().Recv() != nil {
			return true
		}
		path := fn.Pkg().Path()
		library := strings.Contains(path, "go-atlassian") || strings.Contains(path, "go-jira")
		if !library || fn.Name() != "New" && fn.Name() != "NewClient" {
			return true
		}
		oauth, site := false, ""
		for _, a := range call.Args {
			if c.oauthClient(a, 0) || c.oauthOption(a) {
				oauth = true
			}
			if s := c.siteURL(a, 0); s != "" {
				site = s
			}
		}
		if oauth && site != "" {
			c.siteSetups = append(c.siteSetups, Use{
				What: fmt.Sprintf("%s.%s pairs an OAuth 2.0 token with the site URL %s", fn.Pkg().Name(), fn.Name(), site),
				At:   position(c.pass.Fset, call.Pos()),
			})
		}
		return true
	})
}

// oauthClient reports whether e is an *http.Client from golang.org/x/oauth2.
func (c *checker) oauthClient(e ast.Expr, depth int) bool {
	if depth > 4 {
		return false
	}
	switch e := ast.Unparen(e).(type) {
	case *ast.CallExpr:
		switch c.r.funcName(e) {
		case oauth2Pkg + ".Config.Client", oauth2Pkg + ".NewClient":
			return true
		}
	case *ast.Ident:
		if v, ok := c.r.object(e).(*types.Var); ok {
			if defs := c.r.defs[v]; len(defs) == 1 {
				return c.oauthClient(defs[0], depth+1)
			}
		}
	}
	return false
}

// oauthOption reports whether e is go-atlassian's WithOAuth option.
func (c *checker) oauthOption(e ast.Expr) bool {
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok {
		return false
	}
	fn := calledFunc(c.pass.TypesInfo, call)
	return fn != nil && fn.Pkg() != nil && strings.Contains(fn.Pkg().Path(), "go-atlassian") && strings.HasPrefix(fn.Name(), "WithOAuth")
}

// siteURL returns e's text when e is an Atlassian site URL: a constant
// https://x.atlassian.net, or the URL of go-atlassian's accessible
// resource (the site a token may access: its URL is the site's, not the
// gateway's).
func (c *checker) siteURL(e ast.Expr, depth int) string {
	if depth > 4 {
		return ""
	}
	if s := c.r.constString(e); s != "" {
		if u, err := url.Parse(s); err == nil && strings.HasSuffix(strings.ToLower(u.Hostname()), ".atlassian.net") {
			return s
		}
		return ""
	}
	switch e := ast.Unparen(e).(type) {
	case *ast.SelectorExpr:
		if e.Sel.Name == "URL" {
			if t := c.pass.TypesInfo.TypeOf(e.X); t != nil && strings.Contains(types.TypeString(t, nil), "go-atlassian") && strings.HasSuffix(types.TypeString(t, nil), "AccessibleResource") {
				return types.ExprString(e) + " (an accessible resource's site URL)"
			}
		}
	case *ast.Ident:
		if v, ok := c.r.object(e).(*types.Var); ok {
			if defs := c.r.defs[v]; len(defs) == 1 {
				return c.siteURL(defs[0], depth+1)
			}
		}
	}
	return ""
}
