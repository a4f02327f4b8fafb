package robustness

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/connectlint/connectlint/internal/testenv"
)

// maxRSS bounds the peak memory of one run. Most of a small run's
// memory is the standard library, which the analyzers with facts load
// from source; the bound is there to catch runaway growth, not to tune.
const maxRSS = 1536 << 20

var (
	binary   string // connectlint, built by TestMain
	buildErr error
	badgo    = filepath.Join("..", "..", "testdata", "badgo")
)

func TestMain(m *testing.M) {
	os.Exit(func() int {
		dir, err := os.MkdirTemp("", "connectlint-robustness")
		if err != nil {
			buildErr = err
			return m.Run()
		}
		defer os.RemoveAll(dir)
		binary, buildErr = testenv.Build("github.com/connectlint/connectlint/cmd/connectlint", dir, "connectlint")
		return m.Run()
	}())
}

// result is one run of the binary.
type result struct {
	exit    int
	stderr  string
	report  report
	peakRSS int64 // bytes
}

type report struct {
	Findings []struct {
		Rule    string
		File    string
		Line    int
		Message string
	}
	Errors []struct {
		Package string
		File    string
		Line    int
		Column  int
		Message string
	}
}

// run runs connectlint -format json ./... in dir and checks what every
// run must satisfy: no panic or internal error, exit status 0, 3 or 1,
// and peak memory under maxRSS.
func run(t *testing.T, dir string, env ...string) *result {
	t.Helper()
	if buildErr != nil {
		t.Fatal(buildErr)
	}
	var stdout, stderr bytes.Buffer
	cmd := exec.Command(binary, "-format", "json", "./...")
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), env...)
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	r := &result{stderr: stderr.String()}
	var exit *exec.ExitError
	switch {
	case errors.As(err, &exit):
		r.exit = exit.ExitCode()
	case err != nil:
		t.Fatal(err)
	}
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		r.peakRSS = int64(ru.Maxrss) * 1024 // KiB on Linux
	}
	t.Logf("exit %d, peak RSS %d MiB", r.exit, r.peakRSS>>20)
	for _, bad := range []string{"panic", "internal error", "goroutine "} {
		if strings.Contains(r.stderr, bad) {
			t.Fatalf("stderr has %q:\n%s", bad, r.stderr)
		}
	}
	if r.exit != 0 && r.exit != 1 && r.exit != 3 {
		t.Fatalf("exit status %d, want 0, 1 or 3; stderr:\n%s", r.exit, r.stderr)
	}
	if err := json.Unmarshal(stdout.Bytes(), &r.report); err != nil {
		t.Fatalf("JSON report: %v\n%s", err, stdout.String())
	}
	if r.exit == 1 && len(r.report.Errors) == 0 {
		t.Fatalf("exit 1 without a load error in the report; stderr:\n%s", r.stderr)
	}
	if r.peakRSS > maxRSS {
		t.Errorf("peak RSS %d MiB, want at most %d MiB", r.peakRSS>>20, maxRSS>>20)
	}
	return r
}

// hasFinding reports whether the report has a finding of rule in a file
// named file (relative to the run's directory) at line (0: any line).
func (r *result) hasFinding(rule, file string, line int) bool {
	for _, f := range r.report.Findings {
		if f.Rule == rule && filepath.ToSlash(f.File) == file && (line == 0 || f.Line == line) {
			return true
		}
	}
	return false
}

// wantError checks that a load error names pkg, and, when file is not
// empty, points into file with a line number.
func (r *result) wantError(t *testing.T, pkg, file, msg string) {
	t.Helper()
	for _, e := range r.report.Errors {
		if e.Package == pkg && strings.Contains(e.Message, msg) && (file == "" || filepath.ToSlash(e.File) == file && e.Line > 0) {
			if !strings.Contains(r.stderr, pkg) {
				t.Errorf("stderr does not name %s:\n%s", pkg, r.stderr)
			}
			return
		}
	}
	t.Errorf("no load error for %s in %s containing %q; errors: %+v", pkg, file, msg, r.report.Errors)
}

