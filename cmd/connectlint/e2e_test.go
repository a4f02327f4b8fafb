package main

// End-to-end tests: they build the connectlint binary once and run it the
// ways a person does — standalone, as go vet's -vettool, and through its
// subcommands — over the fixture apps in testdata/. Golden files live in
// testdata/e2e/golden; refresh them after a deliberate change with
//
//	go test ./cmd/connectlint -run E2E -update
//
// and read the diff: it is the change users will see.

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/connectlint/connectlint/internal/rules"
	"github.com/connectlint/connectlint/internal/testenv"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/e2e/golden")

var (
	binary   string // the connectlint binary built by TestMain
	buildErr error
	repoRoot = filepath.Join("..", "..")
)

func TestMain(m *testing.M) {
	flag.Parse()
	code := func() int {
		if _, err := exec.LookPath("go"); err != nil {
			buildErr = errors.New("no go command")
			return m.Run()
		}
		dir, err := os.MkdirTemp("", "connectlint-e2e")
		if err != nil {
			buildErr = err
			return m.Run()
		}
		defer os.RemoveAll(dir)
		// The runner's cache stays out of the user's cache directory.
		os.Setenv("CONNECTLINT_CACHE", filepath.Join(dir, "cache"))
		binary, buildErr = testenv.Build(".", dir, "connectlint")
		return m.Run()
	}()
	os.Exit(code)
}

// result is one run of the binary.
type result struct {
	stdout, stderr string
	code           int
}

// connectlint runs the binary in dir (the test's directory when "").
func connectlint(t *testing.T, dir string, args ...string) result {
	t.Helper()
	return command(t, dir, binary, args...)
}

func command(t *testing.T, dir, name string, args ...string) result {
	t.Helper()
	if buildErr != nil {
		t.Skipf("cannot build connectlint: %v", buildErr)
	}
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	var exit *exec.ExitError
	code := 0
	switch {
	case errors.As(err, &exit):
		code = exit.ExitCode()
	case err != nil:
		t.Fatalf("%s %s: %v", name, strings.Join(args, " "), err)
	}
	return result{stdout.String(), stderr.String(), code}
}

func fixture(name string) string {
	if strings.HasPrefix(name, "demo") {
		return filepath.Join(repoRoot, "testdata", name)
	}
	return filepath.Join(repoRoot, "testdata", "e2e", name)
}

func absFixture(t *testing.T, name string) string {
	dir, err := filepath.Abs(fixture(name))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("fixture %s absent: %v", name, err)
	}
	return dir
}

func golden(t *testing.T, name, got string) {
	t.Helper()
	testenv.Golden(t, filepath.Join(repoRoot, "testdata", "e2e", "golden", name), []byte(got), *update)
}

// jsonFinding is the JSON format's finding, as documented in
// internal/output/json.go.
type jsonFinding struct {
	Rule     string `json:"rule"`
	Severity string `json:"severity"`
	File     string `json:"file"`
	Line     int    `json:"line"`
	Column   int    `json:"column"`
	End      *struct {
		Line   int `json:"line"`
		Column int `json:"column"`
	} `json:"end"`
	Message       string `json:"message"`
	URL           string `json:"url"`
	Suppressed    bool   `json:"suppressed"`
	Justification string `json:"justification"`
}

type jsonReport struct {
	Tool struct {
		Name    string `json:"name"`
		Version string `json:"version"`
	} `json:"tool"`
	Findings []jsonFinding `json:"findings"`
	Errors   []struct {
		Package string `json:"package"`
		File    string `json:"file"`
		Line    int    `json:"line"`
		Column  int    `json:"column"`
		Message string `json:"message"`
	} `json:"errors"`
}

func parseJSONReport(t *testing.T, s string) jsonReport {
	t.Helper()
	var r jsonReport
	if err := json.Unmarshal([]byte(s), &r); err != nil {
		t.Fatalf("invalid JSON report: %v\n%s", err, s)
	}
	if r.Findings == nil || r.Errors == nil {
		t.Errorf("findings and errors must be arrays, never null:\n%s", s)
	}
	for _, f := range r.Findings {
		if _, ok := rules.Lookup(f.Rule); !ok {
			t.Errorf("finding of unregistered rule %q (every rule needs docs in its analyzer's rules.go): %s:%d", f.Rule, f.File, f.Line)
		}
	}
	return r
}

// wantExit checks the exit status against the documented contract.
func wantExit(t *testing.T, res result, findings int) {
	t.Helper()
	want := exitOK
	if findings > 0 {
		want = exitFindings
	}
	if res.code != want {
		t.Errorf("exit status %d with %d findings, want %d\nstderr:\n%s", res.code, findings, want, res.stderr)
	}
}

