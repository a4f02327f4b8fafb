package authn

import (
	"go/ast"
	"go/token"
	"go/types"
	"reflect"
	"strings"

	"golang.org/x/tools/go/ast/inspector"

	"github.com/connectlint/connectlint/internal/rules"
)

// checkTransport reports insecure-tls and the plaintext-http findings that
// need types (struct fields, + chains); literals are checked in scanLiterals.
func (c *checker) checkTransport() {
	for cur := range c.in.Root().Preorder((*ast.KeyValueExpr)(nil), (*ast.AssignStmt)(nil), (*ast.BinaryExpr)(nil), (*ast.CallExpr)(nil)) {
		switch n := cur.Node().(type) {
		case *ast.KeyValueExpr:
			if lit, ok := cur.Parent().Node().(*ast.CompositeLit); ok {
				c.checkField(cur, lit, nil, n.Key, n.Value)
			}
		case *ast.AssignStmt:
			if len(n.Lhs) == len(n.Rhs) {
				for i, lhs := range n.Lhs {
					if sel, ok := lhs.(*ast.SelectorExpr); ok {
						c.checkField(cur, nil, sel, sel.Sel, n.Rhs[i])
					}
				}
			}
		case *ast.BinaryExpr:
			if n.Op != token.ADD || inAddChain(cur) {
				continue // only whole + chains
			}
			c.plaintextInExpr(n)
		case *ast.CallExpr:
			if isSprintf(c.info, n) {
				c.plaintextInExpr(n)
			}
		}
	}
	c.checkOAuth1()
}

// checkField looks at a value given to a struct field, in a literal (lit)
// or by assignment (sel), or to a map key: tls.Config.InsecureSkipVerify and
// a Connect baseUrl.
func (c *checker) checkField(cur inspector.Cursor, lit *ast.CompositeLit, sel *ast.SelectorExpr, key ast.Expr, value ast.Expr) {
	if id, ok := key.(*ast.Ident); ok {
		v, _ := c.info.ObjectOf(id).(*types.Var)
		if v == nil || !v.IsField() {
			return
		}
		if v.Name() == "InsecureSkipVerify" && v.Pkg() != nil && v.Pkg().Path() == "crypto/tls" {
			c.insecureSkipVerify(cur, lit, sel, value)
			return
		}
		var owner types.Type
		if lit != nil {
			owner = c.info.TypeOf(lit)
		} else if s, ok := c.info.Selections[sel]; ok && s.Kind() == types.FieldVal {
			owner = s.Recv()
		}
		if owner != nil && jsonName(owner, v) == "baseUrl" {
			c.plaintextBaseURL(value)
		}
		return
	}
	if t := c.info.TypeOf(lit); lit != nil && t != nil {
		if _, isMap := t.Underlying().(*types.Map); isMap {
			if k, ok := constString(c.info, key); ok && strings.EqualFold(k, "baseUrl") {
				c.plaintextBaseURL(value)
			}
		}
	}
}

// insecureSkipVerify reports a value given to InsecureSkipVerify, in a
// tls.Config literal (lit) or by assignment (sel), when the configuration
// is used for requests to Atlassian (see flowDest): a constant true
// always on, or on under a condition that is not an explicit opt-in, is
// an error; a value computed at run time is a note. An explicit opt-in
// (a value or condition named insecure, skip-verify, ssl-verify, ...), or a
// value the caller passes as a parameter, is the user's informed choice,
// like curl's --insecure, and is not reported.
func (c *checker) insecureSkipVerify(cur inspector.Cursor, lit *ast.CompositeLit, sel *ast.SelectorExpr, value ast.Expr) {
	tv := c.info.Types[value]
	isConst := tv.Value != nil
	if isConst && tv.Value.String() != "true" {
		return // false: verification stays on
	}
	cond := c.condition(cur)
	switch {
	case isConst && cond != nil && c.optIn(cond, cur, false):
		return
	case !isConst && c.optIn(value, cur, true):
		return
	}
	f := c.newFlow()
	var d dest
	if lit != nil {
		d = f.flowDest(cur.Parent(), 0)
	} else {
		d = f.objectDest(cur, sel.X, 0)
	}
	if d != destAtlassian {
		return // not ours to judge: the configuration's requests go elsewhere, or cannot be told
	}
	switch {
	case isConst && cond == nil:
		ruleInsecureTLS.Reportf(c.pass, value, "InsecureSkipVerify: true turns off TLS certificate checks on a client that calls Atlassian, so anyone on the network path can read the credentials and tokens it sends: remove it (add a private CA to RootCAs instead)")
	case isConst:
		ruleInsecureTLS.Reportf(c.pass, value, "InsecureSkipVerify: true whenever %s turns off TLS certificate checks on a client that calls Atlassian, so anyone on the network path can read the credentials and tokens it sends: remove it (add a private CA to RootCAs instead)", types.ExprString(cond))
	default:
		ruleInsecureTLS.ReportSeverityf(c.pass, value, rules.Note, "InsecureSkipVerify is set from %s on a client that calls Atlassian: it must never be true in production, where it lets anyone on the network path read the credentials sent to Atlassian", types.ExprString(value))
	}
}

