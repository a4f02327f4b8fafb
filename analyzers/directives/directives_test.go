package directives_test

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/connectlint/connectlint/analyzers/authn"
	"github.com/connectlint/connectlint/analyzers/descriptor"
	"github.com/connectlint/connectlint/analyzers/directives"
	"github.com/connectlint/connectlint/internal/suppress"
	"github.com/connectlint/connectlint/internal/testenv"
)

// A suite of real analyzers, wrapped the way analyzers.All wraps its own.
var (
	checkers = []*analysis.Analyzer{descriptor.Analyzer, authn.Analyzer}
	final    = directives.New(checkers...)
)

func init() { suppress.Wrap(append(checkers, final)...) }

// TestRealAnalyzers runs the suite the way the standalone driver does: a
// descriptor finding is suppressed by the config file, a basic-auth finding
// by a directive, and the directives are checked.
func TestRealAnalyzers(t *testing.T) {
	if testing.Short() {
		t.Skip("loads net/http from source")
	}
	dir := filepath.Join(analysistest.TestData(), "app")
	pkgs, err := packages.Load(&packages.Config{
		Mode: packages.LoadAllSyntax | packages.NeedModule,
		Dir:  dir,
		Env:  append(os.Environ(), "GOPROXY=off", "GOWORK=off", "GOFLAGS=-mod=mod"),
	}, "./...")
	if err != nil {
		t.Fatal(err)
	}
	g, err := checker.Analyze(append(checkers, final), pkgs, nil)
	if err != nil {
		t.Fatal(err)
	}
	var reported, suppressed []string
	for _, act := range g.Roots {
		if act.Err != nil {
			t.Errorf("%s: %v", act, act.Err)
			continue
		}
		for _, d := range act.Diagnostics {
			posn := act.Package.Fset.Position(d.Pos)
			reported = append(reported, fmt.Sprintf("%s:%d %s: %s", filepath.Base(posn.Filename), posn.Line, d.Category, d.Message))
		}
		if res, ok := act.Result.(*directives.Result); ok {
			for _, s := range res.Suppressed {
				suppressed = append(suppressed, fmt.Sprintf("%s:%d %s %s %q", filepath.Base(s.Posn.Filename), s.Posn.Line,
					s.Diagnostic.Category, s.Kind, s.Reason))
			}
		}
	}
	slices.Sort(reported)
	check := func(what string, got, want []string) {
		t.Helper()
		if strings.Join(got, "\n") != strings.Join(want, "\n") {
			t.Errorf("%s:\n%s\nwant:\n%s", what, strings.Join(got, "\n"), strings.Join(want, "\n"))
		}
	}
	check("reported", reported, []string{
		"main.go:18 basic-auth: basic auth with (*http.Request).SetBasicAuth in a Connect app (atlassian-connect.json): the requests it makes for its users carry one account's credentials and permissions; call Atlassian as the app with its Connect JWT, or as the user through the JWT bearer grant (scope ACT_AS_USER)",
		"main.go:18 unused-directive: //connectlint:ignore for insecure-tls suppressed no finding here",
		"main.go:21 unused-directive: //connectlint:ignore for basic-auth suppressed no finding here",
		`main.go:22 bad-directive: unknown rule "basic-auht"; did you mean "basic-auth"?`,
	})
	check("suppressed", suppressed, []string{
		`atlassian-connect.json:4 insecure-base-url external "development descriptor; the production one is generated with https"`,
		`main.go:14 basic-auth inSource "personal CLI, token from the environment"`,
	})
}

// TestVet runs the suite under go vet, one process per package with no
// driver: suppression, the config file and the directive checks must work
// there too. The second run disables basic-auth in the config file, the way
// rules are disabled under go vet.
func TestVet(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a vet tool")
	}
	tool, err := testenv.Build("./testdata/vettool", t.TempDir(), "vettool")
	if err != nil {
		t.Fatal(err)
	}

	app := t.TempDir()
	if err := os.CopyFS(app, os.DirFS(filepath.Join("testdata", "app"))); err != nil {
		t.Fatal(err)
	}
	vet := func() []string {
		cmd := exec.Command("go", "vet", "-vettool="+tool, "./...")
		cmd.Dir = app
		cmd.Env = append(os.Environ(), "GOPROXY=off", "GOWORK=off", "GOFLAGS=-mod=mod")
		out, err := cmd.CombinedOutput()
		if err == nil {
			t.Errorf("go vet succeeded; want exit status 1 for findings")
		}
		var lines []string
		for line := range strings.SplitSeq(string(out), "\n") {
			if line != "" && !strings.HasPrefix(line, "#") {
				lines = append(lines, line)
			}
		}
		slices.Sort(lines)
		return lines
	}
	want := []string{
		`cmd/app/main.go:18:2: basic auth with (*http.Request).SetBasicAuth in a Connect app (atlassian-connect.json): the requests it makes for its users carry one account's credentials and permissions; call Atlassian as the app with its Connect JWT, or as the user through the JWT bearer grant (scope ACT_AS_USER)`,
		`cmd/app/main.go:18:69: //connectlint:ignore for insecure-tls suppressed no finding here`,
		`cmd/app/main.go:21:2: //connectlint:ignore for basic-auth suppressed no finding here`,
		`cmd/app/main.go:22:2: unknown rule "basic-auht"; did you mean "basic-auth"?`,
	}
	if got := vet(); !slices.Equal(got, want) {
		t.Errorf("go vet printed:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}

	cfg := filepath.Join(app, ".connectlint.yaml")
	data, err := os.ReadFile(cfg)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(cfg, append([]byte("disable: [basic-auth]\n"), data...), 0o644); err != nil {
		t.Fatal(err)
	}
	want = []string{want[1], want[3]} // no basic-auth finding, its directives not judged
	if got := vet(); !slices.Equal(got, want) {
		t.Errorf("with basic-auth disabled, go vet printed:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
