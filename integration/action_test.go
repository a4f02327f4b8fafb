package integration

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"go.yaml.in/yaml/v3"
)

// matcher is the problem matcher's single pattern, compiled with Go's
// regexp (the pattern keeps to the syntax JavaScript and RE2 share).
type matcher struct {
	re                                *regexp.Regexp
	file, line, column, message, code int
	owner, severity                   string
}

func loadMatcher(t *testing.T) matcher {
	t.Helper()
	var doc struct {
		ProblemMatcher []struct {
			Owner    string
			Severity string
			Pattern  []struct {
				Regexp                            string
				File, Line, Column, Message, Code int
			}
		}
	}
	readJSON(t, filepath.Join(repoRoot(t), ".github", "connectlint-matcher.json"), &doc)
	if len(doc.ProblemMatcher) != 1 || len(doc.ProblemMatcher[0].Pattern) != 1 {
		t.Fatalf("want one matcher with one pattern: %+v", doc)
	}
	pm, p := doc.ProblemMatcher[0], doc.ProblemMatcher[0].Pattern[0]
	re, err := regexp.Compile(p.Regexp)
	if err != nil {
		t.Fatal(err)
	}
	return matcher{re, p.File, p.Line, p.Column, p.Message, p.Code, pm.Owner, pm.Severity}
}

// match returns the annotation the matcher makes of a line ("" if none):
// file:line:col: message [code].
func (m matcher) match(line string) string {
	g := m.re.FindStringSubmatch(line)
	if g == nil {
		return ""
	}
	return fmt.Sprintf("%s:%s:%s: %s [%s]", g[m.file], g[m.line], g[m.column], g[m.message], g[m.code])
}

// TestAction runs the composite action's scripts from action.yml with bash
// the way the runner does (inputs through env, GITHUB_OUTPUT, RUNNER_TEMP)
// on the demo app in a workspace sub-directory, then checks its outputs,
// its SARIF and the annotations the problem matcher makes of its log.
func TestAction(t *testing.T) {
	integration(t)
	bash := lookTool(t, "bash", "apt-get install bash")
	root := repoRoot(t)
	action := loadAction(t, filepath.Join(root, "action.yml"))

	workspace := t.TempDir()
	copyTree(t, filepath.Join(root, "testdata", "demo"), filepath.Join(workspace, "app"))
	want := map[string]bool{}
	for _, f := range connectlintFindings(t, filepath.Join(workspace, "app")) {
		want[fmt.Sprintf("app/%s:%d:%d: %s [%s]", f.File, f.Line, f.Column, f.Message, f.Rule)] = true
	}
	runnerTemp := t.TempDir()
	summary := filepath.Join(t.TempDir(), "step_summary")

	runAction := func(inputs map[string]string) (result, map[string]string) {
		t.Helper()
		outputs := filepath.Join(t.TempDir(), "github_output")
		writeFile(t, outputs, "")
		writeFile(t, summary, "")
		env := []string{"RUNNER_TEMP=" + runnerTemp, "GITHUB_OUTPUT=" + outputs, "GITHUB_WORKSPACE=" + workspace, "GITHUB_STEP_SUMMARY=" + summary}
		var last result
		for _, step := range action.Runs.Steps {
			dir := workspace
			if step.WorkingDirectory != "" {
				dir = filepath.Join(workspace, action.expand(t, step.WorkingDirectory, inputs, root))
			}
			stepEnv := slices.Clone(env)
			for k, v := range step.Env {
				stepEnv = append(stepEnv, k+"="+action.expand(t, v, inputs, root))
			}
			last = run(t, 10*time.Minute, dir, stepEnv, bash, "--noprofile", "--norc", "-e", "-o", "pipefail", "-c", step.Run)
			if last.code != 0 {
				break
			}
		}
		content, err := os.ReadFile(outputs)
		if err != nil {
			t.Fatal(err)
		}
		out := map[string]string{}
		for _, line := range strings.Split(strings.TrimSpace(string(content)), "\n") {
			if k, v, ok := strings.Cut(line, "="); ok {
				out[k] = v
			}
		}
		return last, out
	}

	// Defaults, as in the example workflow but with annotations.
	r, out := runAction(map[string]string{"working-directory": "app"})
	if r.code != 3 || out["exit-code"] != "3" {
		t.Fatalf("with findings and fail-on-findings: want exit status 3 and output exit-code=3, got %q\n%s", out["exit-code"], r)
	}
	sarif := out["sarif-file"]
	if sarif != filepath.Join(workspace, "app", "connectlint.sarif") {
		t.Errorf("sarif-file output %q", sarif)
	}
	var log struct {
		Version string
		Runs    []struct {
			Results []struct {
				RuleID string `json:"ruleId"`
			}
		}
	}
	readJSON(t, sarif, &log)
	if log.Version != "2.1.0" || len(log.Runs) != 1 || len(log.Runs[0].Results) != len(want) {
		t.Errorf("SARIF %s: version %q, %d runs; want 2.1.0 with %d results", sarif, log.Version, len(log.Runs), len(want))
	}

	// The log between add-matcher and remove-matcher, as the runner sees it.
	m := loadMatcher(t)
	addMatcher := "::add-matcher::" + filepath.Join(root, ".github", "connectlint-matcher.json")
	_, logged, ok := strings.Cut(r.stdout, addMatcher+"\n")
	logged, _, ok2 := strings.Cut(logged, "::remove-matcher owner=connectlint::")
	if !ok || !ok2 {
		t.Fatalf("the action did not add and remove the problem matcher:\n%s", r)
	}
	got := map[string]bool{}
	for _, line := range strings.Split(strings.TrimSpace(logged), "\n") {
		a := m.match(line)
		if a == "" {
			t.Errorf("no annotation from log line %q", line)
			continue
		}
		got[a] = true
		file, _, _ := strings.Cut(a, ":")
		if _, err := os.Stat(filepath.Join(workspace, file)); err != nil {
			t.Errorf("annotation file %q is not relative to the workspace: %v", file, err)
		}
	}
	for w := range want {
		if !got[w] {
			t.Errorf("no annotation for finding %q", w)
		}
	}
	if !strings.Contains(r.stdout, "::error title=connectlint::") {
		t.Errorf("no error summary in the log:\n%s", r.stdout)
	}
	// The job summary has the demo's scopes table: ADMIN is excess,
	// ACCESS_EMAIL_ADDRESSES missing.
	md, err := os.ReadFile(summary)
	if err != nil {
		t.Fatal(err)
	}
	for _, line := range []string{"## connectlint: Atlassian scopes", "| `ADMIN` | not needed by the code | **excess** |"} {
		if !strings.Contains(string(md), line) {
			t.Errorf("job summary lacks %q:\n%s", line, md)
		}
	}
	if !regexp.MustCompile("(?m)^\\| `ACCESS_EMAIL_ADDRESSES` \\| .* \\| \\*\\*missing\\*\\* \\|$").Match(md) {
		t.Errorf("job summary does not show ACCESS_EMAIL_ADDRESSES missing:\n%s", md)
	}

	// Report-only: the step passes, no annotations, the SARIF is written.
	os.Remove(sarif)
	r, out = runAction(map[string]string{"working-directory": "app", "annotate": "false", "fail-on-findings": "false", "sarif-file": "out/cl.sarif", "args": "-disable " + firstRule(want), "scopes-summary": "false"})
	if r.code != 0 || out["exit-code"] != "3" || strings.Contains(r.stdout, "::add-matcher::") {
		t.Fatalf("report-only: want success, exit-code=3 and no matcher; got exit-code=%q\n%s", out["exit-code"], r)
	}
	if md, _ := os.ReadFile(summary); len(md) != 0 {
		t.Errorf("scopes-summary false still wrote the job summary:\n%s", md)
	}
	readJSON(t, filepath.Join(workspace, "app", "out", "cl.sarif"), &log)
	disabled := firstRule(want)
	kept := 0
	for f := range want {
		if !strings.HasSuffix(f, "["+disabled+"]") {
			kept++
		}
	}
	var rules []string
	for _, res := range log.Runs[0].Results {
		rules = append(rules, res.RuleID)
	}
	if len(rules) != kept || slices.Contains(rules, disabled) {
		t.Errorf("args -disable %s: results of rules %q, want the other %d findings", disabled, rules, kept)
	}
}

