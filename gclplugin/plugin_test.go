package gclplugin

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/golangci/plugin-module-register/register"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/connectlint/connectlint/internal/rules"
)

// Test-only rules and analyzers: fakeDesc finds the descriptor as
// analyzers/descriptor does and returns it; fakeGo requires fakeDesc,
// reports in the descriptor, and on every function naming the result it
// got, so a broken ResultOf mapping shows.
var (
	ruleDesc = &rules.Rule{ID: "gclplugin-test-desc", Analyzer: "fakedesc", Title: "test", Severity: rules.Error}
	ruleGo   = &rules.Rule{ID: "gclplugin-test-go", Analyzer: "fakego", Title: "test", Severity: rules.Warning}
	ruleOff  = &rules.Rule{ID: "gclplugin-test-off", Analyzer: "fakego", Title: "test", Severity: rules.Note}

	fakeDesc = &analysis.Analyzer{
		Name:       "fakedesc",
		Doc:        "test analyzer reporting in the descriptor",
		ResultType: reflect.TypeFor[*token.File](),
		Run: func(pass *analysis.Pass) (any, error) {
			dir := filepath.Dir(pass.Fset.File(pass.Files[0].Pos()).Name())
			for ; dir != filepath.Dir(dir); dir = filepath.Dir(dir) {
				name := filepath.Join(dir, "atlassian-connect.json")
				content, err := os.ReadFile(name)
				if err != nil {
					continue
				}
				tf := pass.Fset.AddFile(name, -1, len(content))
				tf.SetLinesForContent(content)
				return tf, nil
			}
			return (*token.File)(nil), nil
		},
	}
	fakeGo = &analysis.Analyzer{
		Name:     "fakego",
		Doc:      "test analyzer reporting in Go code",
		Requires: []*analysis.Analyzer{fakeDesc},
		Run: func(pass *analysis.Pass) (any, error) {
			tf := pass.ResultOf[fakeDesc].(*token.File)
			if tf == nil {
				return nil, nil // e.g. the generated test main package
			}
			content, err := os.ReadFile(tf.Name())
			if err != nil {
				return nil, err
			}
			off := strings.Index(string(content), `"http:`)
			ruleDesc.Reportf(pass, rangeOf(tf.Pos(off)), "found %q", "http:")
			desc := displayPath(tf.Name())
			for _, f := range pass.Files {
				for _, decl := range f.Decls {
					if fd, ok := decl.(*ast.FuncDecl); ok {
						ruleGo.Reportf(pass, fd, "func %s (descriptor %s)", fd.Name.Name, desc)
						ruleOff.Reportf(pass, fd, "disabled rule must not show")
					}
				}
			}
			return nil, nil
		},
	}
)

type rangeOf token.Pos

func (r rangeOf) Pos() token.Pos { return token.Pos(r) }
func (r rangeOf) End() token.Pos { return token.Pos(r) }

func init() { rules.Register(ruleDesc, ruleGo, ruleOff) }

func newPlugin(t *testing.T, settings any) *plugin {
	t.Helper()
	p, err := New(settings)
	if err != nil {
		t.Fatalf("New(%v): %v", settings, err)
	}
	return p.(*plugin)
}

// TestFindingsGolangciCanShow runs the instrumented fakes: descriptor
// findings move to the reporting package's package clause with the JSON
// position in the message, rule IDs are appended, the disabled rule is
// gone, and the dependent analyzer still gets its dependency's result.
func TestFindingsGolangciCanShow(t *testing.T) {
	p := newPlugin(t, map[string]any{"disable": []any{"gclplugin-test-off"}})
	as := instrument([]*analysis.Analyzer{fakeGo}, p.filter)
	analysistest.Run(t, analysistest.TestData(), as[0], "app", "app/sub")
}

func TestInstrumentLeavesOriginalsAlone(t *testing.T) {
	run := reflect.ValueOf(fakeGo.Run).Pointer()
	as := instrument([]*analysis.Analyzer{fakeGo}, newPlugin(t, nil).filter)
	if as[0] == fakeGo || as[0].Requires[0] == fakeDesc {
		t.Fatal("instrument returned an original analyzer")
	}
	if reflect.ValueOf(fakeGo.Run).Pointer() != run || fakeGo.Requires[0] != fakeDesc {
		t.Fatal("instrument modified the original analyzer")
	}
	if err := analysis.Validate(as); err != nil {
		t.Fatal(err)
	}
}

