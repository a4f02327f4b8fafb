package vettool_test

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/connectlint/connectlint/internal/testenv"
	"github.com/connectlint/connectlint/internal/vettool"
)

// buildTool builds testdata/tool, a vet tool with one analyzer that marks
// every package it analyses and the functions reaching http.Get.
func buildTool(t *testing.T) string {
	t.Helper()
	if _, err := exec.LookPath("go"); err != nil {
		t.Skip("no go command")
	}
	tool, err := testenv.Build("./testdata/tool", t.TempDir(), "tool")
	if err != nil {
		t.Fatal(err)
	}
	return tool
}

// TestGoVet runs the test tool under go vet on an app whose dependency
// module has a package importing net/http (fetch), one importing only an
// analysed package (wrap) and one importing neither (text).
func TestGoVet(t *testing.T) {
	tool := buildTool(t)
	cmd := exec.Command("go", "vet", "-vettool="+tool, "-json", "./...")
	cmd.Dir = "testdata/app"
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("go vet: %v\n%s", err, stderr.String())
	}
	pkgs, err := vettool.ReadJSON(&stdout)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, p := range pkgs {
		for _, d := range p.Diagnostics["factcheck"] {
			got = append(got, filepath.Base(d.Posn)+": "+d.Message)
		}
		if len(p.Errors) > 0 {
			t.Errorf("%s: errors %v", p.ID, p.Errors)
		}
	}
	slices.Sort(got)
	want := []string{
		// Facts reach main through wrap, and a package fact of fetch,
		// which main does not import, is still seen. creds imports no HTTP
		// API but builds a "Basic " header value: analysed. The standard
		// library and text were not.
		"main.go:1:1: analysed: example.com/app example.com/dep/creds example.com/dep/fetch example.com/dep/wrap",
		"main.go:9:2: call of wrap.Issue, a getter via fetch.Get",
	}
	if !slices.Equal(got, want) {
		t.Errorf("go vet -json found\n%s\nwant\n%s\nstderr:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"), stderr.String())
	}
}

// TestFlags checks the answer to go vet's -flags question.
func TestFlags(t *testing.T) {
	tool := buildTool(t)
	out, err := exec.Command(tool, "-flags").Output()
	if err != nil {
		t.Fatal(err)
	}
	var flags []struct {
		Name string
		Bool bool
	}
	if err := json.Unmarshal(out, &flags); err != nil {
		t.Fatalf("-flags: %v\n%s", err, out)
	}
	for _, want := range []string{"json", "suppressed"} {
		if !slices.ContainsFunc(flags, func(f struct {
			Name string
			Bool bool
		}) bool {
			return f.Name == want && f.Bool
		}) {
			t.Errorf("-flags lacks bool flag %s: %s", want, out)
		}
	}
}

// TestBadConfig: a config file that is not go vet's is an error, not a panic.
func TestBadConfig(t *testing.T) {
	tool := buildTool(t)
	cfg := filepath.Join(t.TempDir(), "vet.cfg")
	if err := os.WriteFile(cfg, []byte("{not json"), 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(tool, cfg).CombinedOutput()
	if err == nil || !strings.Contains(string(out), "cannot decode go vet's config") {
		t.Errorf("bad config: %v\n%s", err, out)
	}
}

func TestReadJSON(t *testing.T) {
	const out = `# example.com/a
{
	"example.com/a": {
		"scopes": [{"category": "missing-scope", "posn": "/m/a.go:3:4", "end": "/m/a.go:3:9", "message": "m", "url": "u?severity=note"}],
		"authn": {"error": "boom"}
	}
}
# example.com/b
{
	"example.com/b [example.com/b.test]": {}
}
`
	pkgs, err := vettool.ReadJSON(strings.NewReader(out))
	if err != nil {
		t.Fatal(err)
	}
	if len(pkgs) != 2 || pkgs[0].ID != "example.com/a" || pkgs[1].ID != "example.com/b [example.com/b.test]" {
		t.Fatalf("packages %+v", pkgs)
	}
	d := pkgs[0].Diagnostics["scopes"]
	if len(d) != 1 || d[0].Posn != "/m/a.go:3:4" || d[0].URL != "u?severity=note" || pkgs[0].Errors["authn"] != "boom" {
		t.Errorf("package a: %+v", pkgs[0])
	}
	if _, err := vettool.ReadJSON(strings.NewReader("{\"a\": {\"x\": 3}}")); err == nil {
		t.Errorf("no error for a diagnostic list that is a number")
	}
}

// TestFixUnsupported: go vet -fix passes -fix to the tool, which must say
// clearly that connectlint's fixes are applied by connectlint -fix.
func TestFixUnsupported(t *testing.T) {
	tool := buildTool(t)
	cmd := exec.Command("go", "vet", "-vettool="+tool, "-fix", ".")
	cmd.Dir = "testdata/app"
	out, err := cmd.CombinedOutput()
	if err == nil || !strings.Contains(string(out), "go vet -fix and go fix are not supported; run tool -fix") {
		t.Errorf("go vet -fix: %v\n%s", err, out)
	}
}
