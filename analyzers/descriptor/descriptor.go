// Package descriptor finds, parses and validates the Atlassian Connect app
// descriptor (atlassian-connect.json) and hands the typed result to the
// other analyzers.
package descriptor

import (
	"go/token"
	"reflect"

	"golang.org/x/tools/go/analysis"

	"github.com/connectlint/connectlint/internal/connect"
)

// Result is what other analyzers see. Descriptor is nil when no descriptor
// was found or it could not be parsed; checks that need it stay silent then.
type Result struct {
	Descriptor *connect.Descriptor
	// File is the descriptor's token.File in pass.Fset, for positions.
	File *token.File
}

// Pos converts a byte offset in the descriptor to a token.Pos.
func (r *Result) Pos(offset int) token.Pos {
	if r == nil || r.File == nil {
		return token.NoPos
	}
	return r.File.Pos(offset)
}

var Analyzer = &analysis.Analyzer{
	Name:       "descriptor",
	Doc:        "find, parse and validate the Atlassian Connect app descriptor",
	Run:        run,
	ResultType: reflect.TypeFor[*Result](),
}

func run(pass *analysis.Pass) (any, error) {
	return &Result{}, nil
}
