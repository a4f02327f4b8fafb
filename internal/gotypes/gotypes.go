// Package gotypes answers the questions about Go types and SSA functions
// that several analyzers ask: is this a string, a *net/http.Request, a
// response, a *net/url.URL; which generic function is this an instance of.
package gotypes

import (
	"go/types"

	"golang.org/x/tools/go/ssa"
)

// IsNamed reports whether t (through aliases) is the named type pkg.name.
func IsNamed(t types.Type, pkg, name string) bool {
	n, ok := types.Unalias(t).(*types.Named)
	return ok && n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == pkg && n.Obj().Name() == name
}

// IsPointerTo reports whether t is a pointer to the named type pkg.name.
func IsPointerTo(t types.Type, pkg, name string) bool {
	p, ok := t.Underlying().(*types.Pointer)
	return ok && IsNamed(p.Elem(), pkg, name)
}

// IsString reports whether t's underlying type is a string type.
func IsString(t types.Type) bool {
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Info()&types.IsString != 0
}

// IsRequest reports whether t is *net/http.Request.
func IsRequest(t types.Type) bool { return IsPointerTo(t, "net/http", "Request") }

// IsURL reports whether t is *net/url.URL.
func IsURL(t types.Type) bool { return IsPointerTo(t, "net/url", "URL") }

// IsHTTPResponse reports whether t is *net/http.Response.
func IsHTTPResponse(t types.Type) bool { return IsPointerTo(t, "net/http", "Response") }

// IsResponse reports whether t is *http.Response or a pointer to a struct
// holding one, by value or pointer (go-jira's *Response, go-atlassian's
// *ResponseScheme).
func IsResponse(t types.Type) bool {
	p, ok := t.Underlying().(*types.Pointer)
	if !ok {
		return false
	}
	if IsNamed(p.Elem(), "net/http", "Response") {
		return true
	}
	st, ok := p.Elem().Underlying().(*types.Struct)
	if !ok {
		return false
	}
	for i := range st.NumFields() {
		if ft := st.Field(i).Type(); IsNamed(ft, "net/http", "Response") || IsHTTPResponse(ft) {
			return true
		}
	}
	return false
}

// Origin returns the generic function an instance was made from, or fn.
func Origin(fn *ssa.Function) *ssa.Function {
	if o := fn.Origin(); o != nil {
		return o
	}
	return fn
}
