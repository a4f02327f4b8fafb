package restcalls_test

import (
	"os"
	"os/exec"
	"path/filepath"
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

// TestLibraries runs discovery on an app using the real go-jira and
// go-atlassian sources from the module proxy.
func TestLibraries(t *testing.T) {
	if testing.Short() {
		t.Skip("downloads modules")
	}
	dir, err := filepath.Abs("../../testdata/libs")
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command("go", "mod", "download")
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOFLAGS=-mod=mod")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Skipf("module proxy unreachable, skipping: go mod download: %v\n%s", err, out)
	}
	defer restcalls.UseLookup(restcalls.FakeLookup)()
	restcalls.SetReport(true)
	defer restcalls.SetReport(false)
	analysistest.Run(t, dir, restcalls.Analyzer, "./app")
}

// TestAPITable checks the filter and the matched operations with the real
// API table.
func TestAPITable(t *testing.T) {
	restcalls.SetReport(true)
	defer restcalls.SetReport(false)
	analysistest.Run(t, analysistest.TestData(), restcalls.Analyzer, "matched")
}
