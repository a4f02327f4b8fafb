package integration

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

// multitoolVersion pins the npm package @microsoft/sarif-multitool-linux.
const multitoolVersion = "5.7.0"

// TestSARIFMultitool validates connectlint's SARIF with Microsoft's SARIF
// Multitool: no error and no warning, on the demo app (with one finding
// suppressed in source, so suppressions are checked too) and on a module
// without findings (empty results).
func TestSARIFMultitool(t *testing.T) {
	integration(t)
	tool := sarifMultitool(t)

	t.Run("demo app", func(t *testing.T) {
		dir := copyDemo(t)
		suppressed := suppressFindings(t, dir)
		sarif := writeSARIF(t, dir, 3)
		multitoolValidate(t, tool, sarif)

		var log struct {
			Runs []struct {
				Results []struct {
					RuleID       string `json:"ruleId"`
					Suppressions []struct {
						Kind          string `json:"kind"`
						Justification string `json:"justification"`
					} `json:"suppressions"`
				} `json:"results"`
			} `json:"runs"`
		}
		readJSON(t, sarif, &log)
		got := map[suppression]bool{}
		for _, r := range log.Runs[0].Results {
			for _, s := range r.Suppressions {
				got[suppression{r.RuleID, s.Kind, s.Justification}] = true
			}
		}
		for _, want := range suppressed {
			if !got[want] {
				t.Errorf("no %s result with a suppression of kind %s justified %q in %s", want.rule, want.kind, want.justification, sarif)
			}
		}
	})

	t.Run("no findings", func(t *testing.T) {
		dir := t.TempDir()
		writeFile(t, filepath.Join(dir, "go.mod"), "module example.com/clean\n\ngo 1.26\n")
		writeFile(t, filepath.Join(dir, "main.go"), "package main\n\nfunc main() {}\n")
		sarif := writeSARIF(t, dir, 0)
		multitoolValidate(t, tool, sarif)
		content, err := os.ReadFile(sarif)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(content), `"results": []`) {
			t.Errorf("a run without findings must have \"results\": []:\n%s", content)
		}
	})
}

// writeSARIF runs connectlint -format sarif on the module in dir, expecting
// the exit status given, and returns the report's path.
func writeSARIF(t *testing.T, dir string, wantCode int) string {
	t.Helper()
	sarif := filepath.Join(t.TempDir(), "connectlint.sarif")
	r := run(t, 5*time.Minute, dir, nil, connectlint(t), "-format", "sarif", "-out", sarif, "./...")
	if r.code != wantCode {
		t.Fatalf("connectlint -format sarif: want exit status %d\n%s", wantCode, r)
	}
	return sarif
}

// suppression is a SARIF result's rule and suppression.
type suppression struct{ rule, kind, justification string }

// suppressFindings suppresses the first finding connectlint reports in the
// app descriptor with an ignore entry in .connectlint.yaml (an external
// suppression) and the first in Go code with a //connectlint:ignore
// directive on the line above (in source).
func suppressFindings(t *testing.T, dir string) []suppression {
	t.Helper()
	var out []suppression
	done := map[string]bool{} // suppression kinds made
	for _, f := range connectlintFindings(t, dir) {
		switch {
		case strings.HasSuffix(f.File, ".json") && !done["external"]:
			reason := "staging only, checked by the integration test"
			writeFile(t, filepath.Join(dir, ".connectlint.yaml"),
				fmt.Sprintf("ignore:\n  - rule: %s\n    path: %s\n    reason: %s\n", f.Rule, f.File, reason))
			out = append(out, suppression{f.Rule, "external", reason})
			done["external"] = true
		case strings.HasSuffix(f.File, ".go") && !done["inSource"]:
			path := filepath.Join(dir, filepath.FromSlash(f.File))
			content, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			lines := strings.SplitAfter(string(content), "\n")
			line := lines[f.Line-1]
			indent := line[:len(line)-len(strings.TrimLeft(line, " \t"))]
			reason := "accepted risk, checked by the integration test"
			directive := fmt.Sprintf("%s//connectlint:ignore %s -- %s\n", indent, f.Rule, reason)
			lines = slices.Insert(lines, f.Line-1, directive)
			writeFile(t, path, strings.Join(lines, ""))
			out = append(out, suppression{f.Rule, "inSource", reason})
			done["inSource"] = true
		}
	}
	if !done["external"] || !done["inSource"] {
		t.Fatalf("the demo app needs a finding in its descriptor and one in its Go code to suppress; suppressed %v", out)
	}
	return out
}

