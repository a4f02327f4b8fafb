package scopes_test

import (
	"bytes"
	"cmp"
	"encoding/json"
	"flag"
	"fmt"
	"go/token"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/connectlint/connectlint/analyzers/scopes"
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

	descriptors, _ := filepath.Glob(filepath.Join(dir, "*", "atlassian-connect.json"))
	if len(descriptors) == 0 {
		t.Fatal("no fixture descriptors")
	}
	for _, desc := range descriptors {
		dir := filepath.Dir(desc)
		t.Run(filepath.Base(dir), func(t *testing.T) {
			got := rec.text(dir)
			golden := filepath.Join(dir, "scopes.golden")
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
				t.Errorf("descriptor findings differ from %s:\n--- got\n%s--- want\n%s", golden, got, want)
			}
		})
	}
	checkFixes(t, results)
}

// recorder wraps the analyzer so that diagnostics in the descriptor are
// recorded rather than reported, since analysistest would call them
// unexpected.
type recorder struct {
	mu    sync.Mutex
	diags map[string][]recorded // by descriptor directory
	rules map[string]bool       // rules reported anywhere
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
				if strings.HasSuffix(posn.Filename, ".go") {
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
	if r.diags == nil {
		r.diags = map[string][]recorded{}
	}
	dir := filepath.Dir(posn.Filename)
	rd := recorded{posn, fmt.Sprintf("%s:%d:%d: %s: %s", filepath.Base(posn.Filename), posn.Line, posn.Column, d.Category, d.Message)}
	if !slices.Contains(r.diags[dir], rd) { // test variants report again
		r.diags[dir] = append(r.diags[dir], rd)
	}
}

func (r *recorder) text(dir string) string {
	r.mu.Lock()
	defer r.mu.Unlock()
	diags := slices.Clone(r.diags[dir])
	slices.SortFunc(diags, func(a, b recorded) int {
		return cmp.Or(cmp.Compare(a.posn.Offset, b.posn.Offset), strings.Compare(a.text, b.text))
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
				var v struct{ Scopes []string }
				if err := json.Unmarshal(fixed, &v); err != nil {
					t.Errorf("%s: fix %q gives invalid JSON: %v\n%s", file, fix.Message, err, fixed)
					continue
				}
				added, _, _ := strings.Cut(strings.TrimPrefix(fix.Message, "Add "), " to the scopes")
				for _, s := range strings.Split(added, ", ") {
					if !slices.Contains(v.Scopes, s) {
						t.Errorf("%s: fix %q does not add %s: %q", file, fix.Message, s, v.Scopes)
					}
				}
				if !slices.Contains(strings.Split(added, ", "), scopeIn(d.Message)) {
					t.Errorf("%s: the fix of %q does not add its scope", file, d.Message)
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

// scopeIn returns the scope a missing-scope message asks for.
func scopeIn(msg string) string {
	for _, marker := range []string{"needs scope ", "needs is "} {
		if _, rest, ok := strings.Cut(msg, marker); ok {
			scope, _, _ := strings.Cut(rest, " ")
			return strings.TrimSuffix(scope, ";")
		}
	}
	return ""
}
