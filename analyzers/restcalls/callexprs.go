package restcalls

import (
	"go/ast"
	"go/token"

	"golang.org/x/tools/go/ssa"
)

// CallExprs finds the call expression of an SSA call instruction (by the
// position of its left parenthesis), so that a finding can span the whole
// call. The index over the package's files is built on first use.
type CallExprs struct {
	files    []*ast.File
	byLparen map[token.Pos]*ast.CallExpr
}

// NewCallExprs indexes the call expressions of files.
func NewCallExprs(files []*ast.File) *CallExprs { return &CallExprs{files: files} }

// Extent returns the start and end of instr's call expression, or instr's
// position twice when the call has no expression (an implicit call).
func (x *CallExprs) Extent(instr ssa.CallInstruction) (pos, end token.Pos) {
	if x.byLparen == nil {
		x.byLparen = map[token.Pos]*ast.CallExpr{}
		for _, f := range x.files {
			ast.Inspect(f, func(n ast.Node) bool {
				if c, ok := n.(*ast.CallExpr); ok {
					x.byLparen[c.Lparen] = c
				}
				return true
			})
		}
	}
	if c := x.byLparen[instr.Common().Pos()]; c != nil {
		return c.Pos(), c.End()
	}
	return instr.Pos(), instr.Pos()
}