// optIn reports whether a value or condition is an explicit opt-in to
// skip TLS verification: it names the option (insecure, verify, ssl,
// tls, self-signed) or, for a value (param), is a bool parameter of the
// enclosing function or its negation (the caller's choice, as in a
// library's VerifyTLS(bool) method). A condition such as proxyURL != ""
// names no such option: TLS is off whenever a proxy is set.
func (c *checker) optIn(e ast.Expr, cur inspector.Cursor, param bool) bool {
	if param {
		x := ast.Unparen(e)
		if u, ok := x.(*ast.UnaryExpr); ok && u.Op == token.NOT {
			x = ast.Unparen(u.X)
		}
		if id, ok := x.(*ast.Ident); ok {
			if v, ok := c.info.Uses[id].(*types.Var); ok {
				if fn, _ := c.paramOf(v); fn != nil && fn == enclosingFunc(c.info, cur) {
					return true
				}
			}
		}
	}
	found := false
	ast.Inspect(e, func(n ast.Node) bool {
		var name string
		switch n := n.(type) {
		case *ast.Ident:
			name = n.Name
		case *ast.BasicLit:
			name, _ = constString(c.info, n)
		}
		l := strings.ToLower(name)
		for _, w := range []string{"insecure", "verify", "ssl", "tls", "selfsigned", "self_signed", "self-signed"} {
			if strings.Contains(l, w) {
				found = true
			}
		}
		return !found
	})
	return found
}

