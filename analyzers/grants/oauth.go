package grants

import (
	"bytes"
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"github.com/connectlint/connectlint/internal/authz"
	"github.com/connectlint/connectlint/internal/gotypes"
)

// atlassianAuthHost is the host of Atlassian's OAuth 2.0 authorization
// server (authorize and token endpoints).
const atlassianAuthHost = "auth.atlassian.com"

// config is one golang.org/x/oauth2.Config of the package.
type config struct {
	lit    *ast.CompositeLit // nil for a variable set field by field
	obj    types.Object      // the variable holding it, if any
	at     token.Pos
	params []*ast.CallExpr // AuthCodeURL calls on it
}

// findConfigs reports the package's Atlassian oauth2.Config values as
// grants: their Scopes, or the scope parameter their AuthCodeURL calls set.
func (c *checker) findConfigs() {
	var configs []*config
	byObj := map[types.Object]*config{}
	c.inspect(func(n ast.Node, stack []ast.Node) bool {
		lit, ok := n.(*ast.CompositeLit)
		if !ok || !isConfig(c.pass.TypesInfo.TypeOf(lit)) {
			return true
		}
		cf := &config{lit: lit, obj: c.boundTo(stack), at: lit.Pos()}
		if p, ok := stack[len(stack)-2].(*ast.UnaryExpr); ok && p.Op == token.AND {
			cf.at = p.Pos()
		}
		configs = append(configs, cf)
		if cf.obj != nil {
			byObj[cf.obj] = cf
		}
		return true
	})
	// Variables set field by field: var conf oauth2.Config; conf.Scopes = ...
	for obj, fields := range c.r.fields {
		if byObj[obj] != nil || !isConfig(obj.Type()) || fields["Endpoint"] == nil && fields["Scopes"] == nil {
			continue
		}
		cf := &config{obj: obj, at: obj.Pos()}
		configs = append(configs, cf)
		byObj[obj] = cf
	}
	// AuthCodeURL(state, opts...) on a config variable.
	c.inspect(func(n ast.Node, _ []ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok || c.r.funcName(call) != oauth2Pkg+".Config.AuthCodeURL" {
			return true
		}
		if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
			if cf := byObj[c.r.rootObject(sel.X)]; cf != nil {
				cf.params = append(cf.params, call)
			}
		}
		return true
	})
	for _, cf := range configs {
		c.addConfig(cf)
	}
}

// boundTo is the variable a composite literal at the top of stack is
// assigned to, if any.
func (c *checker) boundTo(stack []ast.Node) types.Object {
	child := stack[len(stack)-1]
	for i := len(stack) - 2; i >= 0; i-- {
		switch p := stack[i].(type) {
		case *ast.ParenExpr:
		case *ast.UnaryExpr:
			if p.Op != token.AND {
				return nil
			}
		case *ast.AssignStmt:
			for j, rhs := range p.Rhs {
				if rhs == child && j < len(p.Lhs) {
					if id, ok := ast.Unparen(p.Lhs[j]).(*ast.Ident); ok {
						return c.r.object(id)
					}
				}
			}
			return nil
		case *ast.ValueSpec:
			for j, v := range p.Values {
				if v == child && j < len(p.Names) {
					return c.pass.TypesInfo.Defs[p.Names[j]]
				}
			}
			return nil
		default:
			return nil
		}
		child = stack[i]
	}
	return nil
}

func (c *checker) addConfig(cf *config) {
	var endpoints, scopes []ast.Expr
	if cf.lit != nil {
		if e := fieldValue(cf.lit, "Endpoint"); e != nil {
			endpoints = append(endpoints, e)
		}
		if e := fieldValue(cf.lit, "Scopes"); e != nil {
			scopes = append(scopes, e)
		}
	}
	if cf.obj != nil {
		endpoints = append(endpoints, c.r.fields[cf.obj]["Endpoint"]...)
		if s := c.r.fields[cf.obj]["Scopes"]; len(s) > 0 {
			scopes = s // assigned after the literal: that value is the one used
		}
	}
	atlassian := false
	for _, e := range endpoints {
		atlassian = atlassian || c.atlassianEndpoint(e, 0)
	}
	var paramGrants []*authz.Grant
	for _, call := range cf.params {
		for _, opt := range call.Args[1:] {
			name, value := c.authURLParam(opt)
			switch name {
			case "audience":
				// Atlassian's 3LO asks for audience=api.atlassian.com.
				atlassian = atlassian || c.r.constString(value) == "api.atlassian.com"
			case "scope":
				l := c.r.words(value)
				paramGrants = append(paramGrants, &authz.Grant{
					Model: authz.OAuth, Kind: "scope parameter", At: position(c.pass.Fset, opt.Pos()),
					Scopes: l.entries, Partial: l.partial, Key: c.key(cf),
				})
			}
		}
	}
	if !atlassian {
		return // another vendor's client, or one we cannot tell
	}
	if len(paramGrants) > 0 {
		// The scope parameter replaces the Scopes in the authorize URL.
		for _, g := range paramGrants {
			c.addGrant(g)
		}
		return
	}
	g := &authz.Grant{Model: authz.OAuth, Kind: "oauth2.Config", At: position(c.pass.Fset, cf.at), Key: c.key(cf)}
	switch len(scopes) {
	case 0:
		g.Partial = true // no Scopes: the scope may be asked for elsewhere
	case 1:
		l := c.r.list(scopes[0])
		g.Scopes, g.Partial = l.entries, l.partial
		if l.lit != nil && !l.partial {
			g.Insert = c.insertFor(l.lit)
		}
	default:
		g.Partial = true
	}
	c.addGrant(g)
}

