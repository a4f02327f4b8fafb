package forbidden

import (
	"go/constant"
	"go/types"
	"strings"

	"golang.org/x/tools/go/ssa"

	"github.com/connectlint/connectlint/internal/gotypes"
)

func deref(t types.Type) types.Type {
	if p, ok := t.Underlying().(*types.Pointer); ok {
		return p.Elem()
	}
	return t
}

func isInteger(t types.Type) bool {
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Info()&types.IsInteger != 0
}

// isStatusType tells whether a field or parameter can hold a status code
// or text.
func isStatusType(t types.Type) bool { return gotypes.IsString(t) || isInteger(t) }

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
