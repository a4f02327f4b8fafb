package manifest

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

	"github.com/connectlint/connectlint/internal/forge"
	"time"

	"github.com/connectlint/connectlint/internal/rules"
	"github.com/connectlint/connectlint/internal/testenv"
)

var update = flag.Bool("update", false, "rewrite the golden files")

// fixtures holds the manifest fixtures, each with a .golden file listing
// the problems expected for it; a fixture named good*.yml has none.
const fixtures = "../../testdata/manifests"

// TestGolden checks every manifest fixture's problems, positions
// included, against its golden file.
func TestGolden(t *testing.T) {
	paths, err := filepath.Glob(filepath.Join(fixtures, "*.yml"))
	if err != nil || len(paths) == 0 {
		t.Fatalf("no fixtures in %s: %v", fixtures, err)
	}
	for _, path := range paths {
		name := strings.TrimSuffix(filepath.Base(path), ".yml")
		t.Run(name, func(t *testing.T) {
			abs, err := filepath.Abs(path)
			if err != nil {
				t.Fatal(err)
			}
			got := problemsText(t, abs)
			if strings.HasPrefix(name, "good") && got != "" {
				t.Errorf("a good fixture has problems:\n%s", got)
			}
			if !strings.HasPrefix(name, "good") && got == "" {
				t.Errorf("a bad fixture has no problem")
			}
			testenv.Golden(t, strings.TrimSuffix(path, ".yml")+".golden", []byte(got), *update)
		})
	}
}

// problemsText loads the manifest at path and formats its problems as
// "file:line:col: message", one a line, with positions computed through
// the token.File the analyzer reports with.
func problemsText(t *testing.T, path string) string {
	t.Helper()
	l := load(path, true)
	fset := token.NewFileSet()
	file := l.tokenFile(fset)
	var b strings.Builder
	for _, p := range l.problems {
		pos := fset.Position(file.Pos(min(p.Span.Offset, file.Size())))
		fmt.Fprintf(&b, "%s:%d:%d: %s [%s]\n", filepath.Base(pos.Filename), pos.Line, pos.Column, p.Msg, ruleInvalid.ID)
	}
	for _, p := range forge.UnknownScopes(l.manifest) {
		pos := fset.Position(file.Pos(min(p.Span.Offset, file.Size())))
		fmt.Fprintf(&b, "%s:%d:%d: %s [unknown-scope]\n", filepath.Base(pos.Filename), pos.Line, pos.Column, p.Msg)
	}
	return b.String()
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
	check := func(t *testing.T, p, want string) {
		t.Helper()
		if got := problemsText(t, p); got != want {
			t.Errorf("got:\n%s\nwant:\n%s", got, want)
		}
	}
	const appID = "app:\n  id: ari:cloud:ecosystem::app/8db33809-1f32-48bb-8c52-5877dab48107\n"

	t.Run("deep nesting", func(t *testing.T) {
		p := write("deep.yml", []byte(appID+"x: "+strings.Repeat("[", 5000)+strings.Repeat("]", 5000)+"\n"))
		check(t, p, "deep.yml:3:1004: nesting deeper than 1000 levels [manifest-invalid]\n")
	})

	t.Run("deeper than yaml.v3 reads", func(t *testing.T) {
		p := write("deeper.yml", []byte(appID+"x: "+strings.Repeat("{a: ", 20000)+"1"+strings.Repeat("}", 20000)+"\n"))
		check(t, p, "deeper.yml:3:1: not valid YAML: exceeded max depth of 10000 [manifest-invalid]\n")
	})

	t.Run("300 KB", func(t *testing.T) {
		var b bytes.Buffer
		b.WriteString(appID + "permissions:\n  scopes:\n")
		for b.Len() < 300<<10 {
			b.WriteString("    - read:jira-work\n")
		}
		b.WriteString("    - 42\n")
		p := write("big.yml", b.Bytes())
		lines := strings.Count(b.String(), "\n")
		check(t, p, "big.yml:1:1: the manifest is 300 KB; Forge refuses manifests over 200 KB [manifest-invalid]\n"+
			fmt.Sprintf("big.yml:%d:7: permissions.scopes[%d]: expected a string, found a number [manifest-invalid]\n", lines, lines-5))
	})

	t.Run("10 MB", func(t *testing.T) {
		var b bytes.Buffer
		b.WriteString(appID + "permissions:\n  scopes:\n")
		for b.Len() < 10<<20 {
			b.WriteString("    - read:jira-work\n")
		}
		p := write("huge.yml", b.Bytes())
		check(t, p, "huge.yml:1:1: the manifest is 10 MB; Forge refuses manifests over 200 KB [manifest-invalid]\n"+
			"huge.yml:1:1: connectlint reads manifests up to 1 MB: nothing else in this one is checked [manifest-invalid]\n")
	})

	t.Run("alias bomb", func(t *testing.T) {
		var b strings.Builder
		b.WriteString(appID + "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n")
		for i := 1; i < 30; i++ {
			fmt.Fprintf(&b, "a%d: &a%d [*a%d, *a%d, *a%d, *a%d, *a%d, *a%d, *a%d, *a%d, *a%d, *a%d]\n", i, i, i-1, i-1, i-1, i-1, i-1, i-1, i-1, i-1, i-1, i-1)
		}
		p := write("bomb.yml", []byte(b.String()))
		start := time.Now()
		check(t, p, "bomb.yml:4:10: aliases expand to more than 100000 values (a YAML bomb?): the manifest is not checked against the schema [manifest-invalid]\n")
		if d := time.Since(start); d > 10*time.Second {
			t.Errorf("a YAML bomb took %v", d) // a hang guard, not a benchmark
		}
	})

	t.Run("directory", func(t *testing.T) {
		p := filepath.Join(dir, "sub", "manifest.yml")
		if err := os.MkdirAll(p, 0o755); err != nil {
			t.Fatal(err)
		}
		check(t, p, "manifest.yml:1:1: manifest.yml is a directory, not a Forge manifest file [manifest-invalid]\n")
	})

	t.Run("dangling symlink", func(t *testing.T) {
		p := filepath.Join(dir, "dangling.yml")
		if err := os.Symlink(filepath.Join(dir, "nowhere"), p); err != nil {
			t.Skipf("cannot make a symlink: %v", err)
		}
		check(t, p, "dangling.yml:1:1: cannot read the Forge manifest: no such file or directory [manifest-invalid]\n")
	})

	t.Run("unreadable", func(t *testing.T) {
		if runtime.GOOS == "windows" {
			t.Skip("file modes do not deny reading on Windows")
		}
		p := write("unreadable.yml", []byte(appID))
		if err := os.Chmod(p, 0); err != nil {
			t.Fatal(err)
		}
		if f, err := os.Open(p); err == nil {
			f.Close()
			t.Skip("this user (root?) can read a mode 000 file; the dangling symlink case covers read errors")
		}
		check(t, p, "unreadable.yml:1:1: cannot read the Forge manifest: permission denied [manifest-invalid]\n")
	})

	t.Run("invalid UTF-8", func(t *testing.T) {
		p := write("utf8.yml", []byte(appID+"name: \xff\xfe\n"))
		if got := problemsText(t, p); !strings.Contains(got, "not valid YAML") {
			t.Errorf("got %q; want a YAML error", got)
		}
	})
}

