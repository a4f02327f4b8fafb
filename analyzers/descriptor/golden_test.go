package descriptor

import (
	"bytes"
	"flag"
	"fmt"
	"go/token"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"golang.org/x/tools/go/analysis"

	"github.com/connectlint/connectlint/internal/rules"
	"github.com/connectlint/connectlint/internal/testenv"
)

var update = flag.Bool("update", false, "rewrite the golden files")

// fixtures holds the descriptor fixtures, each with a .golden file listing
// the findings expected for it.
const fixtures = "../../testdata/descriptors"

// TestGolden checks every descriptor fixture's findings, positions
// included, against its golden file. A fixture without findings has an
// empty golden file: that is the negative test of each rule.
func TestGolden(t *testing.T) {
	paths, err := filepath.Glob(filepath.Join(fixtures, "*.json"))
	if err != nil || len(paths) == 0 {
		t.Fatalf("no fixtures in %s: %v", fixtures, err)
	}
	for _, path := range paths {
		name := strings.TrimSuffix(filepath.Base(path), ".json")
		t.Run(name, func(t *testing.T) {
			abs, err := filepath.Abs(path)
			if err != nil {
				t.Fatal(err)
			}
			got := findingsText(t, abs)
			testenv.Golden(t, strings.TrimSuffix(path, ".json")+".golden", []byte(got), *update)
		})
	}
}

// findingsText loads the descriptor at path and formats its findings as
// "file:line:col: severity: message [rule]", one a line, with positions
// computed through the token.File the analyzer reports with.
func findingsText(t *testing.T, path string) string {
	t.Helper()
	l := load(path)
	fset := token.NewFileSet()
	file := l.tokenFile(fset)
	var b strings.Builder
	for _, f := range l.findings {
		pos := fset.Position(file.Pos(min(f.span.Offset, file.Size())))
		fmt.Fprintf(&b, "%s:%d:%d: %s: %s [%s]\n", filepath.Base(pos.Filename), pos.Line, pos.Column, f.severity, f.msg, f.rule.ID)
	}
	return b.String()
}

// TestEveryRuleTested checks that each rule of this analyzer appears in
// some golden file, so no rule goes without a positive test.
func TestEveryRuleTested(t *testing.T) {
	goldens, _ := filepath.Glob(filepath.Join(fixtures, "*.golden"))
	var all bytes.Buffer
	for _, g := range goldens {
		data, err := os.ReadFile(g)
		if err != nil {
			t.Fatal(err)
		}
		all.Write(data)
	}
	for _, r := range rules.ForAnalyzer("descriptor") {
		if r.ID == ruleAmbiguous.ID {
			continue // a discovery note: see TestDiscovery
		}
		if !bytes.Contains(all.Bytes(), []byte("["+r.ID+"]")) {
			t.Errorf("rule %s appears in no golden file", r.ID)
		}
	}
}

