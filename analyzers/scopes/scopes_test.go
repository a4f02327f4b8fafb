package scopes_test

import (
	"bytes"
	"cmp"
	"encoding/json"
	"flag"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/connectlint/connectlint/analyzers/scopes"
	"github.com/connectlint/connectlint/internal/authz"
	"github.com/connectlint/connectlint/internal/forge"
	"github.com/connectlint/connectlint/internal/rules"
)

var update = flag.Bool("update", false, "rewrite the golden files")

// fixtures is a module of fixture packages, each with its own
// atlassian-connect.json (except nodescriptor). A module rather than a
// GOPATH tree, because restcalls tells calls through the app's own
// packages apart by module.
const fixtures = "testdata/mod"

// TestScopes checks the diagnostics at Go positions and the package facts
// with analysistest's // want comments, and the diagnostics at descriptor
// positions (which // want cannot express) against each fixture's
// scopes.golden: a fixture without one must have none.
func TestScopes(t *testing.T) {
	dir, err := filepath.Abs(fixtures)
	if err != nil {
		t.Fatal(err)
	}
	rec := &recorder{rules: map[string]bool{}}
	results := analysistest.Run(t, dir, rec.analyzer(), "./...")
	for _, r := range rules.ForAnalyzer("scopes") {
		if !rec.rules[r.ID] {
			t.Errorf("no fixture reports rule %s", r.ID)
		}
	}

	// Every fixture directory compares the findings recorded for it (at
	// descriptor positions, or in a Go file of another package) with its
	// scopes.golden; a fixture without one must have none.
	fixtureDirs, _ := filepath.Glob(filepath.Join(dir, "*", ""))
	checked := 0
	for _, fixture := range fixtureDirs {
		if fi, err := os.Stat(fixture); err != nil || !fi.IsDir() {
			continue
		}
		checked++
		t.Run(filepath.Base(fixture), func(t *testing.T) {
			got := rec.text(fixture)
			golden := filepath.Join(fixture, "scopes.golden")
			if *update {
				if got == "" {
					os.Remove(golden)
					return
				}
				if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if os.IsNotExist(err) {
				err = nil // no findings expected
			}
			if err != nil {
				t.Fatal(err)
			}
			if got != string(want) {
				t.Errorf("recorded findings differ from %s:\n--- got\n%s--- want\n%s", golden, got, want)
			}
		})
	}
	if checked == 0 {
		t.Fatal("no fixtures")
	}
	checkFixes(t, results)
	checkSummaries(t, results)
}

// checkSummaries checks that each main package's Summary, which the
// standalone driver passes on instead of the Result, judges as the Result
// would after the JSON round trip the driver gave it before: the summary of
// the decoded Result (worked out from its calls) is the one the analyzer's
// run gave, and the summary survives a JSON round trip itself.
func checkSummaries(t *testing.T, results []*analysistest.Result) {
	judged := 0
	for _, res := range results {
		r, ok := res.Result.(*scopes.Result)
		if !ok || !r.Main {
			continue
		}
		got := r.Summary()
		data, err := json.Marshal(r)
		if err != nil {
			t.Fatal(err)
		}
		var decoded scopes.Result
		if err := json.Unmarshal(data, &decoded); err != nil {
			t.Fatal(err)
		}
		if want := decoded.Summary(); !reflect.DeepEqual(got, want) {
			t.Errorf("%s: Summary %+v, of the decoded Result %+v", res.Pass.Pkg.Path(), got, want)
		}
		if data, err = json.Marshal(got); err != nil {
			t.Fatal(err)
		}
		var back scopes.Summary
		if err := json.Unmarshal(data, &back); err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got, &back) {
			t.Errorf("%s: Summary %+v, after a JSON round trip %+v", res.Pass.Pkg.Path(), got, &back)
		}
		for _, g := range got.Grants {
			if g.Judged && g.Calls > 0 {
				judged++
			}
		}
	}
	if judged == 0 {
		t.Error("no main package has a judged grant that governs calls")
	}
}

