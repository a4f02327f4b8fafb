package forbidden_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/connectlint/connectlint/analyzers/forbidden"
)

func TestForbidden(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), forbidden.Analyzer,
		"nethttp", "helpers", "helperuse", "jiraapp", "atlassianapp", "github.com/...")
}