// checkPositions makes sure every finding points into an existing line
// of an existing file, at a column within (or just past) that line: a
// golden file cannot vouch for that by itself.
func checkPositions(t *testing.T, dir string, fs []jsonFinding) {
	t.Helper()
	for _, f := range fs {
		path := f.File
		if !filepath.IsAbs(path) {
			path = filepath.Join(dir, filepath.FromSlash(path))
		}
		data, err := os.ReadFile(path)
		if err != nil {
			t.Errorf("finding %s:%d:%d [%s]: %v", f.File, f.Line, f.Column, f.Rule, err)
			continue
		}
		lines := strings.Split(string(data), "\n")
		if f.Line < 1 || f.Line > len(lines) {
			t.Errorf("finding %s:%d:%d [%s]: line out of range (file has %d)", f.File, f.Line, f.Column, f.Rule, len(lines))
			continue
		}
		if f.Column < 1 || f.Column > len(lines[f.Line-1])+1 {
			t.Errorf("finding %s:%d:%d [%s]: column out of range (line has %d bytes)", f.File, f.Line, f.Column, f.Rule, len(lines[f.Line-1]))
		}
		if f.End != nil && (f.End.Line < f.Line || f.End.Line == f.Line && f.End.Column < f.Column) {
			t.Errorf("finding %s:%d:%d [%s]: end %d:%d before start", f.File, f.Line, f.Column, f.Rule, f.End.Line, f.End.Column)
		}
	}
}

var demoJSONRun struct {
	once sync.Once
	res  result
}

// demoJSON is connectlint -format json on the demo, run once for the
// tests that need it: each run type-checks net/http from source.
func demoJSON(t *testing.T) result {
	t.Helper()
	absFixture(t, "demo")
	if buildErr != nil {
		t.Skipf("cannot build connectlint: %v", buildErr)
	}
	demoJSONRun.once.Do(func() {
		demoJSONRun.res = connectlint(t, "", "-C", fixture("demo"), "-format", "json", "./...")
	})
	return demoJSONRun.res
}

func TestE2EStandaloneDemo(t *testing.T) {
	dir := absFixture(t, "demo")

	text := connectlint(t, "", "-C", fixture("demo"), "./...")
	if text.stderr != "" {
		t.Errorf("stderr:\n%s", text.stderr)
	}
	golden(t, "demo.txt", text.stdout)
	if strings.Contains(text.stdout, "\x1b[") {
		t.Error("colour escapes although stdout is not a terminal")
	}

	js := demoJSON(t)
	golden(t, "demo.json", js.stdout)
	report := parseJSONReport(t, js.stdout)
	if report.Tool.Name != "connectlint" {
		t.Errorf("tool = %+v", report.Tool)
	}
	if len(report.Errors) != 0 {
		t.Errorf("the demo must load cleanly: %+v", report.Errors)
	}
	checkPositions(t, dir, report.Findings)

	// Text and JSON come from the same findings and the same exit status.
	var lines []string
	for _, f := range report.Findings {
		if !f.Suppressed {
			lines = append(lines, fmt.Sprintf("%s:%d:%d: %s [%s]", f.File, f.Line, f.Column, f.Message, f.Rule))
		}
	}
	if got := strings.Split(strings.TrimSuffix(text.stdout, "\n"), "\n"); text.stdout != "" && !slices.Equal(got, lines) || text.stdout == "" && len(lines) > 0 {
		t.Errorf("text and JSON disagree:\ntext:\n%s\njson:\n%s", text.stdout, strings.Join(lines, "\n"))
	}
	wantExit(t, text, len(lines))
	wantExit(t, js, len(lines))
}

// vetDiagnostic is one diagnostic of go vet -json.
type vetDiagnostic struct {
	Posn     string `json:"posn"`
	Message  string `json:"message"`
	Category string `json:"category"`
}

// runVet runs go vet -vettool=connectlint -json in dir and returns its
// diagnostics as "file:line:col: message [category]" relative to dir.
func runVet(t *testing.T, dir string) ([]string, result) {
	t.Helper()
	res := command(t, dir, "go", "vet", "-vettool="+binary, "-json", "./...")
	// go vet -json prints, per package, "# pkg" and a JSON object
	// {pkgID: {analyzer: [diagnostic...] or {"error": ...}}}: on stdout
	// since Go 1.25, on stderr before.
	stream := res.stdout
	if strings.TrimSpace(stream) == "" {
		stream = res.stderr
	}
	var out []string
	dec := json.NewDecoder(strings.NewReader(stripComments(stream)))
	for dec.More() {
		var tree map[string]map[string]json.RawMessage
		if err := dec.Decode(&tree); err != nil {
			t.Fatalf("parsing go vet -json output: %v\n%s", err, res.stderr)
		}
		for _, byAnalyzer := range tree {
			for name, raw := range byAnalyzer {
				var diags []vetDiagnostic
				if err := json.Unmarshal(raw, &diags); err != nil {
					t.Errorf("analyzer %s failed under go vet: %s", name, raw)
					continue
				}
				for _, d := range diags {
					file, rest, _ := strings.Cut(d.Posn, ":")
					if rel, err := filepath.Rel(dir, file); err == nil {
						file = filepath.ToSlash(rel)
					}
					out = append(out, fmt.Sprintf("%s:%s: %s [%s]", file, rest, d.Message, d.Category))
				}
			}
		}
	}
	slices.Sort(out)
	return slices.Compact(out), res
}

