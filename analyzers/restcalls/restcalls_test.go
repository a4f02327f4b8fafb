package restcalls_test

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/connectlint/connectlint/analyzers/restcalls"
	"github.com/connectlint/connectlint/internal/apispec"
	"github.com/connectlint/connectlint/internal/testenv"
)

func TestDiscovery(t *testing.T) {
	defer restcalls.UseLookup(restcalls.FakeLookup)()
	restcalls.SetReport(true)
	defer restcalls.SetReport(false)
	results := analysistest.Run(t, analysistest.TestData(), restcalls.Analyzer,
		"direct", "wrappers", "wrapuser", "ifaces", "switchwrap", "emptyseg", "passthrough")
	checkResponses(t, results)

	// A wrapper whose path extends the REST root sends an Atlassian
	// request: its response is listed in Sends, not in Calls.
	found := false
	for _, r := range results {
		res := r.Result.(*restcalls.Result)
		for _, c := range res.Sends {
			if c.Instr.Parent().Name() == "rootGet" {
				found = true
				if c.Method != "GET" || c.URL.String() != "…/rest/api/3…" || c.Match.Kind == apispec.NotAtlassian {
					t.Errorf("rootGet send = %s %s (%v)", c.Method, c.URL, c.Match.Kind)
				}
			}
		}
		for _, c := range res.Calls {
			if c.Instr != nil && c.Instr.Parent().Name() == "rootGet" {
				t.Errorf("rootGet's send is listed as a call: %s", c.Describe())
			}
		}
	}
	if !found {
		t.Errorf("rootGet's send not in Sends")
	}

	// Requests whose URL the code does not fix are listed as opaque.
	var opaque []string
	for _, r := range results {
		for _, c := range r.Result.(*restcalls.Result).Opaque {
			p := r.Pass.Fset.Position(c.Pos)
			src, err := os.ReadFile(p.Filename)
			if err != nil {
				t.Fatal(err)
			}
			line := strings.Split(string(src), "\n")[p.Line-1]
			opaque = append(opaque, fmt.Sprintf("%s %s %s", c.Method, c.URL, strings.TrimSpace(line)))
		}
	}
	want := []string{"GET … http.Get(cfg.BaseURL) // the URL is all configuration: listed as opaque"}
	if !slices.Equal(opaque, want) {
		t.Errorf("opaque calls = %q, want %q", opaque, want)
	}
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
		for _, c := range res.Sends {
			if c.Instr == nil || c.Response < 0 {
				t.Errorf("%s: send without a response", r.Pass.Fset.Position(c.Pos))
			}
		}
		for _, c := range res.Calls {
			pos := r.Pass.Fset.Position(c.Pos)
			if c.Instr != nil && c.Response >= 0 && !slices.Contains(res.Sends, c) {
				t.Errorf("%s: call with a response missing from Sends", pos)
			}
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

// TestCredentials checks the credential each call carries, and the model
// -restcalls.report says judges it, with the real API table.
func TestCredentials(t *testing.T) {
	restcalls.SetReport(true)
	defer restcalls.SetReport(false)
	dir, err := filepath.Abs("testdata/credmod")
	if err != nil {
		t.Fatal(err)
	}
	analysistest.Run(t, dir, restcalls.Analyzer, "./...")
}

// TestLibraries runs discovery on an app using the real go-jira and
// go-atlassian sources from the module proxy.
func TestLibraries(t *testing.T) {
	dir := testenv.DownloadedModule(t, "../../testdata/libs")
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
	analysistest.Run(t, analysistest.TestData(), restcalls.Analyzer, "matched", "alternatives")
}

// TestBounds runs discovery on machine-made worst cases: a very deep
// concatenation, a switch with hundreds of alternative paths, and a
// string grown in nested loops. The analysis must finish and keep what it
// can of the pattern.
func TestBounds(t *testing.T) {
	var deep, wide strings.Builder
	deep.WriteString("package bounds\n\nimport \"net/http\"\n\nfunc deep(base string, xs []string) {\n\tu := base + \"/rest/api/3\"\n")
	for i := range 3000 {
		fmt.Fprintf(&deep, "\tu = u + \"/s%d\"\n", i)
	}
	// The budget keeps the start of the path and ends in a wildcard.
	deep.WriteString("\thttp.Get(u) // want `call GET …/rest/api/3/s0/s1/s2/.*… via net/http`\n}\n")
	wide.WriteString("package bounds\n\nimport \"net/http\"\n\nfunc wide(base string, n int) {\n\tp := \"/rest/api/3/thingX/x\"\n\tswitch n {\n")
	for i := range 400 {
		fmt.Fprintf(&wide, "\tcase %d:\n\t\tp = \"/rest/api/3/thing%d/x\"\n", i, i)
	}
	wide.WriteString("\t}\n\thttp.Get(base + p) // want `call GET …/rest/api/3/thing…/x via net/http`\n}\n\n")
	wide.WriteString("func loops(base string, xs, ys []string) {\n\tu := base + \"/rest/api/3\"\n\tfor _, x := range xs {\n\t\tfor _, y := range ys {\n\t\t\tu += x + y\n\t\t}\n\t\tu += \"/\"\n\t}\n\thttp.Get(u) // want `call GET …/rest/api/3… via net/http`\n}\n")
	dir, cleanup, err := analysistest.WriteFiles(map[string]string{
		"bounds/deep.go": deep.String(),
		"bounds/wide.go": wide.String(),
	})
	if err != nil {
		t.Fatal(err)
	}
	defer cleanup()
	defer restcalls.UseLookup(restcalls.FakeLookup)()
	restcalls.SetReport(true)
	defer restcalls.SetReport(false)
	analysistest.Run(t, dir, restcalls.Analyzer, "bounds")
}