// TestNotForge checks that a discovered manifest.yml of another tool is
// ignored, and that one named explicitly is checked as Forge's.
func TestNotForge(t *testing.T) {
	p := filepath.Join(t.TempDir(), "manifest.yml")
	if err := os.WriteFile(p, []byte("---\napplications:\n- name: api\n  memory: 256M\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if l := load(p, false); !l.notForge || l.manifest != nil || len(l.problems) > 0 {
		t.Errorf("a Cloud Foundry manifest was read as Forge's: %+v", l.problems)
	}
	if l := load(p, true); l.notForge || len(l.problems) == 0 {
		t.Errorf("an explicit manifest was not checked")
	}
}

// TestCache checks that a manifest is parsed once per content and again
// when it changes.
func TestCache(t *testing.T) {
	p := filepath.Join(t.TempDir(), "manifest.yml")
	if err := os.WriteFile(p, []byte("app:\n  id: ari:cloud:ecosystem::app/a\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	l1, l2 := load(p, false), load(p, false)
	if l1 != l2 {
		t.Errorf("second load of an unchanged file parsed it again")
	}
	fset := token.NewFileSet()
	if f1, f2 := l1.tokenFile(fset), l2.tokenFile(fset); f1 != f2 {
		t.Errorf("the file was added to one FileSet twice")
	}
	if err := os.WriteFile(p, []byte("app:\n  id: ari:cloud:ecosystem::app/ab\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	later := time.Now().Add(time.Second)
	if err := os.Chtimes(p, later, later); err != nil {
		t.Fatal(err)
	}
	if l3 := load(p, false); l3 == l1 || l3.manifest.AppID.Value != "ari:cloud:ecosystem::app/ab" {
		t.Errorf("a changed file was not parsed again")
	}
}

// TestEveryRuleTested checks that each rule of this analyzer has a
// positive test somewhere.
func TestEveryRuleTested(t *testing.T) {
	for _, r := range rules.ForAnalyzer("manifest") {
		switch r.ID {
		case ruleInvalid.ID: // TestGolden
		case ruleDescriptorIgnored.ID: // TestDiscovery, module connect
		default:
			t.Errorf("rule %s has no test", r.ID)
		}
	}
}
