package restcalls_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/connectlint/connectlint/analyzers/restcalls"
)

func TestDiscovery(t *testing.T) {
	defer restcalls.UseLookup(restcalls.FakeLookup)()
	restcalls.SetReport(true)
	defer restcalls.SetReport(false)
	results := analysistest.Run(t, analysistest.TestData(), restcalls.Analyzer,
		"direct", "wrappers", "wrapuser")
	checkResponses(t, results)
}

// checkResponses checks what the 403 analyzer relies on: Instr yields the
// response in result Response, and a call with a response has an Instr.
func checkResponses(t *testing.T, results []*analysistest.Result) {
	t.Helper()
	n := 0
	for _, r := range results {
		res, ok := r.Result.(*restcalls.Result)
		if !ok || res == nil {
			continue
		}
		if len(res.Calls) > 0 && res.SSA == nil {
			t.Errorf("%s: calls but no SSA", r.Pass.Pkg.Path())
		}
		for _, c := range res.Calls {
			pos := r.Pass.Fset.Position(c.Pos)
			if c.Instr == nil {
				if c.Response != -1 {
					t.Errorf("%s: no Instr but Response %d", pos, c.Response)
				}
				continue
			}
			if c.Response < 0 {
				continue
			}
			n++
			sig := c.Instr.Common().Signature()
			if c.Response >= sig.Results().Len() {
				t.Errorf("%s: Response %d out of range for %s", pos, c.Response, sig)
				continue
			}
			rt := sig.Results().At(c.Response).Type().String()
			if !strings.Contains(rt, "Response") {
				t.Errorf("%s: result %d of %s is %s, not a response", pos, c.Response, c.Instr, rt)
			}
		}
	}
	if n == 0 {
		t.Errorf("no call with a response found")
	}
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
	checkResponses(t, analysistest.Run(t, dir, restcalls.Analyzer, "./app"))
}

// TestAPITable checks the filter and the matched operations with the real
// API table.
func TestAPITable(t *testing.T) {
	restcalls.SetReport(true)
	defer restcalls.SetReport(false)
	analysistest.Run(t, analysistest.TestData(), restcalls.Analyzer, "matched")
}
