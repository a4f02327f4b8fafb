package output_test

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/connectlint/connectlint/internal/output"
)

// sarifSchemaPath finds the official SARIF 2.1.0 schema, which ships in
// the npm package @microsoft/sarif-multitool-linux (.ci/run installs it):
// $CONNECTLINT_SARIF_SCHEMA, else the package under
// $CONNECTLINT_NODE_MODULES, the CI cache, or a node_modules of the repo.
func sarifSchemaPath() string {
	if p := os.Getenv("CONNECTLINT_SARIF_SCHEMA"); p != "" {
		return p
	}
	const rel = "@microsoft/sarif-multitool-linux/sarif-2.1.0.json"
	var dirs []string
	if d := os.Getenv("CONNECTLINT_NODE_MODULES"); d != "" {
		dirs = append(dirs, d)
	}
	if d, err := os.UserCacheDir(); err == nil {
		dirs = append(dirs, filepath.Join(d, "connectlint-ci", "node_modules"))
	}
	dirs = append(dirs, filepath.Join("..", "..", "node_modules"))
	for _, d := range dirs {
		p := filepath.Join(d, rel)
		if _, err := os.Stat(p); err == nil {
			return p
		}
	}
	return ""
}

func compileSARIFSchema(t *testing.T) *jsonschema.Schema {
	t.Helper()
	path := sarifSchemaPath()
	if path == "" {
		t.Skip("official SARIF schema not found: run .ci/run (npm install @microsoft/sarif-multitool-linux) or set CONNECTLINT_SARIF_SCHEMA")
	}
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	doc, err := jsonschema.UnmarshalJSON(f)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	c := jsonschema.NewCompiler()
	const url = "https://json.schemastore.org/sarif-2.1.0.json"
	if err := c.AddResource(url, doc); err != nil {
		t.Fatal(err)
	}
	sch, err := c.Compile(url)
	if err != nil {
		t.Fatalf("compiling %s: %v", path, err)
	}
	return sch
}

// TestSARIFValidatesAgainstOfficialSchema validates full and empty logs.
func TestSARIFValidatesAgainstOfficialSchema(t *testing.T) {
	sch := compileSARIFSchema(t)
	for name, r := range map[string]*output.Report{
		"sample": sampleReport(),
		"empty":  {Tool: output.Tool{Name: "connectlint", Version: "(devel)"}, Dir: t.TempDir()},
	} {
		var buf bytes.Buffer
		if err := output.WriteSARIF(&buf, r); err != nil {
			t.Fatal(err)
		}
		inst, err := jsonschema.UnmarshalJSON(&buf)
		if err != nil {
			t.Fatal(err)
		}
		if err := sch.Validate(inst); err != nil {
			t.Errorf("%s: SARIF does not validate:\n%v", name, err)
		}
	}
}

// TestSARIFSchemaCatchesMistakes keeps the schema test honest: a log with
// a wrong version and a bad level must fail validation.
func TestSARIFSchemaCatchesMistakes(t *testing.T) {
	sch := compileSARIFSchema(t)
	bad := `{"version": "2.0.0", "runs": [{"tool": {"driver": {"name": "x"}}, "results": [{"level": "fatal", "message": {"text": "m"}}]}]}`
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader([]byte(bad)))
	if err != nil {
		t.Fatal(err)
	}
	if sch.Validate(inst) == nil {
		t.Error("an invalid SARIF log validated")
	}
}