// recorder wraps the analyzer so that diagnostics outside the package's
// own Go files (in the descriptor, or at a call of another package that a
// main package judges) are recorded rather than reported, since
// analysistest would call them unexpected.
type recorder struct {
	mu    sync.Mutex
	diags []recorded
	rules map[string]bool // rules reported anywhere
}

type recorded struct {
	posn token.Position
	text string // "file:line:col: rule: message"
}

func (r *recorder) analyzer() *analysis.Analyzer {
	a := scopes.Analyzer
	return &analysis.Analyzer{
		Name:       a.Name,
		Doc:        a.Doc,
		Requires:   a.Requires,
		ResultType: a.ResultType,
		FactTypes:  a.FactTypes,
		Run: func(pass *analysis.Pass) (any, error) {
			p := *pass
			p.Report = func(d analysis.Diagnostic) {
				r.mu.Lock()
				r.rules[d.Category] = true
				r.mu.Unlock()
				posn := pass.Fset.Position(d.Pos)
				if slices.ContainsFunc(pass.Files, func(f *ast.File) bool { return pass.Fset.File(f.Pos()).Name() == posn.Filename }) {
					pass.Report(d)
					return
				}
				r.add(posn, d)
			}
			return scopes.Run(&p)
		},
	}
}

func (r *recorder) add(posn token.Position, d analysis.Diagnostic) {
	r.mu.Lock()
	defer r.mu.Unlock()
	rd := recorded{posn, fmt.Sprintf("%d:%d: %s: %s", posn.Line, posn.Column, d.Category, d.Message)}
	if !slices.Contains(r.diags, rd) { // test variants report again
		r.diags = append(r.diags, rd)
	}
}

// text renders the findings recorded in files under dir, named relative
// to it.
func (r *recorder) text(dir string) string {
	r.mu.Lock()
	defer r.mu.Unlock()
	var diags []recorded
	for _, d := range r.diags {
		if rel, err := filepath.Rel(dir, d.posn.Filename); err == nil && !strings.HasPrefix(rel, "..") {
			d.text = filepath.ToSlash(rel) + ":" + d.text
			diags = append(diags, d)
		}
	}
	slices.SortFunc(diags, func(a, b recorded) int {
		return cmp.Or(strings.Compare(a.posn.Filename, b.posn.Filename), cmp.Compare(a.posn.Offset, b.posn.Offset), strings.Compare(a.text, b.text))
	})
	var b strings.Builder
	for _, d := range diags {
		b.WriteString(d.text + "\n")
	}
	return b.String()
}