// TestBadFiles covers inputs that are generated rather than committed.
func TestBadFiles(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, data []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}

	t.Run("deep nesting", func(t *testing.T) {
		p := write("deep.json", []byte(`{"key": `+strings.Repeat("[", 100000)+strings.Repeat("]", 100000)+"}"))
		want := "deep.json:1:1008: error: nesting deeper than 1000 levels [descriptor-invalid]\n"
		if got := findingsText(t, p); got != want {
			t.Errorf("got %q, want %q", got, want)
		}
	})

	t.Run("10 MB", func(t *testing.T) {
		var b bytes.Buffer
		b.WriteString("{\n  \"key\": \"big\",\n  \"baseUrl\": \"http://big.example.com\",\n  \"authentication\": {\"type\": \"jwt\"},\n  \"apiMigrations\": {\"signed-install\": true},\n  \"lifecycle\": {\"installed\": \"/installed\"},\n  \"modules\": {\n    \"webhooks\": [\n")
		lines := 0
		for b.Len() < 10<<20 {
			fmt.Fprintf(&b, "      {\"event\": \"jira:issue_updated\", \"url\": \"/hooks/%d\"},\n", lines)
			lines++
		}
		b.WriteString("      {\"event\": \"jira:issue_updated\"}\n    ]\n  }\n}\n")
		p := write("big.json", b.Bytes())
		want := "big.json:3:14: error: baseUrl \"http://big.example.com\" is not https: the shared secret and the signed requests Atlassian sends to the app would travel in clear text [insecure-base-url]\n" +
			fmt.Sprintf("big.json:%d:7: error: \"modules\".\"webhooks\"[%d]: missing required key \"url\" [descriptor-invalid]\n", 9+lines, lines)
		if got := findingsText(t, p); got != want {
			t.Errorf("got %q, want %q", got, want)
		}
	})

	t.Run("directory", func(t *testing.T) {
		p := filepath.Join(dir, "sub", "atlassian-connect.json")
		if err := os.MkdirAll(p, 0o755); err != nil {
			t.Fatal(err)
		}
		want := "atlassian-connect.json:1:1: error: atlassian-connect.json is a directory, not an app descriptor file [descriptor-invalid]\n"
		if got := findingsText(t, p); got != want {
			t.Errorf("got %q, want %q", got, want)
		}
	})

	t.Run("dangling symlink", func(t *testing.T) {
		p := filepath.Join(dir, "dangling.json")
		if err := os.Symlink(filepath.Join(dir, "nowhere"), p); err != nil {
			t.Skipf("cannot make a symlink: %v", err)
		}
		want := "dangling.json:1:1: error: cannot read the app descriptor: no such file or directory [descriptor-invalid]\n"
		if got := findingsText(t, p); got != want {
			t.Errorf("got %q, want %q", got, want)
		}
	})

	t.Run("unreadable", func(t *testing.T) {
		if runtime.GOOS == "windows" {
			t.Skip("file modes do not deny reading on Windows")
		}
		p := write("unreadable.json", []byte(`{"key": "secret"}`))
		if err := os.Chmod(p, 0); err != nil {
			t.Fatal(err)
		}
		if f, err := os.Open(p); err == nil {
			f.Close()
			t.Skip("this user (root?) can read a mode 000 file; the dangling symlink case covers read errors")
		}
		want := "unreadable.json:1:1: error: cannot read the app descriptor: permission denied [descriptor-invalid]\n"
		if got := findingsText(t, p); got != want {
			t.Errorf("got %q, want %q", got, want)
		}
	})

	t.Run("fifo", func(t *testing.T) {
		p := filepath.Join(dir, "fifo.json")
		if err := mkfifo(p); err != nil {
			t.Skipf("cannot make a named pipe: %v", err)
		}
		want := "fifo.json:1:1: error: fifo.json is not a regular file [descriptor-invalid]\n"
		if got := findingsText(t, p); got != want {
			t.Errorf("got %q, want %q", got, want)
		}
	})
}

// TestCache checks that a descriptor is parsed once per content and added
// once per FileSet, and parsed again when it changes.
func TestCache(t *testing.T) {
	p := filepath.Join(t.TempDir(), "atlassian-connect.json")
	if err := os.WriteFile(p, []byte(`{"key": "a"}`), 0o644); err != nil {
		t.Fatal(err)
	}
	l1, l2 := load(p), load(p)
	if l1 != l2 {
		t.Errorf("second load of an unchanged file parsed it again")
	}
	fset := token.NewFileSet()
	if f1, f2 := l1.tokenFile(fset), l2.tokenFile(fset); f1 != f2 {
		t.Errorf("the file was added to one FileSet twice")
	}
	if err := os.WriteFile(p, []byte(`{"key": "ab"}`), 0o644); err != nil {
		t.Fatal(err)
	}
	later := time.Now().Add(time.Second)
	if err := os.Chtimes(p, later, later); err != nil {
		t.Fatal(err)
	}
	if l3 := load(p); l3 == l1 || l3.desc.Key.Value != "ab" {
		t.Errorf("a changed file was not parsed again")
	}
}

// ruleSeverity is a diagnostic's severity as the driver will see it.
func ruleSeverity(d analysis.Diagnostic) rules.Severity { return rules.SeverityOf(d) }
