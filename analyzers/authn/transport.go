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
			c.insecureSkipVerify(value, c.condition(cur))
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

// insecureSkipVerify reports a value given to InsecureSkipVerify. A true
// that only applies under a run-time condition (cond, such as an
// --insecure flag) is an opt-in and gets the weaker note, like a
// non-constant value.
func (c *checker) insecureSkipVerify(value ast.Expr, cond string) {
	tv := c.info.Types[value]
	switch {
	case tv.Value != nil && tv.Value.String() == "true" && cond == "":
		ruleInsecureTLS.Reportf(c.pass, value, "InsecureSkipVerify: true turns off TLS certificate checks, so anyone on the network path can read the credentials and tokens sent to Atlassian: remove it (add a private CA to RootCAs instead)")
	case tv.Value != nil && tv.Value.String() == "true":
		ruleInsecureTLS.ReportSeverityf(c.pass, value, rules.Note, "InsecureSkipVerify: true when %s: it must never be on in production, where it lets anyone on the network path read the credentials sent to Atlassian", cond)
	case tv.Value != nil:
		// false: verification stays on
	default:
		ruleInsecureTLS.ReportSeverityf(c.pass, value, rules.Note, "InsecureSkipVerify is set from %s: it must never be true in production, where it lets anyone on the network path read the credentials sent to Atlassian", types.ExprString(value))
	}
}

// condition returns the run-time condition of the nearest if statement
// around cur in the same function, or "".
func (c *checker) condition(cur inspector.Cursor) string {
	for e := range cur.Enclosing((*ast.IfStmt)(nil), (*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		ifs, ok := e.Node().(*ast.IfStmt)
		if !ok {
			return ""
		}
		if ifs.Cond.Pos() <= cur.Node().Pos() && cur.Node().End() <= ifs.Cond.End() {
			continue // inside the condition itself
		}
		if tv := c.info.Types[ifs.Cond]; tv.Value == nil {
			return types.ExprString(ifs.Cond)
		}
	}
	return ""
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
