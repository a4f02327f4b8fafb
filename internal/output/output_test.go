package output_test

import (
	"bytes"
	"encoding/json"
	"flag"
	"go/token"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"

	"github.com/connectlint/connectlint/internal/output"
	"github.com/connectlint/connectlint/internal/rules"
	"github.com/connectlint/connectlint/internal/testenv"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

func init() {
	rules.Register(
		&rules.Rule{
			ID: "example-error", Analyzer: "example", Title: "an example error rule",
			Severity: rules.Error, Since: "v0.1.0", Doc: "Explains the error.", Bad: "bad()", Good: "good()", Lang: "go",
		},
		&rules.Rule{
			ID: "example-note", Analyzer: "example", Title: "an example note rule",
			Severity: rules.Note, Since: "v0.1.0", Doc: "Explains the note.", Bad: `{"a": 1}`, Good: `{"a": 2}`, Lang: "json",
		},
	)
}

// sampleReport has a Go finding with an end, a descriptor finding without
// one, a suppressed finding, a finding outside the working directory, a
// finding of an unregistered rule, and a package problem.
func sampleReport() *output.Report {
	const dir = "/src/app"
	return &output.Report{
		Tool: output.Tool{Name: "connectlint", Version: "v0.1.0", URI: "https://github.com/connectlint/connectlint"},
		Dir:  dir,
		Findings: []output.Finding{
			{
				Rule: "example-error", Severity: rules.Error,
				Pos: output.Position{File: dir + "/jira.go", Line: 12, Column: 3}, End: output.Position{File: dir + "/jira.go", Line: 12, Column: 40},
				Message: "DELETE /rest/api/3/issue/{issueIdOrKey} needs scope DELETE", URL: "https://example.com/docs#example-error",
			},
			{
				Rule: "example-note", Severity: rules.Note,
				Pos:     output.Position{File: dir + "/static/atlassian-connect.json", Line: 4, Column: 14},
				Message: `baseUrl "http://localhost:8080" is not https`, URL: "https://example.com/docs#example-note",
			},
			{
				Rule: "example-error", Severity: rules.Warning,
				Pos:     output.Position{File: dir + "/tenants.go", Line: 7, Column: 1},
				Message: "a suppressed finding", Suppressed: true, Justification: "tested elsewhere", SuppressionKind: "inSource",
			},
			{
				Rule: "example-note", Severity: rules.Note,
				Pos:     output.Position{File: dir + "/static/atlassian-connect.json", Line: 9, Column: 3},
				Message: "suppressed by the config file", Suppressed: true, Justification: "staging only", SuppressionKind: "external",
			},
			{
				Rule: "example-note", Severity: rules.Note,
				Pos:     output.Position{File: "/elsewhere/lib.go", Line: 1, Column: 1},
				Message: "outside the working directory",
			},
			{
				Rule: "unregistered", Severity: rules.Warning,
				Pos:     output.Position{File: dir + "/dir with space/x.go", Line: 2, Column: 5},
				Message: "an unregistered rule",
			},
		},
		Problems: []output.Problem{
			{Package: "example.com/app/broken", Pos: output.Position{File: dir + "/broken/b.go", Line: 3, Column: 9}, Message: "undefined: foo"},
		},
		Rules: rules.ForAnalyzer("example"),
	}
}

func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	testenv.Golden(t, filepath.Join("testdata", name), got, *update)
}

func TestTextGolden(t *testing.T) {
	for _, tc := range []struct {
		name string
		opt  output.TextOptions
	}{
		{"report.txt", output.TextOptions{}},
		{"report-suppressed.txt", output.TextOptions{ShowSuppressed: true}},
	} {
		var buf bytes.Buffer
		if err := output.WriteText(&buf, sampleReport(), tc.opt); err != nil {
			t.Fatal(err)
		}
		if strings.Contains(buf.String(), "\x1b[") {
			t.Errorf("%s: colour escapes without Color", tc.name)
		}
		golden(t, tc.name, buf.Bytes())
	}
}

