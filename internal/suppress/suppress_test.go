package suppress_test

import (
	"fmt"
	"go/ast"
	"go/token"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync/atomic"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/connectlint/connectlint/analyzers/directives"
	"github.com/connectlint/connectlint/internal/posmap"
	"github.com/connectlint/connectlint/internal/rules"
	"github.com/connectlint/connectlint/internal/suppress"
)

// badcallRuns counts the runs of badcall, to see when it is skipped.
var badcallRuns atomic.Int32

// badcall reports every call to a function named bad (rule bad-call) or
// other (rule other-call); the rules are registered in rules_test.go.
var badcall = &analysis.Analyzer{
	Name: "badcall",
	Doc:  "report calls to bad and other",
	Run: func(pass *analysis.Pass) (any, error) {
		badcallRuns.Add(1)
		for _, f := range pass.Files {
			ast.Inspect(f, func(n ast.Node) bool {
				if call, ok := n.(*ast.CallExpr); ok {
					if id, ok := call.Fun.(*ast.Ident); ok && (id.Name == "bad" || id.Name == "other") {
						r, _ := rules.Lookup(id.Name + "-call")
						r.Reportf(pass, call, "call to %s", id.Name)
					}
				}
				return true
			})
		}
		return nil, nil
	},
}

// final is the connectlint analyzer of a suite holding only badcall.
var final = directives.New(badcall)

func init() { suppress.Wrap(badcall, final) }

func testdata(name string) string { return filepath.Join(analysistest.TestData(), name) }

// TestSuppression checks which findings the directives and the config file
// suppress: a line with a finding but no want is suppressed.
func TestSuppression(t *testing.T) {
	analysistest.Run(t, testdata("mod"), badcall, "./a")
}