func TestSettingsAreStrict(t *testing.T) {
	for _, tc := range []struct {
		settings any
		wantErr  string // "" for success
	}{
		{nil, ""},
		{map[string]any{}, ""},
		{map[string]any{"enable": []any{"gclplugin-test-go"}, "disable": []any{"gclplugin-test-off"}}, ""},
		{map[string]any{"descriptor": "testdata/src/app/atlassian-connect.json"}, ""},
		{map[string]any{"descriptr": "x.json"}, `unknown field "descriptr"`},
		{map[string]any{"disable": "gclplugin-test-go"}, "cannot unmarshal string"},
		{map[string]any{"disable": []any{"no-such-rule"}}, `disable: unknown rule "no-such-rule"`},
		{map[string]any{"disable": []any{"gclplugin-test-og"}}, `did you mean "gclplugin-test-go"?`},
		{map[string]any{"disable": []any{"fakego"}}, ""}, // an analyzer's rules
		{map[string]any{"enable": []any{"GCLPLUGIN-TEST-GO"}}, `enable: unknown rule "GCLPLUGIN-TEST-GO"`},
		{map[string]any{"descriptor": "testdata/missing.json"}, "descriptor: stat "},
	} {
		p, err := New(tc.settings)
		switch {
		case tc.wantErr == "" && err != nil:
			t.Errorf("New(%v): %v", tc.settings, err)
		case tc.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tc.wantErr)):
			t.Errorf("New(%v) = %v, want error containing %q", tc.settings, err, tc.wantErr)
		case err == nil && p.GetLoadMode() != register.LoadModeTypesInfo:
			t.Errorf("load mode %q", p.GetLoadMode())
		}
	}
}

func TestEnableListsTheOnlyRules(t *testing.T) {
	p := newPlugin(t, map[string]any{"enable": []any{"fakego"}, "disable": []any{"gclplugin-test-off"}})
	for rule, want := range map[string]bool{"gclplugin-test-go": true, "gclplugin-test-off": false, "gclplugin-test-desc": false} {
		if got := p.rules.Enabled(rule); got != want {
			t.Errorf("Enabled(%q) = %v, want %v", rule, got, want)
		}
	}
}

func TestRegistered(t *testing.T) {
	newPlugin, err := register.GetPlugin("connectlint")
	if err != nil {
		t.Fatal(err)
	}
	p, err := newPlugin(nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := p.BuildAnalyzers(); err != nil {
		t.Fatal(err)
	}
}

// TestAnchor lays out packages on disk and checks where each shows a
// finding in the descriptor.
func TestAnchor(t *testing.T) {
	for _, tc := range []struct {
		name       string
		files      map[string]string
		descriptor string
		wantFile   string // where the finding is shown
		wantText   string // the text there
	}{{
		name: "embedding package, descriptor in a sub-folder",
		files: map[string]string{
			"static/atlassian-connect.json": "{}",
			"a.go":                          "package main\n",
			"main.go":                       "package main\n\nimport _ \"embed\"\n\n//go:embed static/atlassian-connect.json\nvar d []byte\n",
		},
		descriptor: "static/atlassian-connect.json",
		wantFile:   "main.go",
		wantText:   "//go:embed static/atlassian-connect.json",
	}, {
		name: "embed by directory pattern",
		files: map[string]string{
			"static/atlassian-connect.json": "{}",
			"main.go":                       "package main\n\nimport \"embed\"\n\n//go:embed all:static\nvar d embed.FS\n",
		},
		descriptor: "static/atlassian-connect.json",
		wantFile:   "main.go",
		wantText:   "//go:embed all:static",
	}, {
		name: "embed of another file",
		files: map[string]string{
			"../atlassian-connect.json": "{}",
			"b.go":                      "package main\n\nimport _ \"embed\"\n\n//go:embed page.html\nvar d []byte\n",
		},
		descriptor: "../atlassian-connect.json",
		wantFile:   "b.go",
		wantText:   "package main",
	}, {
		name: "no embed: package clause of the first non-test file",
		files: map[string]string{
			"atlassian-connect.json": "{}",
			"c.go":                   "package app\n",
			"b.go":                   "// Package app.\npackage app\n",
			"a_test.go":              "package app\n",
		},
		descriptor: "atlassian-connect.json",
		wantFile:   "b.go",
		wantText:   "package app",
	}, {
		name: "test files only",
		files: map[string]string{
			"atlassian-connect.json": "{}",
			"y_test.go":              "package app\n",
			"x_test.go":              "package app\n",
		},
		descriptor: "atlassian-connect.json",
		wantFile:   "x_test.go",
		wantText:   "package app",
	}} {
		t.Run(tc.name, func(t *testing.T) {
			root := filepath.Join(t.TempDir(), "pkg")
			fset := token.NewFileSet()
			pass := &analysis.Pass{Fset: fset}
			for name, content := range tc.files {
				path := filepath.Join(root, name)
				if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
					t.Fatal(err)
				}
				if strings.HasSuffix(name, ".go") {
					f, err := parser.ParseFile(fset, path, content, parser.ParseComments)
					if err != nil {
						t.Fatal(err)
					}
					pass.Files = append(pass.Files, f)
				}
			}
			pos := anchorPos(pass, filepath.Join(root, tc.descriptor))
			if !pos.IsValid() {
				t.Fatal("no position")
			}
			posn := fset.Position(pos)
			content, _ := os.ReadFile(posn.Filename)
			if got := string(content[posn.Offset:]); filepath.Base(posn.Filename) != tc.wantFile || !strings.HasPrefix(got, tc.wantText) {
				t.Errorf("shown at %s: %.40q, want %s: %q", posn, got, tc.wantFile, tc.wantText)
			}
		})
	}
}