// stripComments drops go vet's "# pkg" lines between JSON objects.
func stripComments(s string) string {
	var b strings.Builder
	sc := bufio.NewScanner(strings.NewReader(s))
	sc.Buffer(nil, 1<<24)
	for sc.Scan() {
		if !strings.HasPrefix(sc.Text(), "#") {
			b.WriteString(sc.Text())
			b.WriteByte('\n')
		}
	}
	return b.String()
}

// TestE2EVetMatchesStandalone runs the demo through go vet -vettool and
// standalone: both must report the same findings. (Suppressed findings
// are not reported by go vet, so they are left out of the comparison.)
func TestE2EVetMatchesStandalone(t *testing.T) {
	dir := absFixture(t, "demo")
	vet, vetRes := runVet(t, dir)

	js := demoJSON(t)
	var standalone []string
	for _, f := range parseJSONReport(t, js.stdout).Findings {
		if !f.Suppressed {
			standalone = append(standalone, fmt.Sprintf("%s:%d:%d: %s [%s]", f.File, f.Line, f.Column, f.Message, f.Rule))
		}
	}
	slices.Sort(standalone)
	if !slices.Equal(vet, standalone) {
		t.Errorf("go vet and standalone disagree\ngo vet:\n%s\nstandalone:\n%s\ngo vet stderr:\n%s",
			strings.Join(vet, "\n"), strings.Join(standalone, "\n"), vetRes.stderr)
	}

	// Without -json, go vet fails exactly when there are findings.
	plain := command(t, dir, "go", "vet", "-vettool="+binary, "./...")
	if (plain.code != 0) != (len(vet) > 0) {
		t.Errorf("go vet exit status %d with %d findings\n%s", plain.code, len(vet), plain.stderr)
	}
}

func TestE2ECleanModule(t *testing.T) {
	res := connectlint(t, "", "-C", fixture("clean"), "./...")
	if res.code != exitOK || res.stdout != "" || res.stderr != "" {
		t.Errorf("clean module: exit %d\nstdout:\n%s\nstderr:\n%s", res.code, res.stdout, res.stderr)
	}
	vet := command(t, fixture("clean"), "go", "vet", "-vettool="+binary, "./...")
	if vet.code != 0 {
		t.Errorf("go vet on the clean module: exit %d\n%s", vet.code, vet.stderr)
	}
}

// TestE2EBrokenPackage checks that a package that does not type-check is
// a clear error naming the package and position, that the packages that
// do type-check are still analysed, and that the exit status is 1.
func TestE2EBrokenPackage(t *testing.T) {
	res := connectlint(t, "", "-C", fixture("broken"), "-format", "json", "./...")
	if res.code != exitFailure {
		t.Errorf("exit status %d, want %d", res.code, exitFailure)
	}
	for _, want := range []string{
		"connectlint: example.com/broken/bad: bad/bad.go:5:13: undefined: missingFunction",
		"connectlint: example.com/broken/usesbad: not analysed: it depends on example.com/broken/bad, which has errors",
	} {
		if !strings.Contains(res.stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, res.stderr)
		}
	}
	if strings.Contains(res.stderr, "example.com/broken/good") {
		t.Errorf("the good package is reported as broken:\n%s", res.stderr)
	}
	report := parseJSONReport(t, res.stdout)
	if len(report.Errors) != 2 || report.Errors[0].File != "bad/bad.go" || report.Errors[0].Line != 5 {
		t.Errorf("JSON errors = %+v", report.Errors)
	}
	// The good package was analysed: its descriptor's finding is there,
	// and the exit status is still 1 (1 wins over 3).
	if len(report.Findings) != 1 || report.Findings[0].Rule != "insecure-base-url" || report.Findings[0].File != "good/atlassian-connect.json" {
		t.Errorf("findings of the good package = %+v", report.Findings)
	}

	sarif := connectlint(t, "", "-C", fixture("broken"), "-format", "sarif", "./...")
	if !strings.Contains(sarif.stdout, `"executionSuccessful": false`) {
		t.Errorf("SARIF does not record the failure:\n%s", sarif.stdout)
	}
}

func TestE2EUsageErrors(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"-format", "xml"}, `-format "xml": want text, json or sarif`},
		{[]string{"-disable", "no-such-rule"}, `unknown rule "no-such-rule"`},
		{[]string{"-C", "does-not-exist"}, "-C does-not-exist: not a directory"},
		{[]string{"-no-such-flag"}, "flag provided but not defined: -no-such-flag"},
		{[]string{"-C", fixture("clean"), "./does-not-exist"}, "does-not-exist"},
		{[]string{"explain", "no-such-rule"}, `no rule "no-such-rule"`},
	} {
		res := connectlint(t, "", tc.args...)
		if res.code != exitFailure || !strings.Contains(res.stderr, tc.want) {
			t.Errorf("connectlint %s: exit %d, stderr:\n%s\nwant exit 1 and %q", strings.Join(tc.args, " "), res.code, res.stderr, tc.want)
		}
	}
}