// sarifMultitool returns the Multitool. .ci/run installs its npm package
// into $CONNECTLINT_NODE_MODULES (by default the user cache's
// connectlint-ci/node_modules); when it is not there, npm installs it there.
func sarifMultitool(t *testing.T) string {
	t.Helper()
	modules := os.Getenv("CONNECTLINT_NODE_MODULES")
	if modules == "" {
		base, err := os.UserCacheDir()
		if err != nil {
			t.Skipf("no user cache directory to install the SARIF Multitool into: %v", err)
		}
		modules = filepath.Join(base, "connectlint-ci", "node_modules")
	}
	tool := filepath.Join(modules, "@microsoft", "sarif-multitool-linux", "Sarif.Multitool")
	if _, err := os.Stat(tool); err != nil {
		npm := lookTool(t, "npm", "apt-get install npm")
		prefix := filepath.Dir(modules)
		if err := os.MkdirAll(prefix, 0o755); err != nil {
			t.Fatal(err)
		}
		r := run(t, 10*time.Minute, prefix, nil, npm, "install", "--no-audit", "--no-fund", "--prefix", prefix,
			"@microsoft/sarif-multitool-linux@"+multitoolVersion)
		if r.code != 0 {
			t.Skipf("npm could not install the SARIF Multitool (is the npm registry reachable?):\n%s", r)
		}
	}
	// npm may skip the package's postinstall script (chmod u+x).
	if err := os.Chmod(tool, 0o755); err != nil {
		t.Fatal(err)
	}
	return tool
}

// multitoolValidate runs `Sarif.Multitool validate` on file and fails the
// test on any error or warning it reports. Its console output is logged
// verbatim.
func multitoolValidate(t *testing.T, tool, file string) {
	t.Helper()
	out := filepath.Join(t.TempDir(), "validation.sarif")
	// The Multitool is a .NET program; keep it from phoning home.
	env := []string{"DOTNET_CLI_TELEMETRY_OPTOUT=1"}
	r := run(t, 5*time.Minute, filepath.Dir(file), env, tool, "validate", file, "-o", out, "--log", "ForceOverwrite")
	t.Logf("Sarif.Multitool validate %s:\n%s", filepath.Base(file), r.stdout+r.stderr)
	if r.code != 0 {
		t.Fatalf("Sarif.Multitool validate failed:\n%s", r)
	}
	type message struct {
		Text      string   `json:"text"`
		ID        string   `json:"id"`
		Arguments []string `json:"arguments"`
	}
	var log struct {
		Runs []struct {
			Results []struct {
				RuleID  string  `json:"ruleId"`
				Level   string  `json:"level"`
				Message message `json:"message"`
			} `json:"results"`
			Invocations []struct {
				ExecutionSuccessful bool `json:"executionSuccessful"`
				Notifications       []struct {
					Level   string  `json:"level"`
					Message message `json:"message"`
				} `json:"toolExecutionNotifications"`
			} `json:"invocations"`
		} `json:"runs"`
	}
	readJSON(t, out, &log)
	if len(log.Runs) == 0 {
		t.Fatalf("the Multitool wrote no run to %s", out)
	}
	for _, inv := range log.Runs[0].Invocations {
		if !inv.ExecutionSuccessful {
			t.Errorf("the Multitool's validation did not complete: %+v", inv.Notifications)
		}
	}
	for _, res := range log.Runs[0].Results {
		switch res.Level {
		case "", "warning", "error": // SARIF's default level is warning
			t.Errorf("Multitool %s %s: %s %s %q", cmpLevel(res.Level), res.RuleID, res.Message.Text, res.Message.ID, res.Message.Arguments)
		}
	}
}

func cmpLevel(level string) string {
	if level == "" {
		return "warning"
	}
	return level
}
