package forbidden

import (
	"go/constant"
	"go/types"
	"strings"

	"golang.org/x/tools/go/ssa"
)

func deref(t types.Type) types.Type {
	if p, ok := t.Underlying().(*types.Pointer); ok {
		return p.Elem()
	}
	return t
}

func isNamed(t types.Type, pkg, name string) bool {
	n, ok := types.Unalias(t).(*types.Named)
	return ok && n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == pkg && n.Obj().Name() == name
}

func isHTTPResponsePtr(t types.Type) bool {
	p, ok := t.Underlying().(*types.Pointer)
	return ok && isNamed(p.Elem(), "net/http", "Response")
}

func isRequestPtr(t types.Type) bool {
	p, ok := t.Underlying().(*types.Pointer)
	return ok && isNamed(p.Elem(), "net/http", "Request")
}

// isResponseType reports whether t is *http.Response or a pointer to a
// struct holding one (go-jira's *Response, go-atlassian's
// *ResponseScheme).
func isResponseType(t types.Type) bool {
	if isHTTPResponsePtr(t) {
		return true
	}
	p, ok := t.Underlying().(*types.Pointer)
	if !ok {
		return false
	}
	st, ok := p.Elem().Underlying().(*types.Struct)
	if !ok {
		return false
	}
	for i := range st.NumFields() {
		ft := st.Field(i).Type()
		if isNamed(ft, "net/http", "Response") || isHTTPResponsePtr(ft) {
			return true
		}
	}
	return false
}

func isString(t types.Type) bool {
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Info()&types.IsString != 0
}

func isInteger(t types.Type) bool {
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Info()&types.IsInteger != 0
}

// isStatusType tells whether a field or parameter can hold a status code
// or text.
func isStatusType(t types.Type) bool { return isString(t) || isInteger(t) }

// isStatusParam tells whether a parameter looks like a status handed to
// a helper: an integer or string named like "status" or "code".
func isStatusParam(p *ssa.Parameter) bool {
	n := strings.ToLower(p.Name())
	return isStatusType(p.Type()) && (strings.Contains(n, "status") || strings.Contains(n, "code"))
}

func isError(t types.Type) bool {
	return types.Identical(t, types.Universe.Lookup("error").Type())
}

// lastError returns the index of a signature's last error result, or -1.
func lastError(sig *types.Signature) int {
	for i := sig.Results().Len() - 1; i >= 0; i-- {
		if isError(sig.Results().At(i).Type()) {
			return i
		}
	}
	return -1
}

func constantInt(c *ssa.Const) (int64, bool) {
	if c.Value == nil || c.Value.Kind() != constant.Int {
		return 0, false
	}
	return constant.Int64Val(c.Value)
}

// origin returns the generic function an instance was made from, or fn.
func origin(fn *ssa.Function) *ssa.Function {
	if o := fn.Origin(); o != nil {
		return o
	}
	return fn
}
