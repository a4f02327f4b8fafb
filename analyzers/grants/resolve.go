package grants

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"net/url"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/connectlint/connectlint/internal/authz"
)

// resolver reads scope lists and scope strings from the package's syntax:
// slice literals, constants, variables with one value, append, field
// values of composite literals, strings.Fields and strings.Join.
// Everything else makes the list partial.
type resolver struct {
	pass *analysis.Pass
	// defs are the values assigned to each variable of the package
	// (initialiser, =, :=), except self-appends.
	defs map[types.Object][]ast.Expr
	// appends are the calls append(v, ...) assigned back to v.
	appends map[types.Object][]*ast.CallExpr
	// fields are the field assignments v.F = x, by variable and field.
	fields map[types.Object]map[string][]ast.Expr
	active map[ast.Expr]bool // cycle guard
}

func newResolver(pass *analysis.Pass) *resolver {
	r := &resolver{
		pass:    pass,
		defs:    map[types.Object][]ast.Expr{},
		appends: map[types.Object][]*ast.CallExpr{},
		fields:  map[types.Object]map[string][]ast.Expr{},
		active:  map[ast.Expr]bool{},
	}
	for _, f := range pass.Files {
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.ValueSpec:
				for i, name := range n.Names {
					obj := pass.TypesInfo.Defs[name]
					if obj == nil {
						continue
					}
					switch {
					case len(n.Values) == len(n.Names):
						r.defs[obj] = append(r.defs[obj], n.Values[i])
					case len(n.Values) > 0:
						r.defs[obj] = append(r.defs[obj], nil) // v1, v2 = f()
					}
				}
			case *ast.AssignStmt:
				r.assign(n)
			}
			return true
		})
	}
	return r
}

func (r *resolver) assign(n *ast.AssignStmt) {
	if n.Tok != token.ASSIGN && n.Tok != token.DEFINE {
		return
	}
	for i, lhs := range n.Lhs {
		var rhs ast.Expr
		if len(n.Rhs) == len(n.Lhs) {
			rhs = n.Rhs[i]
		}
		switch lhs := ast.Unparen(lhs).(type) {
		case *ast.Ident:
			obj := r.object(lhs)
			if obj == nil {
				continue
			}
			if call, ok := ast.Unparen(rhs).(*ast.CallExpr); ok && r.isAppendTo(call, obj) {
				r.appends[obj] = append(r.appends[obj], call)
				continue
			}
			r.defs[obj] = append(r.defs[obj], rhs)
		case *ast.SelectorExpr:
			root := r.rootObject(lhs.X)
			if root == nil {
				continue
			}
			if r.fields[root] == nil {
				r.fields[root] = map[string][]ast.Expr{}
			}
			r.fields[root][lhs.Sel.Name] = append(r.fields[root][lhs.Sel.Name], rhs)
		}
	}
}

// object is the variable an identifier defines or uses.
func (r *resolver) object(id *ast.Ident) types.Object {
	if obj := r.pass.TypesInfo.Defs[id]; obj != nil {
		return obj
	}
	return r.pass.TypesInfo.Uses[id]
}

// rootObject is the variable x names (x, *x, &x).
func (r *resolver) rootObject(x ast.Expr) types.Object {
	switch x := ast.Unparen(x).(type) {
	case *ast.Ident:
		if v, ok := r.object(x).(*types.Var); ok {
			return v
		}
	case *ast.StarExpr:
		return r.rootObject(x.X)
	case *ast.UnaryExpr:
		if x.Op == token.AND {
			return r.rootObject(x.X)
		}
	}
	return nil
}

func (r *resolver) isAppendTo(call *ast.CallExpr, obj types.Object) bool {
	if !r.isBuiltin(call, "append") || len(call.Args) == 0 {
		return false
	}
	id, ok := ast.Unparen(call.Args[0]).(*ast.Ident)
	return ok && r.object(id) == obj
}

func (r *resolver) isBuiltin(call *ast.CallExpr, name string) bool {
	id, ok := ast.Unparen(call.Fun).(*ast.Ident)
	if !ok {
		return false
	}
	b, ok := r.pass.TypesInfo.Uses[id].(*types.Builtin)
	return ok && b.Name() == name
}

// scopeList is what a resolved list holds.
type scopeList struct {
	entries []authz.Entry
	partial bool
	// lit is the slice literal the list is written as, when it is one
	// literal of this package: -fix adds scopes to it.
	lit *ast.CompositeLit
}

func (l *scopeList) add(m scopeList) {
	l.entries = append(l.entries, m.entries...)
	l.partial = l.partial || m.partial
}