func TestE2EOutFile(t *testing.T) {
	out := filepath.Join(t.TempDir(), "report.json")
	res := connectlint(t, "", "-C", fixture("clean"), "-format", "json", "-out", out, "./...")
	if res.code != exitOK || res.stdout != "" {
		t.Errorf("exit %d, stdout %q", res.code, res.stdout)
	}
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	if r := parseJSONReport(t, string(data)); len(r.Findings) != 0 {
		t.Errorf("findings in the clean module: %+v", r.Findings)
	}
}

func TestE2ESubcommands(t *testing.T) {
	help := connectlint(t, "", "help")
	for _, want := range []string{"Usage:", "go vet -vettool=", "Exit status: 0 no findings, 3 findings, 1", "-format"} {
		if help.code != exitOK || !strings.Contains(help.stdout, want) {
			t.Errorf("help: exit %d, lacks %q:\n%s", help.code, want, help.stdout)
		}
	}
	version := connectlint(t, "", "version")
	if version.code != exitOK || !strings.HasPrefix(version.stdout, "connectlint ") || !strings.Contains(version.stdout, "REST API table: ") {
		t.Errorf("version: exit %d\n%s", version.code, version.stdout)
	}
	endpoint := connectlint(t, "", "endpoint", "GET", "/rest/api/3/myself")
	if endpoint.code != exitOK || !strings.Contains(endpoint.stdout, "/rest/api/3/myself") {
		t.Errorf("endpoint: exit %d\n%s%s", endpoint.code, endpoint.stdout, endpoint.stderr)
	}
	scopes := connectlint(t, "", "scopes", "-C", fixture("demo"))
	if scopes.code != exitOK || !strings.HasPrefix(scopes.stdout, "[") {
		t.Errorf("scopes: exit %d\n%s%s", scopes.code, scopes.stdout, scopes.stderr)
	}
	list := connectlint(t, "", "explain")
	if list.code != exitOK {
		t.Errorf("explain: exit %d", list.code)
	}
	for _, r := range rules.All() {
		if !strings.Contains(list.stdout, r.ID) {
			t.Errorf("explain does not list %s", r.ID)
		}
		res := connectlint(t, "", "explain", r.ID)
		if res.code != exitOK || !strings.Contains(res.stdout, r.Title) || r.Bad != "" && !strings.Contains(res.stdout, "Bad:") {
			t.Errorf("explain %s: exit %d\n%s", r.ID, res.code, res.stdout)
		}
	}
}

// TestE2EVetProtocol checks the two questions go vet asks a -vettool
// before handing it any package.
func TestE2EVetProtocol(t *testing.T) {
	v := connectlint(t, "", "-V=full")
	if v.code != 0 || !strings.Contains(v.stdout, "version devel") {
		t.Errorf("-V=full: exit %d\n%s%s", v.code, v.stdout, v.stderr)
	}
	f := connectlint(t, "", "-flags")
	var flags []struct{ Name string }
	if err := json.Unmarshal([]byte(f.stdout), &flags); err != nil || f.code != 0 {
		t.Errorf("-flags: exit %d, %v\n%s", f.code, err, f.stdout)
	}
}

// TestE2EVetVersionDigestsConfig checks that -V=full changes when
// .connectlint.yaml does: go vet keys its result cache by that line.
func TestE2EVetVersionDigestsConfig(t *testing.T) {
	dir := t.TempDir()
	writeTestFile(t, filepath.Join(dir, "go.mod"), "module example.com/m\n\ngo 1.26\n")
	before := connectlint(t, dir, "-V=full")
	writeTestFile(t, filepath.Join(dir, ".connectlint.yaml"), "disable: [excess-scope]\n")
	after := connectlint(t, dir, "-V=full")
	if before.code != 0 || after.code != 0 || !strings.Contains(before.stdout, " version devel ") {
		t.Fatalf("-V=full: exit %d and %d\n%s%s", before.code, after.code, before.stdout, after.stdout)
	}
	if before.stdout == after.stdout {
		t.Errorf("-V=full is the same before and after writing .connectlint.yaml: %s", before.stdout)
	}
}

// TestE2EAnalyzerFlags checks that analyzer flags work standalone, named
// as go vet names them.
func TestE2EAnalyzerFlags(t *testing.T) {
	const strictMsg = "403 is not told apart"
	if plain := demoJSON(t); strings.Contains(plain.stdout, strictMsg) {
		t.Errorf("strict finding without -forbidden.strict:\n%s", plain.stdout)
	}
	strict := connectlint(t, "", "-C", fixture("demo"), "-forbidden.strict", "./...")
	if strict.code != exitFindings || !strings.Contains(strict.stdout, strictMsg) {
		t.Errorf("-forbidden.strict: exit %d, want strict findings\n%s%s", strict.code, strict.stdout, strict.stderr)
	}
	// restcalls reports only on request; its flag must exist all the same.
	if strings.Contains(demoJSON(t).stdout, "rest-call") {
		t.Errorf("rest-call findings without -restcalls.report")
	}
	report := connectlint(t, "", "-C", fixture("demo"), "-restcalls.report", "./...")
	if report.code != exitFindings || !strings.Contains(report.stdout, "via (*Client).do: DELETE /rest/api/3/issue/{issueIdOrKey}; judged by Connect scopes (a Connect JWT) [rest-call]") {
		t.Errorf("-restcalls.report: exit %d, want the demo's calls listed\n%s%s", report.code, report.stdout, report.stderr)
	}
}