func TestSyntaxError(t *testing.T) {
	r := run(t, filepath.Join(badgo, "syntax"))
	if r.exit != 1 {
		t.Errorf("exit %d, want 1", r.exit)
	}
	// The compiler's wording (go list compiles the package), as go build
	// prints it.
	r.wantError(t, "example.com/syntax/broken", "broken/broken.go", "syntax error: unexpected newline in argument list")
	if !r.hasFinding("unchecked-403", "ok/ok.go", 7) {
		t.Errorf("the package that parses was not checked: %+v", r.report.Findings)
	}
}

func TestTypeError(t *testing.T) {
	r := run(t, filepath.Join(badgo, "typeerr"))
	if r.exit != 1 {
		t.Errorf("exit %d, want 1", r.exit)
	}
	r.wantError(t, "example.com/typeerr/bad", "bad/bad.go", "cannot use")
	r.wantError(t, "example.com/typeerr/user", "", "example.com/typeerr/bad")
	if !r.hasFinding("unchecked-403", "ok/ok.go", 7) {
		t.Errorf("the package without errors was not checked: %+v", r.report.Findings)
	}
}

func TestImportCycle(t *testing.T) {
	r := run(t, filepath.Join(badgo, "cycle"))
	if r.exit != 1 {
		t.Errorf("exit %d, want 1", r.exit)
	}
	r.wantError(t, "example.com/cycle/a", "", "import cycle")
}

func TestMissingModule(t *testing.T) {
	// Offline, so that the answer does not depend on the network: the
	// missing module must be reported, not fetched.
	r := run(t, filepath.Join(badgo, "missingdep"), "GOFLAGS=-mod=readonly", "GOPROXY=off")
	if r.exit != 1 {
		t.Errorf("exit %d, want 1", r.exit)
	}
	r.wantError(t, "example.com/missingdep", "missingdep.go", "example.org/nowhere/jira")
}

func TestGenerics(t *testing.T) {
	r := run(t, filepath.Join(badgo, "generics"))
	if r.exit != 3 {
		t.Errorf("exit %d, want 3", r.exit)
	}
	// The generic helper's callers (two instantiations) and the method
	// of a generic type.
	for _, line := range []int{36, 44, 47} {
		if !r.hasFinding("unchecked-403", "generics.go", line) {
			t.Errorf("no unchecked-403 at generics.go:%d: %+v", line, r.report.Findings)
		}
	}
}

func TestCgo(t *testing.T) {
	if _, err := exec.LookPath("gcc"); err != nil {
		t.Skip("no gcc: cgo cannot build")
	}
	out, err := exec.Command("go", "env", "CGO_ENABLED").Output()
	if err != nil || strings.TrimSpace(string(out)) != "1" {
		t.Skip("cgo is disabled")
	}
	r := run(t, filepath.Join(badgo, "cgo"))
	if r.exit != 3 {
		t.Errorf("exit %d, want 3; stderr:\n%s", r.exit, r.stderr)
	}
	if len(r.report.Findings) != 1 || r.report.Findings[0].Rule != "unchecked-403" {
		t.Fatalf("want one unchecked-403 finding, got %+v", r.report.Findings)
	}
	// The analyzers see cgo's generated files; //line directives in them
	// point back to cgo.go, which go vet -vettool reports.
	f := r.report.Findings[0]
	if filepath.ToSlash(f.File) != "cgo.go" || f.Line != 15 {
		t.Errorf("finding at %s:%d, want cgo.go:15", f.File, f.Line)
	}
}

