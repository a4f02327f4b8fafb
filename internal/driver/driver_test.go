package driver_test

import (
	"bytes"
	"fmt"
	"go/ast"
	"go/token"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/connectlint/connectlint/internal/driver"
	"github.com/connectlint/connectlint/internal/output"
	"github.com/connectlint/connectlint/internal/rules"
)

var (
	callRule = &rules.Rule{
		ID: "drivertest-call", Analyzer: "drivertest", Title: "call of bad", Severity: rules.Warning,
		Since: "v0.1.0", Doc: "d", Bad: "bad()", Good: "good()", Lang: "go",
	}
	fileRule = &rules.Rule{
		ID: "drivertest-file", Analyzer: "drivertest", Title: "bad in data.json", Severity: rules.Note,
		Since: "v0.1.0", Doc: "d", Bad: `"bad"`, Good: `"good"`, Lang: "json",
	}
)

func init() { rules.Register(callRule, fileRule) }

// testAnalyzer reports every call of a function named bad (with a fix to
// call good instead) and, like the descriptor analyzer, a finding in a
// non-Go file of the module from every package.
var testAnalyzer = &analysis.Analyzer{
	Name:     "drivertest",
	Doc:      "test analyzer",
	Requires: []*analysis.Analyzer{inspect.Analyzer},
	Run: func(pass *analysis.Pass) (any, error) {
		in := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)
		for n := range in.PreorderSeq((*ast.CallExpr)(nil)) {
			if id, ok := n.(*ast.CallExpr).Fun.(*ast.Ident); ok && id.Name == "bad" {
				d := callRule.Diagnostic(id.Pos(), id.End(), "call of bad")
				d.SuggestedFixes = []analysis.SuggestedFix{{
					Message:   "call good",
					TextEdits: []analysis.TextEdit{{Pos: id.Pos(), End: id.End(), NewText: []byte("good")}},
				}}
				pass.Report(d)
			}
		}
		dir := filepath.Dir(pass.Fset.File(pass.Files[0].Pos()).Name())
		name := filepath.Join(filepath.Dir(dir), "data.json")
		data, err := os.ReadFile(name)
		if err != nil {
			return nil, err
		}
		tf := pass.Fset.AddFile(name, -1, len(data))
		tf.SetLinesForContent(data)
		off := bytes.Index(data, []byte(`"bad"`))
		fileRule.Reportf(pass, tokenRange{tf.Pos(off), tf.Pos(off + 5)}, `value "bad" in data.json`)
		return nil, nil
	},
}

// tokenRange is an analysis.Range in a non-Go file.
type tokenRange struct{ pos, end token.Pos }

func (r tokenRange) Pos() token.Pos { return r.pos }
func (r tokenRange) End() token.Pos { return r.end }

// copyModule copies the fixture module to a fresh directory.
func copyModule(t *testing.T) string {
	t.Helper()
	if _, err := exec.LookPath("go"); err != nil {
		t.Skip("no go command")
	}
	dir := t.TempDir()
	if err := os.CopyFS(dir, os.DirFS(filepath.Join("testdata", "mod"))); err != nil {
		t.Fatal(err)
	}
	return dir
}

func run(t *testing.T, cfg driver.Config) *driver.Result {
	t.Helper()
	cfg.Analyzers = []*analysis.Analyzer{testAnalyzer}
	cfg.Runner = &driver.Runner{}
	res, err := driver.Run(cfg)
	if err != nil {
		t.Fatal(err)
	}
	return res
}

// summary renders findings as rel/file:line:col rule for comparison.
func summary(dir string, fs []output.Finding) []string {
	var out []string
	for _, f := range fs {
		rel, _ := filepath.Rel(dir, f.Pos.File)
		s := filepath.ToSlash(rel) + ":" + itoa(f.Pos.Line) + ":" + itoa(f.Pos.Column) + " " + f.Rule
		if f.Suppressed {
			s += " (suppressed)"
		}
		out = append(out, s)
	}
	return out
}

func itoa(i int) string { return strconv.Itoa(i) }

func TestRunFindingsAndProblems(t *testing.T) {
	dir := copyModule(t)
	res := run(t, driver.Config{Dir: dir, Tests: true})

	// data.json is reported by every analysed package (a, its test
	// variant, d) but appears once; a.go's call appears once although
	// both a and a [a.test] contain it.
	want := []string{
		"a/a.go:6:23 drivertest-call",
		"a/a_test.go:5:32 drivertest-call",
		"data.json:2:12 drivertest-file",
	}
	if got := summary(dir, res.Findings); !slices.Equal(got, want) {
		t.Errorf("findings:\n got %q\nwant %q", got, want)
	}

	// b does not type-check: its error is a problem with its position;
	// c imports b and is not analysed; a and d are.
	var msgs []string
	for _, p := range res.Problems {
		pos := ""
		if p.Pos.File != "" {
			rel, _ := filepath.Rel(dir, p.Pos.File)
			pos = filepath.ToSlash(rel) + ":" + itoa(p.Pos.Line) + ":" + itoa(p.Pos.Column) + " "
		}
		msgs = append(msgs, p.Package+" "+pos+p.Message)
	}
	wantProblems := []string{
		"example.com/mod/b b/b.go:3:9 undefined: undefinedThing",
		"example.com/mod/c not analysed: it depends on example.com/mod/b, which has errors",
	}
	if !slices.Equal(msgs, wantProblems) {
		t.Errorf("problems:\n got %q\nwant %q", msgs, wantProblems)
	}
}