func writeTestFile(t *testing.T, path, content string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestE2ESuppression runs a module whose descriptor finding is suppressed
// by .connectlint.yaml and whose Go directive suppresses nothing.
func TestE2ESuppression(t *testing.T) {
	dir := fixture("suppressed")
	text := connectlint(t, "", "-C", dir, "./...")
	golden(t, "suppressed.txt", text.stdout)
	shown := connectlint(t, "", "-C", dir, "-show-suppressed", "./...")
	golden(t, "suppressed-shown.txt", shown.stdout)
	if !strings.Contains(shown.stdout, "[insecure-base-url] (suppressed: staging descriptor, served only inside the VPN)") {
		t.Errorf("-show-suppressed does not list the suppressed finding with its reason:\n%s", shown.stdout)
	}
	if strings.Contains(text.stdout, "insecure-base-url]") {
		t.Errorf("suppressed finding shown without -show-suppressed:\n%s", text.stdout)
	}

	js := connectlint(t, "", "-C", dir, "-format", "json", "./...")
	report := parseJSONReport(t, js.stdout)
	var suppressed, reported int
	for _, f := range report.Findings {
		if f.Suppressed {
			suppressed++
			if f.Rule != "insecure-base-url" || f.Justification == "" {
				t.Errorf("suppressed finding %+v", f)
			}
		} else {
			reported++
		}
	}
	if suppressed != 1 || reported != 1 {
		t.Errorf("JSON has %d suppressed and %d reported findings, want 1 and 1:\n%s", suppressed, reported, js.stdout)
	}
	checkPositions(t, absFixture(t, "suppressed"), report.Findings)
	// Suppressed findings do not count for the exit status.
	wantExit(t, js, reported)

	sarif := connectlint(t, "", "-C", dir, "-format", "sarif", "./...")
	if !strings.Contains(sarif.stdout, `"kind": "external"`) || !strings.Contains(sarif.stdout, `"justification": "staging descriptor, served only inside the VPN"`) {
		t.Errorf("SARIF lacks the external suppression:\n%s", sarif.stdout)
	}

	// go vet honours the same config file.
	vet, _ := runVet(t, absFixture(t, "suppressed"))
	if len(vet) != 1 || !strings.Contains(vet[0], "[unused-directive]") {
		t.Errorf("go vet reports %q, want only the unused directive", vet)
	}
}

func TestE2EConfigError(t *testing.T) {
	res := connectlint(t, "", "-C", fixture("badconfig"), "./...")
	want := `connectlint: .connectlint.yaml:2:1: config: unknown key "ignroe"`
	if res.code != exitFailure || !strings.Contains(res.stderr, want) {
		t.Errorf("exit %d, stderr:\n%s\nwant exit 1 and %q", res.code, res.stderr, want)
	}
	if n := strings.Count(res.stderr, "ignroe"); n != 1 {
		t.Errorf("config error reported %d times, want once:\n%s", n, res.stderr)
	}
}

// TestE2EDescriptorFlag checks that -descriptor names a descriptor that
// discovery would not find, relative to the -C directory.
func TestE2EDescriptorFlag(t *testing.T) {
	dir := fixture("explicit")
	without := connectlint(t, "", "-C", dir, "./...")
	if without.code != exitOK || without.stdout != "" {
		t.Errorf("without -descriptor: exit %d\n%s%s", without.code, without.stdout, without.stderr)
	}
	with := connectlint(t, "", "-C", dir, "-descriptor", "deploy/prod.json", "./...")
	want := "deploy/prod.json:4:14: "
	if with.code != exitFindings || !strings.HasPrefix(with.stdout, want) || !strings.HasSuffix(with.stdout, "[insecure-base-url]\n") {
		t.Errorf("with -descriptor: exit %d, want %d and a finding at %s\n%s%s", with.code, exitFindings, want, with.stdout, with.stderr)
	}
	missing := connectlint(t, "", "-C", dir, "-descriptor", "deploy/nope.json", "./...")
	if missing.code != exitFailure || !strings.Contains(missing.stderr, "-descriptor: ") || !strings.Contains(missing.stderr, "nope.json") {
		t.Errorf("missing -descriptor file: exit %d\n%s", missing.code, missing.stderr)
	}
}

// TestE2EColor runs connectlint on a pseudo-terminal (util-linux script):
// colour there, none with NO_COLOR, none when the report goes to a file.
func TestE2EColor(t *testing.T) {
	script, err := exec.LookPath("script")
	if err != nil {
		t.Skip("no script command to provide a terminal")
	}
	dir := absFixture(t, "explicit") // one error finding, quick to check
	run := func(env string, args ...string) string {
		t.Helper()
		cmdline := binary + " -C " + dir + " -descriptor deploy/prod.json " + strings.Join(args, " ") + " ./..."
		cmd := exec.Command(script, "-qec", cmdline, os.DevNull)
		cmd.Env = append(slices.DeleteFunc(os.Environ(), func(kv string) bool {
			return strings.HasPrefix(kv, "NO_COLOR=") || strings.HasPrefix(kv, "TERM=")
		}), "TERM=xterm")
		if env != "" {
			cmd.Env = append(cmd.Env, env)
		}
		out, _ := cmd.Output() // exit status 3: findings
		return string(out)
	}
	plain := run("NO_COLOR=1")
	if !strings.Contains(plain, "[insecure-base-url]") {
		t.Skipf("script gave no usable output:\n%q", plain)
	}
	if strings.Contains(plain, "\x1b[") {
		t.Errorf("colour despite NO_COLOR:\n%q", plain)
	}
	if got := run(""); !strings.Contains(got, "\x1b[31m[insecure-base-url]") {
		t.Errorf("no colour on a terminal:\n%q", got)
	}
	out := filepath.Join(t.TempDir(), "report.txt")
	run("", "-out", out)
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(data), "[insecure-base-url]") || strings.Contains(string(data), "\x1b[") {
		t.Errorf("-out file on a terminal:\n%q", data)
	}
}