func (c *checker) addGrant(g *authz.Grant) {
	c.own.Grants = append(c.own.Grants, g)
	c.reportUnknown(g)
}

// key identifies a config for credential matching: the package-level
// variable holding it, else its position.
func (c *checker) key(cf *config) string {
	if v, ok := cf.obj.(*types.Var); ok && v.Parent() == c.pass.Pkg.Scope() {
		return authz.VarKey(v.Pkg().Path(), v.Name())
	}
	return authz.PosKey(position(c.pass.Fset, cf.at))
}

// authURLParam reads oauth2.SetAuthURLParam(name, value).
func (c *checker) authURLParam(opt ast.Expr) (string, ast.Expr) {
	call, ok := ast.Unparen(opt).(*ast.CallExpr)
	if !ok || len(call.Args) != 2 || c.r.funcName(call) != oauth2Pkg+".SetAuthURLParam" {
		return "", nil
	}
	return c.r.constString(call.Args[0]), call.Args[1]
}

// atlassianEndpoint reports whether an oauth2.Endpoint expression is
// Atlassian's: a literal whose URLs name auth.atlassian.com, a variable
// holding one, or a variable of another package marked by a fact.
func (c *checker) atlassianEndpoint(e ast.Expr, depth int) bool {
	if depth > 8 {
		return false
	}
	switch e := ast.Unparen(e).(type) {
	case *ast.CompositeLit:
		for _, f := range []string{"AuthURL", "TokenURL", "DeviceAuthURL"} {
			if v := fieldValue(e, f); v != nil && strings.Contains(c.r.constString(v), atlassianAuthHost) {
				return true
			}
		}
		return false
	case *ast.UnaryExpr:
		return e.Op == token.MUL && c.atlassianEndpoint(e.X, depth+1)
	case *ast.StarExpr:
		return c.atlassianEndpoint(e.X, depth+1)
	case *ast.Ident, *ast.SelectorExpr:
		var id *ast.Ident
		if sel, ok := e.(*ast.SelectorExpr); ok {
			id = sel.Sel
		} else {
			id = e.(*ast.Ident)
		}
		v, ok := c.pass.TypesInfo.Uses[id].(*types.Var)
		if !ok || v.IsField() {
			return false
		}
		if v.Pkg() != c.pass.Pkg {
			return c.pass.ImportObjectFact(v, new(endpointFact))
		}
		defs := c.r.defs[v]
		return len(defs) == 1 && defs[0] != nil && c.atlassianEndpoint(defs[0], depth+1)
	}
	return false
}

// exportEndpoints marks the package's Atlassian oauth2.Endpoint variables.
func (c *checker) exportEndpoints() {
	scope := c.pass.Pkg.Scope()
	for _, name := range scope.Names() {
		v, ok := scope.Lookup(name).(*types.Var)
		if !ok || !v.Exported() || !gotypes.IsNamed(v.Type(), oauth2Pkg, "Endpoint") && !gotypes.IsPointerTo(v.Type(), oauth2Pkg, "Endpoint") {
			continue
		}
		if defs := c.r.defs[v]; len(defs) == 1 && defs[0] != nil && c.atlassianEndpoint(defs[0], 0) {
			c.pass.ExportObjectFact(v, new(endpointFact))
		}
	}
}

// insertFor says how -fix adds scopes to a []string literal, keeping its
// layout: one per line when it has one element per line, else inline.
func (c *checker) insertFor(lit *ast.CompositeLit) *authz.Insert {
	tf := c.pass.Fset.File(lit.Pos())
	src, err := c.pass.ReadFile(tf.Name())
	if err != nil || len(src) != tf.Size() {
		return nil
	}
	in := &authz.Insert{File: tf.Name(), Quote: true, Before: ", "}
	if len(lit.Elts) == 0 {
		in.Offset = tf.Offset(lit.Lbrace) + 1
		return in
	}
	last := lit.Elts[len(lit.Elts)-1]
	end := tf.Offset(last.End())
	if tf.Line(lit.Rbrace) == tf.Line(last.End()) {
		in.Offset, in.First = end, ", "
		return in
	}
	// One per line: after the trailing comma, on a line of its own with the
	// last element's indentation.
	rest := src[end:]
	i := bytes.IndexByte(rest, ',')
	if i < 0 || len(bytes.TrimSpace(rest[:i])) != 0 {
		return nil
	}
	lineStart := bytes.LastIndexByte(src[:tf.Offset(last.Pos())], '\n') + 1
	indent := src[lineStart:tf.Offset(last.Pos())]
	if len(bytes.TrimLeft(indent, " \t")) != 0 {
		return nil // something else before it on its line
	}
	in.Offset = end + i + 1
	in.First = "\n" + string(indent)
	in.Before = in.First
	in.After = ","
	return in
}