// condition returns the run-time condition of the nearest if statement
// around cur in the same function, or nil.
func (c *checker) condition(cur inspector.Cursor) ast.Expr {
	for e := range cur.Enclosing((*ast.IfStmt)(nil), (*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		ifs, ok := e.Node().(*ast.IfStmt)
		if !ok {
			return nil
		}
		if ifs.Cond.Pos() <= cur.Node().Pos() && cur.Node().End() <= ifs.Cond.End() {
			continue // inside the condition itself
		}
		if tv := c.info.Types[ifs.Cond]; tv.Value == nil {
			return ifs.Cond
		}
	}
	return nil
}

// jsonName returns the JSON name of field f of struct type t, or "".
func jsonName(t types.Type, f *types.Var) string {
	if t == nil {
		return ""
	}
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	st, _ := t.Underlying().(*types.Struct)
	if st == nil {
		return ""
	}
	for i := range st.NumFields() {
		if st.Field(i) == f {
			name, _, _ := strings.Cut(reflect.StructTag(st.Tag(i)).Get("json"), ",")
			return name
		}
	}
	return ""
}

// inAddChain reports whether the expression at cur is an operand of an
// enclosing +, through parentheses: that whole chain is checked instead.
// Checking every parenthesised level of a + chain would render it once
// per level, cubic in its depth.
func inAddChain(cur inspector.Cursor) bool {
	for p := cur.Parent(); ; p = p.Parent() {
		switch n := p.Node().(type) {
		case *ast.ParenExpr:
			continue
		case *ast.BinaryExpr:
			return n.Op == token.ADD
		default:
			return false
		}
	}
}

// plaintextBaseURL reports a Connect baseUrl built with http://.
func (c *checker) plaintextBaseURL(value ast.Expr) {
	if c.alreadyReported(value) {
		return
	}
	t := template(c.info, value)
	if !strings.HasPrefix(t, "http://") {
		return
	}
	host := hostOf(t[len("http://"):])
	if isLocalhost(host) {
		return
	}
	c.reported = append(c.reported, posRange{value.Pos(), value.End()})
	rulePlaintextHTTP.Reportf(c.pass, value, "Connect baseUrl %s uses http://: Atlassian sends the installation secret and every JWT to it, so it must be https://", shown(t))
}

// plaintextInLiteral checks one string literal for http:// Atlassian URLs
// and for a JSON descriptor text with an http:// baseUrl.
func (c *checker) plaintextInLiteral(lit *ast.BasicLit, s string) {
	for _, m := range httpURLRE.FindAllStringSubmatch(s, -1) {
		if !strings.HasPrefix(s, m[0]) && strings.ContainsAny(s, " \t\n") {
			continue // an example in prose (help text, a message), not a URL the code uses
		}
		if isAtlassianHost(m[1]) {
			c.reported = append(c.reported, posRange{lit.Pos(), lit.End()})
			rulePlaintextHTTP.Reportf(c.pass, lit, "plain http:// URL to Atlassian host %s sends credentials and data unencrypted: use https://", m[1])
			return
		}
	}
	if m := jsonBaseURLRE.FindStringSubmatch(s); m != nil && !isLocalhost(hostOf(m[1])) {
		c.reported = append(c.reported, posRange{lit.Pos(), lit.End()})
		rulePlaintextHTTP.Reportf(c.pass, lit, "Connect baseUrl http://%s uses http://: Atlassian sends the installation secret and every JWT to it, so it must be https://", m[1])
	}
}

// plaintextInExpr checks a + chain or Sprintf call whose parts together
// form an http:// Atlassian URL.
func (c *checker) plaintextInExpr(e ast.Expr) {
	if c.alreadyReported(e) {
		return
	}
	t := template(c.info, e)
	for _, m := range httpURLRE.FindAllStringSubmatch(t, -1) {
		if isAtlassianHost(m[1]) {
			c.reported = append(c.reported, posRange{e.Pos(), e.End()})
			rulePlaintextHTTP.Reportf(c.pass, e, "plain http:// URL to Atlassian host %s sends credentials and data unencrypted: use https://", m[1])
			return
		}
	}
}

// hostOf returns the host part (without port) of a URL's text after the scheme.
func hostOf(rest string) string {
	end := strings.IndexAny(rest, "/?#\"")
	if end >= 0 {
		rest = rest[:end]
	}
	if strings.HasPrefix(rest, "[") {
		if i := strings.Index(rest, "]"); i >= 0 {
			return rest[:i+1]
		}
	}
	host, _, _ := strings.Cut(rest, ":")
	return strings.ToLower(host)
}

func isLocalhost(host string) bool {
	return host == "localhost" || strings.HasSuffix(host, ".localhost") || strings.HasPrefix(host, "127.") ||
		host == "[::1]" || host == "0.0.0.0"
}

func isAtlassianHost(host string) bool {
	h := strings.ToLower(hostOf(host))
	for _, suffix := range []string{".atlassian.net", ".jira.com", ".jira-dev.com"} {
		if strings.HasSuffix(h, suffix) {
			return true
		}
	}
	return h == "api.atlassian.com" || h == "auth.atlassian.com"
}

// shown quotes a URL template for a message, shortened.
func shown(t string) string {
	if len(t) > 60 {
		t = t[:57] + "..."
	}
	return `"` + t + `"`
}

// alreadyReported says whether a plaintext-http finding overlaps e.
func (c *checker) alreadyReported(e ast.Expr) bool {
	for _, r := range c.reported {
		if r.pos < e.End() && e.Pos() < r.end {
			return true
		}
	}
	return false
}