// TestE2EGoTool follows the README's go tool recipe in a copy of the demo
// app and of the OAuth 2.0 fixture: connectlint added as a tool of the
// app's module (a replace points at this work tree instead of a published
// version), then run with go tool and as go vet's -vettool via go tool -n.
func TestE2EGoTool(t *testing.T) {
	if testing.Short() {
		t.Skip("builds connectlint inside another module; skipped in -short mode")
	}
	if buildErr != nil {
		t.Skipf("cannot build connectlint: %v", buildErr)
	}
	root, err := filepath.Abs(repoRoot)
	if err != nil {
		t.Fatal(err)
	}
	// Stub dependencies, replaced by paths relative to the fixture.
	stubs := map[string]string{"oauth": "golang.org/x/oauth2=oauth2", "forge": "github.com/golang-jwt/jwt/v5=golangjwt"}
	for _, name := range []string{"demo", "oauth", "forge"} {
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			if err := os.CopyFS(dir, os.DirFS(absFixture(t, name))); err != nil {
				t.Fatal(err)
			}
			want := connectlint(t, "", "-C", absFixture(t, name), "./...")
			goCmd := func(args ...string) result {
				t.Helper()
				return command(t, dir, "go", args...)
			}
			edit := []string{"mod", "edit", "-replace=github.com/connectlint/connectlint=" + root,
				"-tool=github.com/connectlint/connectlint/cmd/connectlint"}
			if stub, ok := stubs[name]; ok {
				mod, dir, _ := strings.Cut(stub, "=")
				edit = append(edit, "-replace="+mod+"="+filepath.Join(root, "testdata", "stubs", dir))
			}
			if res := goCmd(edit...); res.code != 0 {
				t.Fatalf("go mod edit: %s", res.stderr)
			}
			if res := goCmd("mod", "tidy"); res.code != 0 {
				t.Skipf("go mod tidy cannot resolve connectlint's dependencies here (offline?):\n%s", res.stderr)
			}
			tool := goCmd("tool", "connectlint", "./...")
			if tool.stdout != want.stdout || tool.code != want.code {
				t.Errorf("go tool connectlint ./...: exit %d\n%s%s\nwant exit %d:\n%s", tool.code, tool.stdout, tool.stderr, want.code, want.stdout)
			}
			path := strings.TrimSpace(goCmd("tool", "-n", "connectlint").stdout)
			if path == "" {
				t.Fatal("go tool -n connectlint printed nothing")
			}
			vet := goCmd("vet", "-vettool="+path, "./...")
			first, _, _ := strings.Cut(want.stdout, ":")
			if (vet.code != 0) != (want.stdout != "") || want.stdout != "" && !strings.Contains(vet.stderr, first+":") {
				t.Errorf("go vet -vettool=$(go tool -n connectlint): exit %d\n%s", vet.code, vet.stderr)
			}
		})
	}
}