// TestDirectiveFindings checks bad-directive and unused-directive, and the
// suppressed findings the connectlint analyzer returns.
func TestDirectiveFindings(t *testing.T) {
	results := analysistest.Run(t, testdata("mod"), final, "./b")

	var got []string
	for _, r := range results {
		if r.Action.Package.ID != "example.com/mod/b" {
			continue
		}
		for _, s := range r.Action.Result.(*directives.Result).Suppressed {
			got = append(got, describe(s))
		}
	}
	want := []string{
		"b.go:7 bad-call inSource b.go:7 used: no finding about the directive",
		"b.go:10 bad-call inSource b.go:9 both used",
		"b.go:10 other-call inSource b.go:9 both used",
		"b.go:17 bad-call inSource b.go:16 only bad-call is used // want `^//connectlint:ignore for other-call suppressed no finding here$`",
		"b.go:21 bad-call inSource b.go:21 trailing: does not reach the next line",
		"file.go:9 bad-call inSource file.go:2 used",
		"legacy_port.go:4 unused-directive external .connectlint.yaml:6 legacy file, directives kept for the port",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("suppressed findings of package b:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func describe(s suppress.Suppressed) string {
	return fmt.Sprintf("%s:%d %s %s %s:%d %s", filepath.Base(s.Posn.Filename), s.Posn.Line,
		s.Diagnostic.Category, s.Kind, filepath.Base(s.Where.Filename), s.Where.Line, s.Reason)
}

// TestRuleFilter checks that the driver's rule filter drops findings of
// disabled rules, keeps directives for them from being judged unused, and
// skips analyzers whose rules are all disabled.
func TestRuleFilter(t *testing.T) {
	defer suppress.SetRuleFilter(nil)
	suppress.SetRuleFilter(func(id string) bool { return id != "other-call" })
	analysistest.Run(t, testdata("mod"), badcall, "./c")
	analysistest.Run(t, testdata("mod"), final, "./c")

	before := badcallRuns.Load()
	suppress.SetRuleFilter(func(id string) bool {
		r, ok := rules.Lookup(id)
		return !ok || r.Analyzer != "badcall"
	})
	analysistest.Run(t, testdata("mod"), final, "./c")
	if n := badcallRuns.Load() - before; n != 0 {
		t.Errorf("badcall ran %d times with all its rules disabled, want 0", n)
	}
	suppress.SetRuleFilter(nil)
	analysistest.Run(t, testdata("mod"), badcall, "./a")
	if n := badcallRuns.Load() - before; n == 0 {
		t.Error("badcall did not run with its rules enabled")
	}
}

// TestConfigDisable checks the config file's disable list, which is how
// rules are disabled under go vet.
func TestConfigDisable(t *testing.T) {
	analysistest.Run(t, testdata("disabled"), badcall, "./d")
	analysistest.Run(t, testdata("disabled"), final, "./e")
}

// errorRecorder is an analysistest.Testing that keeps the errors.
type errorRecorder struct{ errs []string }

func (r *errorRecorder) Errorf(format string, args ...any) {
	r.errs = append(r.errs, fmt.Sprintf(format, args...))
}

// TestConfigError checks that a broken config file fails the connectlint
// analyzer with a positioned error, while the other analyzers go on.
func TestConfigError(t *testing.T) {
	analysistest.Run(t, testdata("broken"), badcall, "./p")

	var rec errorRecorder
	analysistest.Run(&rec, testdata("broken"), final, "./p")
	want := filepath.Join(testdata("broken"), ".connectlint.yaml") + `:2:1: config: unknown key "ignroe"`
	if len(rec.errs) != 1 || !strings.Contains(rec.errs[0], want) {
		t.Errorf("errors = %q\nwant one containing %q", rec.errs, want)
	}
}

// TestTestFilesNotAnalysed checks that without tests, the directives of
// _test.go files are not judged, while those of other files are.
func TestTestFilesNotAnalysed(t *testing.T) {
	for _, tests := range []bool{false, true} {
		pkgs, err := packages.Load(&packages.Config{
			Mode:  packages.LoadSyntax,
			Dir:   testdata("mod"),
			Tests: tests,
			Env:   append(os.Environ(), "GOPROXY=off", "GOWORK=off"),
		}, "./b")
		if err != nil {
			t.Fatal(err)
		}
		packages.Visit(pkgs, nil, func(p *packages.Package) {
			for _, err := range p.Errors {
				t.Errorf("loading %s: %v", p.ID, err)
			}
		})
		g, err := checker.Analyze([]*analysis.Analyzer{final}, pkgs, nil)
		if err != nil {
			t.Fatal(err)
		}
		inTest, inB := 0, 0
		for act := range g.All() {
			if act.Analyzer != final {
				continue
			}
			for _, d := range act.Diagnostics {
				switch filepath.Base(act.Package.Fset.Position(d.Pos).Filename) {
				case "b_test.go":
					inTest++
				case "b.go":
					inB++
				}
			}
		}
		if inB == 0 {
			t.Errorf("tests=%v: no directive findings in b.go", tests)
		}
		if got := inTest > 0; got != tests {
			t.Errorf("tests=%v: %d directive findings in b_test.go", tests, inTest)
		}
	}
}

// remote reports bad-call, from package c, at the calls of bad in package
// remote's files, which c's pass did not parse: the way the scopes
// analyzer of a main package reports calls all over the program.
var remote = &analysis.Analyzer{
	Name: "remote",
	Doc:  "report calls to bad in package remote, from another package",
	Run: func(pass *analysis.Pass) (any, error) {
		r, _ := rules.Lookup("bad-call")
		for _, name := range []string{"with.go", "without.go"} {
			file := filepath.Join(testdata("mod"), "remote", name)
			src, err := os.ReadFile(file)
			if err != nil {
				return nil, err
			}
			tf := posmap.File(pass.Fset, file)
			for i := 0; ; {
				j := strings.Index(string(src[i:]), "\tbad()")
				if j < 0 {
					break
				}
				i += j + 1
				pos := tf.Pos(i)
				r.Reportf(pass, posRange{pos, pos + 3}, "call to bad")
			}
		}
		return nil, nil
	},
}

type posRange struct{ pos, end token.Pos }

func (r posRange) Pos() token.Pos { return r.pos }
func (r posRange) End() token.Pos { return r.end }

func init() { suppress.Wrap(remote) }

// TestOtherPackageFile checks that a finding in a file of another package
// is suppressed by a directive there, and only by one.
func TestOtherPackageFile(t *testing.T) {
	pkgs, err := packages.Load(&packages.Config{
		Mode: packages.LoadSyntax,
		Dir:  testdata("mod"),
		Env:  append(os.Environ(), "GOPROXY=off", "GOWORK=off"),
	}, "./c")
	if err != nil {
		t.Fatal(err)
	}
	g, err := checker.Analyze([]*analysis.Analyzer{remote}, pkgs, nil)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for act := range g.All() {
		if act.Analyzer != remote {
			continue
		}
		if act.Err != nil {
			t.Fatal(act.Err)
		}
		for _, d := range act.Diagnostics {
			p := act.Package.Fset.Position(d.Pos)
			got = append(got, fmt.Sprintf("%s:%d", filepath.Base(p.Filename), p.Line))
		}
	}
	slices.Sort(got)
	if want := []string{"with.go:9", "without.go:5"}; !slices.Equal(got, want) {
		t.Errorf("findings %q, want %q", got, want)
	}
}