func TestRunWithoutTests(t *testing.T) {
	dir := copyModule(t)
	res := run(t, driver.Config{Dir: dir, Patterns: []string{"./a"}, Tests: false})
	want := []string{"a/a.go:6:23 drivertest-call", "data.json:2:12 drivertest-file"}
	if got := summary(dir, res.Findings); !slices.Equal(got, want) {
		t.Errorf("findings:\n got %q\nwant %q", got, want)
	}
	if len(res.Problems) != 0 {
		t.Errorf("problems: %+v", res.Problems)
	}
}

func TestRunRuleFilter(t *testing.T) {
	dir := copyModule(t)
	for _, tc := range []struct {
		enable, disable string
		want            []string
	}{
		{disable: "drivertest-call", want: []string{"data.json:2:12 drivertest-file"}},
		{enable: "drivertest-call", want: []string{"a/a.go:6:23 drivertest-call"}},
		{enable: "drivertest", disable: "drivertest-file", want: []string{"a/a.go:6:23 drivertest-call"}},
		{disable: "drivertest", want: nil},
	} {
		rs, err := driver.NewRuleSet(driver.SplitList(tc.enable), driver.SplitList(tc.disable))
		if err != nil {
			t.Fatal(err)
		}
		res := run(t, driver.Config{Dir: dir, Patterns: []string{"./a"}, Rules: rs})
		if got := summary(dir, res.Findings); !slices.Equal(got, tc.want) {
			t.Errorf("enable=%q disable=%q:\n got %q\nwant %q", tc.enable, tc.disable, got, tc.want)
		}
	}
}

func TestNewRuleSetUnknown(t *testing.T) {
	_, err := driver.NewRuleSet(nil, []string{"drivertest-cal"})
	if err == nil || !strings.Contains(err.Error(), `did you mean "drivertest-call"`) {
		t.Errorf("err = %v, want a suggestion", err)
	}
	if _, err := driver.NewRuleSet([]string{"drivertest"}, []string{"drivertest-file"}); err != nil {
		t.Errorf("analyzer name rejected: %v", err)
	}
}

func TestRunBadPattern(t *testing.T) {
	dir := copyModule(t)
	res := run(t, driver.Config{Dir: dir, Patterns: []string{"./nonexistent", "./d"}})
	if len(res.Problems) != 1 || !strings.Contains(res.Problems[0].Message, "nonexistent") {
		t.Errorf("problems = %+v, want one naming the bad pattern", res.Problems)
	}
}

func TestRunFix(t *testing.T) {
	dir := copyModule(t)
	res := run(t, driver.Config{Dir: dir, Patterns: []string{"./a"}, Tests: true, Fix: true})
	if res.Fixed.Fixes != 2 || res.Fixed.Files != 2 {
		t.Errorf("fixed = %+v, want 2 fixes in 2 files", res.Fixed)
	}
	got, err := os.ReadFile(filepath.Join(dir, "a", "a.go"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(got), "return good() + good()") {
		t.Errorf("a.go not fixed:\n%s", got)
	}
	// What had no fix is still reported; what was fixed is not.
	if got, want := summary(dir, res.Findings), []string{"data.json:2:12 drivertest-file"}; !slices.Equal(got, want) {
		t.Errorf("findings after -fix:\n got %q\nwant %q", got, want)
	}
	// A second run finds nothing left to fix.
	res = run(t, driver.Config{Dir: dir, Patterns: []string{"./a"}, Tests: true})
	if got, want := summary(dir, res.Findings), []string{"data.json:2:12 drivertest-file"}; !slices.Equal(got, want) {
		t.Errorf("findings on the fixed code:\n got %q\nwant %q", got, want)
	}
}

// TestRunManyErrors checks that a package with many errors shows the
// first few and counts the rest.
func TestRunManyErrors(t *testing.T) {
	dir := copyModule(t)
	src := "package many\n\nvar (\n\ta = u1\n\tb = u2\n\tc = u3\n\td = u4\n\te = u5\n)\n"
	if err := os.MkdirAll(filepath.Join(dir, "many"), 0o777); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "many", "many.go"), []byte(src), 0o666); err != nil {
		t.Fatal(err)
	}
	res := run(t, driver.Config{Dir: dir, Patterns: []string{"./many"}})
	var msgs []string
	for _, p := range res.Problems {
		msgs = append(msgs, fmt.Sprintf("%d %s", p.Pos.Line, p.Message))
	}
	want := []string{"4 undefined: u1", "5 undefined: u2", "6 undefined: u3", "0 and 2 more errors"}
	if !slices.Equal(msgs, want) {
		t.Errorf("problems:\n got %q\nwant %q", msgs, want)
	}
}