// TestE2EOAuth runs an OAuth 2.0 (3LO) app whose calls live in another
// package than its grant, standalone and through go vet: the main package
// judges those calls and reports at them, a directive beside one
// suppresses it, and -fix adds the missing scopes to the Scopes literal.
func TestE2EOAuth(t *testing.T) {
	dir := absFixture(t, "oauth")
	text := connectlint(t, "", "-C", dir, "-show-suppressed", "./...")
	golden(t, "oauth.txt", text.stdout)
	js := connectlint(t, "", "-C", dir, "-format", "json", "./...")
	report := parseJSONReport(t, js.stdout)
	checkPositions(t, dir, report.Findings)
	var standalone []string
	for _, f := range report.Findings {
		if !f.Suppressed {
			standalone = append(standalone, fmt.Sprintf("%s:%d:%d: %s [%s]", f.File, f.Line, f.Column, f.Message, f.Rule))
		}
	}
	wantExit(t, js, len(standalone))
	slices.Sort(standalone)
	vet, vetRes := runVet(t, dir)
	if !slices.Equal(vet, standalone) {
		t.Errorf("go vet and standalone disagree\ngo vet:\n%s\nstandalone:\n%s\ngo vet stderr:\n%s",
			strings.Join(vet, "\n"), strings.Join(standalone, "\n"), vetRes.stderr)
	}

	copyDir := t.TempDir()
	if err := os.CopyFS(copyDir, os.DirFS(dir)); err != nil {
		t.Fatal(err)
	}
	stub, err := filepath.Abs(filepath.Join(repoRoot, "testdata", "stubs", "oauth2"))
	if err != nil {
		t.Fatal(err)
	}
	if res := command(t, copyDir, "go", "mod", "edit", "-replace=golang.org/x/oauth2="+stub); res.code != 0 {
		t.Fatalf("go mod edit: %s", res.stderr)
	}
	fix := connectlint(t, "", "-C", copyDir, "-fix", "./...")
	if !strings.Contains(fix.stderr, "connectlint: applied 1 fix in 1 file") {
		t.Errorf("-fix: exit %d\n%s%s", fix.code, fix.stdout, fix.stderr)
	}
	fixed, err := os.ReadFile(filepath.Join(copyDir, "main.go"))
	if err != nil {
		t.Fatal(err)
	}
	golden(t, "oauth-fixed-main.go.txt", string(fixed))
	after := connectlint(t, "", "-C", copyDir, "./...")
	if strings.Contains(after.stdout, "missing-scope") {
		t.Errorf("missing scopes after -fix:\n%s", after.stdout)
	}
}

// TestE2EFix applies the missing-scope fix, which edits the descriptor,
// to a copy of a module whose code deletes issues with only READ declared.
func TestE2EFix(t *testing.T) {
	dir := t.TempDir()
	if err := os.CopyFS(dir, os.DirFS(absFixture(t, "fixscope"))); err != nil {
		t.Fatal(err)
	}
	cache := "-cache=" + t.TempDir()
	fix := connectlint(t, "", "-C", dir, cache, "-fix", "./...")
	if fix.code != exitOK || fix.stdout != "" || !strings.Contains(fix.stderr, "connectlint: applied 1 fix in 1 file") {
		t.Errorf("-fix: exit %d\n%s%s", fix.code, fix.stdout, fix.stderr)
	}
	data, err := os.ReadFile(filepath.Join(dir, "atlassian-connect.json"))
	if err != nil {
		t.Fatal(err)
	}
	var desc struct{ Scopes []string }
	if err := json.Unmarshal(data, &desc); err != nil {
		t.Fatalf("fixed descriptor is not JSON: %v\n%s", err, data)
	}
	if !slices.Equal(desc.Scopes, []string{"READ", "DELETE"}) {
		t.Errorf("scopes after -fix = %q, want READ and DELETE", desc.Scopes)
	}
	// The same cache: the descriptor's new content must not replay
	// the old findings.
	after := connectlint(t, "", "-C", dir, cache, "./...")
	if after.code != exitOK || after.stdout != "" {
		t.Errorf("after -fix: exit %d\n%s%s", after.code, after.stdout, after.stderr)
	}
}

// TestE2ECacheAgrees runs every fixture without the runner's cache, then
// twice with it (cold, then warm): the reports, suppressed findings and
// load errors included, and the exit statuses must be the same.
func TestE2ECacheAgrees(t *testing.T) {
	for _, name := range []string{"demo", "demo-3lo", "demo-forge", "suppressed", "broken", "badconfig", "clean", "explicit", "fixscope", "fixmanifest", "oauth", "forge"} {
		t.Run(name, func(t *testing.T) {
			dir := absFixture(t, name)
			cache := "-cache=" + t.TempDir()
			for _, format := range []string{"json", "text"} {
				args := []string{"-C", dir, "-format", format, "-show-suppressed", "./..."}
				want := connectlint(t, "", append([]string{"-cache=off"}, args...)...)
				for _, run := range []string{"cold", "warm"} {
					if format == "text" {
						run = "warm" // the json runs filled the cache
					}
					got := connectlint(t, "", append([]string{cache}, args...)...)
					if want.code != got.code || want.stdout != got.stdout {
						t.Errorf("-format %s, %s cache: exit %d, without a cache exit %d\nwith:\n%s\nwithout:\n%s",
							format, run, got.code, want.code, got.stdout, want.stdout)
					}
					if sortedLines(want.stderr) != sortedLines(got.stderr) {
						t.Errorf("-format %s, %s cache: standard error differs\nwith:\n%s\nwithout:\n%s", format, run, got.stderr, want.stderr)
					}
				}
			}
		})
	}
}

func sortedLines(s string) string {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	slices.Sort(lines)
	return strings.Join(lines, "\n")
}