// checkFixes applies each missing-scope fix alone and checks that the
// descriptor stays valid JSON and gains the diagnostic's scope, and, for a
// descriptor with an atlassian-connect.json.golden, that all fixes
// together (the same fix for every finding of a package) give it.
func checkFixes(t *testing.T, results []*analysistest.Result) {
	all := map[string][]edit{} // file -> edits of every fix, deduplicated
	fixes := 0
	for _, res := range results {
		for _, d := range res.Diagnostics {
			for _, fix := range d.SuggestedFixes {
				fixes++
				file, edits := fileEdits(t, res.Pass.Fset, fix)
				data, err := os.ReadFile(file)
				if err != nil {
					t.Fatal(err)
				}
				fixed := apply(t, data, edits)
				added := addedScopes(fix.Message)
				if strings.HasSuffix(file, ".go") {
					if _, err := parser.ParseFile(token.NewFileSet(), file, fixed, 0); err != nil {
						t.Errorf("%s: fix %q gives invalid Go: %v\n%s", file, fix.Message, err, fixed)
					}
					for _, s := range added {
						if !bytes.Contains(fixed, []byte(strconv.Quote(s))) {
							t.Errorf("%s: fix %q does not add %s", file, fix.Message, s)
						}
					}
				} else if strings.HasSuffix(file, ".yml") {
					m, probs := forge.Parse(fixed)
					if m == nil || len(probs) > 0 {
						t.Errorf("%s: fix %q gives a manifest with problems %v:\n%s", file, fix.Message, probs, fixed)
						continue
					}
					for _, s := range added {
						if !m.HasScope(s) {
							t.Errorf("%s: fix %q does not add %s", file, fix.Message, s)
						}
					}
				} else {
					var v struct{ Scopes []string }
					if err := json.Unmarshal(fixed, &v); err != nil {
						t.Errorf("%s: fix %q gives invalid JSON: %v\n%s", file, fix.Message, err, fixed)
						continue
					}
					for _, s := range added {
						if !slices.Contains(v.Scopes, s) {
							t.Errorf("%s: fix %q does not add %s: %q", file, fix.Message, s, v.Scopes)
						}
					}
				}
				if want := scopeIn(d.Message); want != "" && !slices.ContainsFunc(added, func(a string) bool { return canonical(a) == canonical(want) }) {
					t.Errorf("%s: the fix of %q does not add its scope %s", file, d.Message, want)
				}
				for _, e := range edits {
					if !slices.Contains(all[file], e) {
						all[file] = append(all[file], e)
					}
				}
			}
		}
	}
	if fixes == 0 {
		t.Fatal("no suggested fixes")
	}
	goldens := 0
	for file, edits := range all {
		want, err := os.ReadFile(file + ".golden")
		if os.IsNotExist(err) {
			continue
		}
		goldens++
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		got := apply(t, data, edits)
		if *update {
			os.WriteFile(file+".golden", got, 0o644)
			continue
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s after -fix differs from its golden file:\n--- got\n%s--- want\n%s", file, got, want)
		}
	}
	if goldens == 0 {
		t.Error("no fix golden file was checked")
	}
}

type edit struct {
	start, end int
	text       string
}

func fileEdits(t *testing.T, fset *token.FileSet, fix analysis.SuggestedFix) (string, []edit) {
	var file string
	var edits []edit
	for _, te := range fix.TextEdits {
		tf := fset.File(te.Pos)
		if file != "" && tf.Name() != file {
			t.Fatalf("fix %q edits several files", fix.Message)
		}
		file = tf.Name()
		edits = append(edits, edit{tf.Offset(te.Pos), tf.Offset(te.End), string(te.NewText)})
	}
	return file, edits
}

func apply(t *testing.T, data []byte, edits []edit) []byte {
	edits = slices.Clone(edits)
	slices.SortFunc(edits, func(a, b edit) int { return a.start - b.start })
	var out []byte
	last := 0
	for _, e := range edits {
		if e.start < last {
			t.Fatalf("overlapping edits %v", edits)
		}
		out = append(out, data[last:e.start]...)
		out = append(out, e.text...)
		last = e.end
	}
	return append(out, data[last:]...)
}

// addedScopes are the scopes a fix's message says it adds: "Add READ,
// WRITE to the scopes of ..." or "... to the Scopes of ...".
func addedScopes(msg string) []string {
	added, _, _ := strings.Cut(strings.TrimPrefix(msg, "Add "), " to the ")
	return strings.Split(added, ", ")
}

// canonical spells a Connect scope as the descriptor does, whether written
// so or as Connect on Forge does (write:connect-jira is WRITE).
func canonical(s string) string {
	if x, ok := authz.ConnectScope(s); ok {
		return x.String()
	}
	return s
}

// scopeIn returns the scope a missing-scope message asks for.
func scopeIn(msg string) string {
	for _, marker := range []string{"needs scope ", "needs is ", "needs OAuth 2.0 scope "} {
		if _, rest, ok := strings.Cut(msg, marker); ok {
			scope, _, _ := strings.Cut(rest, " ")
			return strings.TrimSuffix(scope, ";")
		}
	}
	return ""
}
