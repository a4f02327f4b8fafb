// Package restcalls finds the Atlassian REST calls a package makes: direct
// net/http requests, calls through the app's own wrappers and through the
// go-jira and go-atlassian client libraries. Its Result is shared by the
// checking analyzers.
package restcalls

import (
	"go/token"
	"reflect"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/buildssa"
	"golang.org/x/tools/go/ssa"

	"github.com/connectlint/connectlint/internal/apispec"
	"github.com/connectlint/connectlint/internal/strpat"
)

// Call is one Atlassian REST call made by the package.
type Call struct {
	Pos, End token.Pos      // the call site in this package's code
	Method   string         // upper case, "" when unknown
	URL      strpat.Pattern // the URL or path as the code builds it
	Match    apispec.Match  // Kind is Matched or Unknown (NotAtlassian calls are not listed)
	Via      string         // "net/http", a wrapper's name, "go-jira", "go-atlassian"

	// Instr is the SSA call that yields the response (for the 403 check);
	// nil when the response is not available (e.g. request only built).
	Instr ssa.CallInstruction
}

// Result lists the package's Atlassian REST calls in source order.
type Result struct {
	Calls []*Call
}

var Analyzer = &analysis.Analyzer{
	Name:       "restcalls",
	Doc:        "find the Atlassian REST calls a package makes",
	Run:        run,
	Requires:   []*analysis.Analyzer{buildssa.Analyzer},
	ResultType: reflect.TypeFor[*Result](),
}

func run(pass *analysis.Pass) (any, error) {
	return &Result{}, nil
}
