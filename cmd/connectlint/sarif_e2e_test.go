package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

// multitoolDir finds the npm package @microsoft/sarif-multitool-linux,
// which holds both the official SARIF 2.1.0 schema and the Multitool
// (.ci/run installs it into a cache): under $CONNECTLINT_NODE_MODULES,
// the CI cache, or the repo's node_modules.
func multitoolDir() string {
	var dirs []string
	if d := os.Getenv("CONNECTLINT_NODE_MODULES"); d != "" {
		dirs = append(dirs, d)
	}
	if d, err := os.UserCacheDir(); err == nil {
		dirs = append(dirs, filepath.Join(d, "connectlint-ci", "node_modules"))
	}
	dirs = append(dirs, filepath.Join(repoRoot, "node_modules"))
	for _, d := range dirs {
		p := filepath.Join(d, "@microsoft", "sarif-multitool-linux")
		if _, err := os.Stat(filepath.Join(p, "sarif-2.1.0.json")); err == nil {
			return p
		}
	}
	return ""
}

// TestE2ESARIF writes SARIF for the demo (findings) and the broken module
// (a failed run) and validates both against the official schema and,
// outside -short, with Microsoft's SARIF Multitool: zero errors and zero
// warnings.
func TestE2ESARIF(t *testing.T) {
	mt := multitoolDir()
	if mt == "" {
		t.Skip("npm package @microsoft/sarif-multitool-linux not found: run .ci/run (needs npm) or set CONNECTLINT_NODE_MODULES")
	}
	schemaFile, err := os.Open(filepath.Join(mt, "sarif-2.1.0.json"))
	if err != nil {
		t.Fatal(err)
	}
	defer schemaFile.Close()
	doc, err := jsonschema.UnmarshalJSON(schemaFile)
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	if err := c.AddResource("sarif-2.1.0.json", doc); err != nil {
		t.Fatal(err)
	}
	schema, err := c.Compile("sarif-2.1.0.json")
	if err != nil {
		t.Fatal(err)
	}

	tmp := t.TempDir()
	var logs []string
	for _, name := range []string{"demo", "broken"} {
		out := filepath.Join(tmp, name+".sarif")
		res := connectlint(t, "", "-C", fixture(name), "-format", "sarif", "-out", out, "./...")
		if res.code == exitFailure && name == "demo" {
			t.Fatalf("demo: exit %d\n%s", res.code, res.stderr)
		}
		f, err := os.Open(out)
		if err != nil {
			t.Fatal(err)
		}
		inst, err := jsonschema.UnmarshalJSON(f)
		f.Close()
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if err := schema.Validate(inst); err != nil {
			t.Errorf("%s: SARIF does not validate against the official schema:\n%v", name, err)
		}
		logs = append(logs, out)
	}

	if testing.Short() {
		t.Log("skipping the SARIF Multitool in -short mode")
		return
	}
	tool := filepath.Join(mt, "Sarif.Multitool")
	if _, err := os.Stat(tool); err != nil {
		t.Skipf("no Multitool binary: %v", err)
	}
	args := append([]string{"validate", "-o", filepath.Join(tmp, "validation.sarif")}, logs...)
	res := command(t, tmp, tool, args...)
	diagnostic := regexp.MustCompile(`(?m)^.*: (error|warning) [A-Z]+\d+:.*$`)
	if res.code != 0 || diagnostic.MatchString(res.stdout+res.stderr) || !strings.Contains(res.stdout, "Analysis completed successfully") {
		t.Errorf("Sarif.Multitool validate: exit %d\n%s%s", res.code, res.stdout, res.stderr)
	}
	t.Logf("Sarif.Multitool validate: %s", strings.Join(strings.Fields(res.stdout), " "))
}
