package restcalls_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/connectlint/connectlint/analyzers/restcalls"
)

func TestDiscovery(t *testing.T) {
	defer restcalls.UseLookup(restcalls.FakeLookup)()
	restcalls.SetReport(true)
	defer restcalls.SetReport(false)
	analysistest.Run(t, analysistest.TestData(), restcalls.Analyzer,
		"direct", "wrappers", "wrapuser")
}