// writeModule writes go.mod and the given files into a new temporary
// directory and returns it.
func writeModule(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	files["go.mod"] = "module example.com/gen\n\ngo 1.24\n"
	for name, src := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// jiraCall is a call whose response is dropped unchecked: an
// unchecked-403 finding on its first line, at the call.
const jiraCall = `	resp, err := c.Get(%s)
	if err != nil {
		return 0
	}
	resp.Body.Close()
`

func TestHugeFunction(t *testing.T) {
	const statements = 50_000
	var b strings.Builder
	b.WriteString("package huge\n\nimport \"net/http\"\n\nfunc Huge(c *http.Client, n int) int {\n\ts := n\n")
	for i := range statements {
		switch i % 4 {
		case 0:
			fmt.Fprintf(&b, "\ts += %d\n", i)
		case 1:
			fmt.Fprintf(&b, "\ts ^= s >> %d\n", i%63)
		case 2:
			fmt.Fprintf(&b, "\tif s > %d {\n\t\ts--\n\t}\n", i)
		default:
			b.WriteString("\ts *= 3\n")
		}
	}
	line := strings.Count(b.String(), "\n") + 1
	fmt.Fprintf(&b, jiraCall, `"https://example.atlassian.net/rest/api/3/myself"`)
	b.WriteString("\treturn s\n}\n")
	r := run(t, writeModule(t, map[string]string{"huge.go": b.String()}))
	if r.exit != 3 || !r.hasFinding("unchecked-403", "huge.go", line) {
		t.Errorf("exit %d, findings %+v; want exit 3 and unchecked-403 at huge.go:%d", r.exit, r.report.Findings, line)
	}
}

// deepSource is a package whose request URLs are nested depth deep: a
// concatenation of a variable (so it is not folded to a constant) and
// depth calls of an identity function. Both helpers drop the response,
// which is reported where Use calls them; lines are those calls.
func deepSource(pkg string, depth int) (src string, lines []int) {
	concat := strings.Repeat("empty + (", depth) + "path" + strings.Repeat(")", depth)
	calls := strings.Repeat("id(", depth) + "base + path" + strings.Repeat(")", depth)
	src = "package " + pkg + "\n\nimport \"net/http\"\n\nvar empty = \"\"\n\nfunc id(s string) string { return s }\n\n" +
		"func Concat(c *http.Client, path string) int {\n" + fmt.Sprintf(jiraCall, "\"https://example.atlassian.net\" + ("+concat+")") + "\treturn 1\n}\n\n" +
		"func Calls(c *http.Client, base, path string) int {\n" + fmt.Sprintf(jiraCall, calls) + "\treturn 1\n}\n\n" +
		"func Use(c *http.Client) {\n"
	first := strings.Count(src, "\n") + 1
	src += "\tConcat(c, \"/rest/api/3/myself\")\n\tCalls(c, \"https://example.atlassian.net\", \"/rest/api/3/myself\")\n}\n"
	return src, []int{first, first + 1}
}

func TestDeepNesting(t *testing.T) {
	shallow, lines := deepSource("shallow", 30)
	deep, _ := deepSource("deep", 10_000)
	r := run(t, writeModule(t, map[string]string{"shallow/deep.go": shallow, "deep/deep.go": deep}))
	if r.exit != 3 {
		t.Errorf("exit %d, want 3", r.exit)
	}
	// 30 levels are resolved. 10 000 need not be (the string evaluator
	// bounds its work), but must end normally within the memory bound.
	for _, line := range lines {
		if !r.hasFinding("unchecked-403", "shallow/deep.go", line) {
			t.Errorf("no unchecked-403 at shallow/deep.go:%d: %+v", line, r.report.Findings)
		}
	}
}

func TestManyFiles(t *testing.T) {
	if testing.Short() {
		t.Skip("generates and checks a package of 5 000 files")
	}
	const n = 5_000
	files := map[string]string{
		"call.go": "package many\n\nimport \"net/http\"\n\nfunc Call(c *http.Client) int {\n" +
			fmt.Sprintf(jiraCall, `"https://example.atlassian.net/rest/api/3/myself"`) + "\treturn f0()\n}\n",
	}
	for i := range n {
		files[fmt.Sprintf("f%d.go", i)] = fmt.Sprintf("package many\n\nfunc f%d() int { return %d }\n", i, i)
	}
	r := run(t, writeModule(t, files))
	if r.exit != 3 || !r.hasFinding("unchecked-403", "call.go", 6) {
		t.Errorf("exit %d, findings %+v; want exit 3 and unchecked-403 at call.go:6", r.exit, r.report.Findings)
	}
}
