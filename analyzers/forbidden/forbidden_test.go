package forbidden_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/connectlint/connectlint/analyzers/forbidden"
	"github.com/connectlint/connectlint/internal/testenv"
)

func TestForbidden(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), forbidden.Analyzer,
		"nethttp", "helpers", "helperuse", "jiraapp", "atlassianapp", "github.com/...")
}

// TestStrict checks -forbidden.strict: a checked status must tell 403
// apart, itself or through a helper.
func TestStrict(t *testing.T) {
	if err := forbidden.Analyzer.Flags.Set("strict", "true"); err != nil {
		t.Fatal(err)
	}
	defer forbidden.Analyzer.Flags.Set("strict", "false")
	analysistest.Run(t, analysistest.TestData(), forbidden.Analyzer, "strictmode")
}

// TestLibraries runs the check on an app using the real go-jira and
// go-atlassian sources from the module proxy: that their methods report a
// non-2xx status as an error is learnt from their code.
func TestLibraries(t *testing.T) {
	dir := testenv.DownloadedModule(t, "testdata/libs")
	analysistest.Run(t, dir, forbidden.Analyzer, "./app")
}