// firstRule is the rule ID of the alphabetically first finding.
func firstRule(findings map[string]bool) string {
	keys := slices.Sorted(func(yield func(string) bool) {
		for k := range findings {
			if !yield(k) {
				return
			}
		}
	})
	if len(keys) == 0 {
		return ""
	}
	s := keys[0]
	return s[strings.LastIndex(s, "[")+1 : len(s)-1]
}

// actionFile is the part of action.yml the test runs.
type actionFile struct {
	Inputs map[string]struct {
		Default string `yaml:"default"`
	} `yaml:"inputs"`
	Runs struct {
		Using string `yaml:"using"`
		Steps []struct {
			ID               string            `yaml:"id"`
			Shell            string            `yaml:"shell"`
			WorkingDirectory string            `yaml:"working-directory"`
			Env              map[string]string `yaml:"env"`
			Run              string            `yaml:"run"`
		} `yaml:"steps"`
	} `yaml:"runs"`
}

func loadAction(t *testing.T, path string) *actionFile {
	t.Helper()
	content, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var a actionFile
	if err := yaml.Unmarshal(content, &a); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	if a.Runs.Using != "composite" || len(a.Runs.Steps) == 0 {
		t.Fatalf("%s: want a composite action with steps", path)
	}
	for _, s := range a.Runs.Steps {
		if s.Shell != "bash" {
			t.Errorf("step %q: shell %q, want bash", s.ID, s.Shell)
		}
		if strings.Contains(s.Run, "${{") {
			t.Errorf("step %q splices an expression into its script; pass it through env", s.ID)
		}
	}
	return &a
}

var expression = regexp.MustCompile(`\$\{\{\s*([a-z._-]+)\s*\}\}`)

// expand evaluates the ${{ inputs.X }} and ${{ github.action_path }}
// expressions the action uses; any other expression fails the test.
func (a *actionFile) expand(t *testing.T, s string, inputs map[string]string, actionPath string) string {
	t.Helper()
	return expression.ReplaceAllStringFunc(s, func(e string) string {
		name := expression.FindStringSubmatch(e)[1]
		if name == "github.action_path" {
			return actionPath
		}
		in, ok := strings.CutPrefix(name, "inputs.")
		def, declared := a.Inputs[in]
		if !ok || !declared {
			t.Fatalf("action.yml uses %s, which the test cannot evaluate", e)
		}
		if v, ok := inputs[in]; ok {
			return v
		}
		return def.Default
	})
}