// list resolves a []string expression.
func (r *resolver) list(e ast.Expr) scopeList {
	if e == nil || r.active[e] {
		return scopeList{partial: true}
	}
	r.active[e] = true
	defer delete(r.active, e)
	switch e := ast.Unparen(e).(type) {
	case *ast.CompositeLit:
		l := scopeList{lit: e}
		for _, elt := range e.Elts {
			if kv, ok := elt.(*ast.KeyValueExpr); ok {
				elt = kv.Value
			}
			l.add(r.element(elt))
		}
		return l
	case *ast.Ident:
		if e.Name == "nil" {
			return scopeList{}
		}
		return r.variable(r.object(e))
	case *ast.SelectorExpr:
		if obj, ok := r.pass.TypesInfo.Uses[e.Sel].(*types.Var); ok && !obj.IsField() {
			return r.variable(obj) // pkg.Scopes
		}
		return r.field(e)
	case *ast.CallExpr:
		return r.call(e)
	}
	return scopeList{partial: true}
}

// variable resolves a variable with one value (plus appends to it).
func (r *resolver) variable(obj types.Object) scopeList {
	v, ok := obj.(*types.Var)
	if !ok {
		return scopeList{partial: true}
	}
	if v.Pkg() != r.pass.Pkg {
		var f ScopeListFact
		if r.pass.ImportObjectFact(v, &f) {
			return scopeList{entries: f.Entries, partial: f.Partial}
		}
		return scopeList{partial: true}
	}
	defs := r.defs[v]
	if len(defs) != 1 || defs[0] == nil {
		return scopeList{partial: true}
	}
	l := r.list(defs[0])
	for _, call := range r.appends[v] {
		l.add(r.appendArgs(call))
		l.lit = nil // -fix would miss the appended part's layout
	}
	return l
}

// field resolves x.F where x is a variable whose value is a composite
// literal setting F (go-atlassian's oauthConfig.Scopes).
func (r *resolver) field(sel *ast.SelectorExpr) scopeList {
	root := r.rootObject(sel.X)
	if root == nil {
		return scopeList{partial: true}
	}
	if vals := r.fields[root][sel.Sel.Name]; len(vals) > 0 {
		if len(vals) > 1 {
			return scopeList{partial: true}
		}
		return r.list(vals[0])
	}
	defs := r.defs[root]
	if len(defs) != 1 {
		return scopeList{partial: true}
	}
	if lit := compositeLit(defs[0]); lit != nil {
		if v := fieldValue(lit, sel.Sel.Name); v != nil {
			return r.list(v)
		}
		return scopeList{} // the field is not set: no scopes
	}
	return scopeList{partial: true}
}

// call resolves append(...), strings.Fields(s) and strings.Split(s, " ").
func (r *resolver) call(call *ast.CallExpr) scopeList {
	if r.isBuiltin(call, "append") && len(call.Args) > 0 {
		l := r.list(call.Args[0])
		l.lit = nil
		l.add(r.appendArgs(call))
		return l
	}
	switch r.funcName(call) {
	case "strings.Fields":
		if len(call.Args) == 1 {
			return r.words(call.Args[0])
		}
	case "strings.Split":
		if len(call.Args) == 2 && r.constString(call.Args[1]) == " " {
			return r.words(call.Args[0])
		}
	}
	return scopeList{partial: true}
}

func (r *resolver) appendArgs(call *ast.CallExpr) scopeList {
	var l scopeList
	for i, a := range call.Args[1:] {
		if call.Ellipsis.IsValid() && i == len(call.Args)-2 {
			l.add(r.list(a))
			continue
		}
		l.add(r.element(a))
	}
	return l
}

// element resolves one string element of a list.
func (r *resolver) element(e ast.Expr) scopeList {
	tv, ok := r.pass.TypesInfo.Types[e]
	if !ok || tv.Value == nil || tv.Value.Kind() != constant.String {
		return scopeList{partial: true}
	}
	return scopeList{entries: []authz.Entry{r.entry(constant.StringVal(tv.Value), e.Pos(), e.End())}}
}

func (r *resolver) entry(name string, pos, end token.Pos) authz.Entry {
	return authz.Entry{Name: name, At: position(r.pass.Fset, pos), End: r.pass.Fset.Position(end).Offset}
}