// TestE2ECacheSeesDescriptorEdits checks that the runner's cache does not
// replay findings after the descriptor (not a Go file, not embedded) is
// edited.
func TestE2ECacheSeesDescriptorEdits(t *testing.T) {
	// The demo's descriptor, next to a package that does not embed it.
	dir := t.TempDir()
	descriptor, err := os.ReadFile(filepath.Join(absFixture(t, "demo"), "atlassian-connect.json"))
	if err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(dir, "atlassian-connect.json")
	writeTestFile(t, file, string(descriptor))
	writeTestFile(t, filepath.Join(dir, "go.mod"), "module example.com/plain\n\ngo 1.26\n")
	writeTestFile(t, filepath.Join(dir, "main.go"), "package main\n\nfunc main() {}\n")
	before := connectlint(t, dir, "./...")
	if !strings.Contains(before.stdout, "[insecure-base-url]") {
		t.Fatalf("no insecure-base-url finding on the demo:\n%s%s", before.stdout, before.stderr)
	}
	writeTestFile(t, file, strings.Replace(string(descriptor), "http://issue-cleaner", "https://issue-cleaner", 1))
	after := connectlint(t, dir, "./...")
	if strings.Contains(after.stdout, "[insecure-base-url]") || !strings.Contains(after.stdout, "[unsigned-install]") {
		t.Errorf("after the baseUrl fix:\n%s%s", after.stdout, after.stderr)
	}
}

// TestE2ECacheSeesExplicitDescriptorEdits: a descriptor named by
// -descriptor is outside the module fingerprint; its content keys the
// cache too.
func TestE2ECacheSeesExplicitDescriptorEdits(t *testing.T) {
	dir := t.TempDir()
	descriptor, err := os.ReadFile(filepath.Join(absFixture(t, "demo"), "atlassian-connect.json"))
	if err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(dir, "app.json")
	writeTestFile(t, file, string(descriptor))
	writeTestFile(t, filepath.Join(dir, "go.mod"), "module example.com/plain\n\ngo 1.26\n")
	writeTestFile(t, filepath.Join(dir, "main.go"), "package main\n\nfunc main() {}\n")
	before := connectlint(t, dir, "-descriptor", "app.json", "./...")
	if !strings.Contains(before.stdout, "[insecure-base-url]") {
		t.Fatalf("no insecure-base-url finding:\n%s%s", before.stdout, before.stderr)
	}
	writeTestFile(t, file, strings.Replace(string(descriptor), "http://issue-cleaner", "https://issue-cleaner", 1))
	after := connectlint(t, dir, "-descriptor", "app.json", "./...")
	if strings.Contains(after.stdout, "[insecure-base-url]") || !strings.Contains(after.stdout, "[unsigned-install]") {
		t.Errorf("after the baseUrl fix:\n%s%s", after.stdout, after.stderr)
	}
}

// TestE2EFixManifest applies the missing-scope fix to a Forge manifest,
// whose flow-style scope list and comments must survive, in a copy of a
// Forge remote that comments on issues without write:jira-work.
func TestE2EFixManifest(t *testing.T) {
	dir := t.TempDir()
	if err := os.CopyFS(dir, os.DirFS(absFixture(t, "fixmanifest"))); err != nil {
		t.Fatal(err)
	}
	scopeRules := "-enable=missing-scope,excess-scope"
	fix := connectlint(t, "", "-C", dir, scopeRules, "-cache=off", "-fix", "./...")
	if !strings.Contains(fix.stderr, "connectlint: applied 1 fix in 1 file") {
		t.Errorf("-fix: exit %d\n%s%s", fix.code, fix.stdout, fix.stderr)
	}
	data, err := os.ReadFile(filepath.Join(dir, "manifest.yml"))
	if err != nil {
		t.Fatal(err)
	}
	golden(t, "fixmanifest-manifest.yml.txt", string(data))
	after := connectlint(t, "", "-C", dir, scopeRules, "./...")
	if strings.Contains(after.stdout, "missing-scope") || !strings.Contains(after.stdout, "read:jira-work is not needed") {
		t.Errorf("after -fix: exit %d\n%s%s", after.code, after.stdout, after.stderr)
	}
}

// TestE2EAcrossPrograms: two programs share a descriptor; a standalone run
// judges excess-scope by the union of their needs, so the server's DELETE
// is not excess for the report command.
func TestE2EAcrossPrograms(t *testing.T) {
	dir := filepath.Join(repoRoot, "analyzers", "testdata", "twoprograms")
	res := connectlint(t, "", "-C", dir, "-enable=excess-scope", "./...")
	if strings.Contains(res.stdout, "scope DELETE") || !strings.Contains(res.stdout, "scope ADMIN") {
		t.Errorf("exit %d\n%s%s", res.code, res.stdout, res.stderr)
	}
	// go vet itself judges each program alone.
	vet := command(t, dir, "go", "vet", "-vettool="+binary, "./...")
	if !strings.Contains(vet.stderr, "scope DELETE is broader than needed") {
		t.Errorf("go vet -vettool should judge each main alone:\n%s", vet.stderr)
	}
}