func TestTextColor(t *testing.T) {
	var buf bytes.Buffer
	if err := output.WriteText(&buf, sampleReport(), output.TextOptions{Color: true}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(buf.String(), "\x1b[31m[example-error]") {
		t.Errorf("error rule not red:\n%q", buf.String())
	}
}

func TestJSONGolden(t *testing.T) {
	var buf bytes.Buffer
	if err := output.WriteJSON(&buf, sampleReport()); err != nil {
		t.Fatal(err)
	}
	golden(t, "report.json", buf.Bytes())

	// The documented shape, checked field by field so that a rename
	// cannot slip through a careless -update.
	var doc struct {
		Tool     map[string]string `json:"tool"`
		Findings []map[string]any  `json:"findings"`
		Errors   []map[string]any  `json:"errors"`
	}
	if err := json.Unmarshal(buf.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	if doc.Tool["name"] != "connectlint" || doc.Tool["version"] != "v0.1.0" {
		t.Errorf("tool = %v", doc.Tool)
	}
	for _, f := range doc.Findings {
		for _, k := range []string{"rule", "severity", "file", "line", "column", "end", "message", "url", "suppressed", "justification"} {
			if _, ok := f[k]; !ok {
				t.Errorf("finding %v lacks %q", f, k)
			}
		}
	}
	if got := doc.Findings[0]["file"]; got != "jira.go" {
		t.Errorf("file = %v, want a path relative to the working directory", got)
	}
	if got := doc.Findings[0]["end"]; got == nil {
		t.Errorf("end = nil, want the end position")
	}
	if got := doc.Findings[1]["end"]; got != nil {
		t.Errorf("end = %v, want null when unknown", got)
	}
	if len(doc.Errors) != 1 || doc.Errors[0]["package"] != "example.com/app/broken" {
		t.Errorf("errors = %v", doc.Errors)
	}
}

func TestJSONEmptyArrays(t *testing.T) {
	var buf bytes.Buffer
	if err := output.WriteJSON(&buf, &output.Report{Tool: output.Tool{Name: "connectlint"}}); err != nil {
		t.Fatal(err)
	}
	s := buf.String()
	if !strings.Contains(s, `"findings": []`) || !strings.Contains(s, `"errors": []`) {
		t.Errorf("empty report must have empty arrays, not null:\n%s", s)
	}
}

func TestSARIFGolden(t *testing.T) {
	var buf bytes.Buffer
	if err := output.WriteSARIF(&buf, sampleReport()); err != nil {
		t.Fatal(err)
	}
	golden(t, "report.sarif", buf.Bytes())

	var log sarifLog
	if err := json.Unmarshal(buf.Bytes(), &log); err != nil {
		t.Fatal(err)
	}
	run := log.Runs[0]
	if got := run.Tool.Driver.SemanticVersion; got != "0.1.0" {
		t.Errorf("semanticVersion = %q", got)
	}
	if len(run.Tool.Driver.Rules) != 2 || run.Tool.Driver.Rules[0].HelpURI == "" {
		t.Errorf("driver rules = %+v", run.Tool.Driver.Rules)
	}
	if run.Invocations[0].ExecutionSuccessful {
		t.Error("executionSuccessful = true despite a package problem")
	}
	if got := run.OriginalURIBaseIDs["%SRCROOT%"].URI; got != "file:///src/app/" {
		t.Errorf("%%SRCROOT%% = %q", got)
	}
	r0 := run.Results[0]
	loc := r0.Locations[0].PhysicalLocation
	if loc.ArtifactLocation.URI != "jira.go" || loc.ArtifactLocation.URIBaseID != "%SRCROOT%" {
		t.Errorf("artifact = %+v", loc.ArtifactLocation)
	}
	if loc.Region.StartLine != 12 || loc.Region.StartColumn != 3 || loc.Region.EndColumn != 40 {
		t.Errorf("region = %+v", loc.Region)
	}
	if r0.Level != "error" || r0.RuleIndex == nil || *r0.RuleIndex != 0 {
		t.Errorf("result 0 = %+v", r0)
	}
	if s := run.Results[2].Suppressions; len(s) != 1 || s[0].Kind != "inSource" || s[0].Justification != "tested elsewhere" {
		t.Errorf("suppressions = %+v", s)
	}
	if s := run.Results[3].Suppressions; len(s) != 1 || s[0].Kind != "external" || s[0].Justification != "staging only" {
		t.Errorf("config suppressions = %+v", s)
	}
	if got := run.Results[4].Locations[0].PhysicalLocation.ArtifactLocation; got.URI != "file:///elsewhere/lib.go" || got.URIBaseID != "" {
		t.Errorf("outside artifact = %+v", got)
	}
	if got := run.Results[5].Locations[0].PhysicalLocation.ArtifactLocation.URI; got != "dir%20with%20space/x.go" {
		t.Errorf("escaped uri = %q", got)
	}
	if run.Results[5].RuleIndex != nil {
		t.Error("unregistered rule has a ruleIndex")
	}
}

func TestSARIFEmptyResults(t *testing.T) {
	var buf bytes.Buffer
	if err := output.WriteSARIF(&buf, &output.Report{Tool: output.Tool{Name: "connectlint", Version: "(devel)"}, Dir: "/src/app"}); err != nil {
		t.Fatal(err)
	}
	var log sarifLog
	if err := json.Unmarshal(buf.Bytes(), &log); err != nil {
		t.Fatal(err)
	}
	run := log.Runs[0]
	if run.Results == nil || len(run.Results) != 0 {
		t.Errorf("results = %v, want []", run.Results)
	}
	if !run.Invocations[0].ExecutionSuccessful {
		t.Error("executionSuccessful = false for a clean run")
	}
	if got := run.Tool.Driver.SemanticVersion; got != "0.0.0-devel" {
		t.Errorf("semanticVersion %q for a devel build, want 0.0.0-devel", got)
	}
}

// TestSARIFColumnsUTF16 checks that byte columns become UTF-16 columns,
// which is what SARIF counts by default.
func TestSARIFColumnsUTF16(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "x.go")
	// "é" is 2 bytes and 1 UTF-16 unit; "𝄞" is 4 bytes and 2 units.
	if err := os.WriteFile(file, []byte("package x\n// é𝄞 x\n"), 0o666); err != nil {
		t.Fatal(err)
	}
	col := strings.Index("// é𝄞 x", "x") + 1 // byte column of x: 11
	r := &output.Report{Tool: output.Tool{Name: "connectlint"}, Dir: dir, Findings: []output.Finding{{
		Rule: "example-note", Severity: rules.Note, Message: "m",
		Pos: output.Position{File: file, Line: 2, Column: col},
		End: output.Position{File: file, Line: 2, Column: col + 1},
	}}}
	var buf bytes.Buffer
	if err := output.WriteSARIF(&buf, r); err != nil {
		t.Fatal(err)
	}
	var log sarifLog
	if err := json.Unmarshal(buf.Bytes(), &log); err != nil {
		t.Fatal(err)
	}
	reg := log.Runs[0].Results[0].Locations[0].PhysicalLocation.Region
	if reg.StartColumn != 8 || reg.EndColumn != 9 {
		t.Errorf("columns = %d..%d, want 8..9 (UTF-16)", reg.StartColumn, reg.EndColumn)
	}
}

func TestFromDiagnosticNonGoFile(t *testing.T) {
	fset := token.NewFileSet()
	content := []byte("{\n  \"baseUrl\": \"http://x\"\n}\n")
	tf := fset.AddFile("/src/app/atlassian-connect.json", -1, len(content))
	tf.SetLinesForContent(content)
	off := strings.Index(string(content), `"http`)
	d := analysis.Diagnostic{Pos: tf.Pos(off), End: tf.Pos(off + 10), Category: "example-note", Message: "m",
		URL: rules.DocsURL + "?severity=error#example-note"}
	f := output.FromDiagnostic(fset, d)
	if f.Pos != (output.Position{File: "/src/app/atlassian-connect.json", Line: 2, Column: 14}) {
		t.Errorf("pos = %+v", f.Pos)
	}
	if f.End.Column != 24 {
		t.Errorf("end = %+v", f.End)
	}
	if f.Severity != rules.Error {
		t.Errorf("severity = %s, want the override", f.Severity)
	}
	if f.URL != rules.DocsURL+"#example-note" {
		t.Errorf("url = %s", f.URL)
	}
}

func TestDedupe(t *testing.T) {
	p := output.Position{File: "/a.go", Line: 1, Column: 2}
	fs := []output.Finding{
		{Rule: "r", Pos: p, Message: "m", Suppressed: true, Justification: "why"},
		{Rule: "r", Pos: output.Position{File: "/a.go", Line: 1, Column: 1}, Message: "m"},
		{Rule: "r", Pos: p, Message: "m"},
		{Rule: "r", Pos: p, Message: "other"},
		{Rule: "s", Pos: p, Message: "m"},
	}
	got := output.Dedupe(fs)
	if len(got) != 4 {
		t.Fatalf("got %d findings, want 4: %+v", len(got), got)
	}
	if got[0].Pos.Column != 1 {
		t.Errorf("not sorted: %+v", got)
	}
	if got[1].Suppressed {
		t.Errorf("a finding reported both suppressed and not must stay unsuppressed")
	}
}

// The subset of SARIF the tests read back.
type sarifLog struct {
	Runs []struct {
		Tool struct {
			Driver struct {
				SemanticVersion string `json:"semanticVersion"`
				Rules           []struct {
					ID      string `json:"id"`
					HelpURI string `json:"helpUri"`
				} `json:"rules"`
			} `json:"driver"`
		} `json:"tool"`
		Invocations []struct {
			ExecutionSuccessful bool `json:"executionSuccessful"`
		} `json:"invocations"`
		OriginalURIBaseIDs map[string]struct {
			URI string `json:"uri"`
		} `json:"originalUriBaseIds"`
		Results []struct {
			RuleID    string `json:"ruleId"`
			RuleIndex *int   `json:"ruleIndex"`
			Level     string `json:"level"`
			Locations []struct {
				PhysicalLocation struct {
					ArtifactLocation struct {
						URI       string `json:"uri"`
						URIBaseID string `json:"uriBaseId"`
					} `json:"artifactLocation"`
					Region struct {
						StartLine, StartColumn, EndLine, EndColumn int
					} `json:"region"`
				} `json:"physicalLocation"`
			} `json:"locations"`
			Suppressions []struct {
				Kind          string `json:"kind"`
				Justification string `json:"justification"`
			} `json:"suppressions"`
		} `json:"results"`
	} `json:"runs"`
}