// words resolves a string of scopes separated by spaces: a constant, or
// strings.Join of a list, or an escape of either (url.QueryEscape).
func (r *resolver) words(e ast.Expr) scopeList {
	e = ast.Unparen(e)
	if tv, ok := r.pass.TypesInfo.Types[e]; ok && tv.Value != nil && tv.Value.Kind() == constant.String {
		return r.splitConst(e, constant.StringVal(tv.Value))
	}
	if call, ok := e.(*ast.CallExpr); ok {
		switch r.funcName(call) {
		case "strings.Join":
			if len(call.Args) == 2 && strings.TrimSpace(r.constString(call.Args[1])) == "" && r.constString(call.Args[1]) != "" {
				return r.list(call.Args[0])
			}
		case "net/url.QueryEscape", "net/url.PathEscape", "strings.TrimSpace":
			if len(call.Args) == 1 {
				return r.words(call.Args[0])
			}
		}
	}
	if id, ok := e.(*ast.Ident); ok {
		if v, ok := r.object(id).(*types.Var); ok && v.Pkg() == r.pass.Pkg {
			if defs := r.defs[v]; len(defs) == 1 && defs[0] != nil && len(r.appends[v]) == 0 {
				return r.words(defs[0])
			}
		}
	}
	return scopeList{partial: true}
}

// splitConst splits a constant scope string, placing each scope exactly
// when e is a plain string literal, else at e.
func (r *resolver) splitConst(e ast.Expr, s string) scopeList {
	if strings.Contains(s, "%") {
		// Percent-encoded, as in a URL: read%3Ajira-work+write%3Ajira-work.
		if u, err := url.QueryUnescape(s); err == nil {
			s = u
		}
	}
	s = strings.ReplaceAll(s, "+", " ") // form-encoded spaces
	var l scopeList
	lit, _ := e.(*ast.BasicLit)
	exact := lit != nil && len(lit.Value) >= 2 && lit.Value[1:len(lit.Value)-1] == s
	off := 0
	for _, w := range strings.Fields(s) {
		i := strings.Index(s[off:], w) + off
		off = i + len(w)
		if exact {
			pos := lit.Pos() + 1 + token.Pos(i)
			l.entries = append(l.entries, r.entry(w, pos, pos+token.Pos(len(w))))
			continue
		}
		l.entries = append(l.entries, r.entry(w, e.Pos(), e.End()))
	}
	return l
}

// constString is e's constant string value, "" if it has none.
func (r *resolver) constString(e ast.Expr) string {
	if tv, ok := r.pass.TypesInfo.Types[e]; ok && tv.Value != nil && tv.Value.Kind() == constant.String {
		return constant.StringVal(tv.Value)
	}
	return ""
}

// funcName is "pkgpath.Func" or "pkgpath.Type.Method" for a static call.
func (r *resolver) funcName(call *ast.CallExpr) string {
	fn := calledFunc(r.pass.TypesInfo, call)
	if fn == nil || fn.Pkg() == nil {
		return ""
	}
	if recv := fn.Signature().Recv(); recv != nil {
		t := recv.Type()
		if p, ok := t.(*types.Pointer); ok {
			t = p.Elem()
		}
		if n, ok := types.Unalias(t).(*types.Named); ok {
			return fn.Pkg().Path() + "." + n.Obj().Name() + "." + fn.Name()
		}
		return fn.Pkg().Path() + "." + fn.Name()
	}
	return fn.Pkg().Path() + "." + fn.Name()
}

// calledFunc is the function or method a call statically calls (interface
// methods included), nil for other calls.
func calledFunc(info *types.Info, call *ast.CallExpr) *types.Func {
	var id *ast.Ident
	switch f := ast.Unparen(call.Fun).(type) {
	case *ast.Ident:
		id = f
	case *ast.SelectorExpr:
		id = f.Sel
	case *ast.IndexExpr: // generic instantiation
		return calledFunc(info, &ast.CallExpr{Fun: f.X})
	default:
		return nil
	}
	fn, _ := info.Uses[id].(*types.Func)
	return fn
}

// compositeLit is the composite literal e is (or points to).
func compositeLit(e ast.Expr) *ast.CompositeLit {
	switch e := ast.Unparen(e).(type) {
	case *ast.CompositeLit:
		return e
	case *ast.UnaryExpr:
		if e.Op == token.AND {
			return compositeLit(e.X)
		}
	}
	return nil
}

// fieldValue is the value a keyed struct literal gives a field, or nil.
func fieldValue(lit *ast.CompositeLit, name string) ast.Expr {
	for _, elt := range lit.Elts {
		if kv, ok := elt.(*ast.KeyValueExpr); ok {
			if id, ok := kv.Key.(*ast.Ident); ok && id.Name == name {
				return kv.Value
			}
		}
	}
	return nil
}

func position(fset *token.FileSet, pos token.Pos) authz.Position {
	p := fset.Position(pos)
	return authz.Position{File: p.Filename, Line: p.Line, Column: p.Column, Offset: p.Offset}
}

// quote is a scope as a Go string literal.
func quote(s string) string { return strconv.Quote(s) }
