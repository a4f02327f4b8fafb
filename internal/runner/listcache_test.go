package runner_test

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/connectlint/connectlint/internal/runner"
)

// layered is the demo app with two packages of its own: "extra" makes a
// Jira call whose path comes from "base".
func layered(t *testing.T) string {
	t.Helper()
	dir := app(t)
	write(t, filepath.Join(dir, "base", "base.go"), baseSrc("/rest/api/3/myself"))
	write(t, filepath.Join(dir, "base", "doc.go"), "// Package base names Jira resources.\npackage base\n")
	write(t, filepath.Join(dir, "extra", "extra.go"), extraSrc("resp.Body.Close()"))
	settle(t, dir)
	return dir
}

func baseSrc(path string) string {
	return `package base

// Path is the resource extra reads.
const Path = "` + path + `"
`
}

func extraSrc(body string) string {
	return `package extra

import (
	"io"
	"net/http"

	"example.com/issuecleaner/base"
)

// Myself asks Jira who the app is, and ignores the answer's status.
func Myself(url string) ([]byte, error) {
	resp, err := http.Get(url + base.Path)
	if err != nil {
		return nil, err
	}
	defer ` + body + `
	return io.ReadAll(resp.Body)
}
`
}

// settle dates every file an hour back: a listing is not remembered when
// a file it read changed while go list ran, and tests write files just
// before running.
func settle(t *testing.T, dir string) {
	t.Helper()
	old := time.Now().Add(-time.Hour)
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		return os.Chtimes(path, old, old)
	})
	if err != nil {
		t.Fatal(err)
	}
}

// listed runs with the cache and checks how the packages were listed ("":
// either way) and
// that the findings are those of a run without any cache.
func listed(t *testing.T, what, dir string, cache *runner.Cache, how string) *runner.Result {
	t.Helper()
	got := run(t, dir, cache)
	if how != "" && got.Stats.Listing != how {
		t.Errorf("%s: listing %q, want %q (%+v)", what, got.Stats.Listing, how, got.Stats)
	}
	same(t, what+": cached against uncached", run(t, dir, nil), got)
	return got
}

// TestListingIsRemembered: a re-run, and a re-run after edits inside
// function bodies, reuse the listing; the edited packages and their
// importers are recompiled, for the compiler's errors and for export
// data, and nothing else.
func TestListingIsRemembered(t *testing.T) {
	dir := layered(t)
	cache := openCache(t, t.TempDir())
	listed(t, "first run", dir, cache, "go list")
	if again := listed(t, "re-run", dir, cache, "remembered"); again.Stats.Analysed != 0 {
		t.Errorf("re-run: %+v, want nothing analysed", again.Stats)
	}

	write(t, filepath.Join(dir, "extra", "extra.go"), extraSrc("func() { resp.Body.Close() }()"))
	leaf := listed(t, "body edit in a package nothing imports", dir, cache, "remembered")
	if leaf.Stats.Analysed != 1 {
		t.Errorf("leaf edit: %+v, want 1 analysed", leaf.Stats)
	}

	// extra's import of base is read from export data, which must be
	// fresh: the finding's path changes from myself to a deprecated one.
	before := count(leaf, "deprecated-endpoint")
	write(t, filepath.Join(dir, "base", "base.go"), baseSrc("/rest/api/3/search?jql=project=A"))
	imported := listed(t, "body edit in an imported package", dir, cache, "remembered, 1 recompiled")
	if imported.Stats.Analysed != 2 {
		t.Errorf("edit in base: %+v, want base and extra analysed", imported.Stats)
	}
	if after := count(imported, "deprecated-endpoint"); after == before {
		t.Errorf("deprecated-endpoint findings: %d before the edit in base, %d after; the edit was not seen", before, after)
	}
	listed(t, "re-run after the edits", dir, cache, "remembered")
}

// TestFailureListsAfresh: an edit that breaks a package is reported as
// the go command reports it, not as the type checker would.
func TestFailureListsAfresh(t *testing.T) {
	dir := layered(t)
	cache := openCache(t, t.TempDir())
	listed(t, "first run", dir, cache, "go list")
	write(t, filepath.Join(dir, "extra", "extra.go"), extraSrc("resp.Body.Close(undefined)"))
	got := listed(t, "type error", dir, cache, "go list")
	if !strings.Contains(got.Stderr, "undefined") {
		t.Errorf("standard error does not report the type error:\n%s", got.Stderr)
	}

	// In a package others import, the refresh of its export data fails
	// too.
	write(t, filepath.Join(dir, "extra", "extra.go"), extraSrc("resp.Body.Close()"))
	settle(t, dir)
	listed(t, "fixed", dir, cache, "")
	write(t, filepath.Join(dir, "base", "base.go"), baseSrc("/rest/api/3/myself")+"\nvar broken int = \"text\"\n")
	got = listed(t, "type error in an imported package", dir, cache, "go list")
	if !strings.Contains(got.Stderr, "cannot use") {
		t.Errorf("standard error does not report the type error:\n%s", got.Stderr)
	}
}

// TestListingIsRedone: whatever may change the listing makes the runner
// list again.
func TestListingIsRedone(t *testing.T) {
	for _, tc := range []struct {
		what   string
		change func(t *testing.T, dir string)
	}{
		{"an import added", func(t *testing.T, dir string) {
			write(t, filepath.Join(dir, "extra", "extra.go"), strings.Replace(extraSrc("resp.Body.Close()"), `"io"`, `"io"
	_ "strings"`, 1))
		}},
		{"a build constraint added", func(t *testing.T, dir string) {
			write(t, filepath.Join(dir, "base", "base.go"), "//go:build !connectlint_never\n\n"+baseSrc("/rest/api/3/myself"))
		}},
		{"a file added", func(t *testing.T, dir string) {
			write(t, filepath.Join(dir, "base", "more.go"), "package base\n\nfunc More() {}\n")
		}},
		{"a file removed", func(t *testing.T, dir string) {
			if err := os.Remove(filepath.Join(dir, "base", "doc.go")); err != nil {
				t.Fatal(err)
			}
		}},
		{"a package added", func(t *testing.T, dir string) {
			write(t, filepath.Join(dir, "later", "later.go"), strings.Replace(extraSrc("resp.Body.Close()"), "package extra", "package later", 1))
		}},
		{"go.mod edited", func(t *testing.T, dir string) {
			appendTo(t, filepath.Join(dir, "go.mod"), "\n// edited\n")
		}},
		{"an embedded file removed", func(t *testing.T, dir string) {
			if err := os.Remove(filepath.Join(dir, "atlassian-connect.json")); err != nil {
				t.Fatal(err)
			}
		}},
		{"an embedded file edited", func(t *testing.T, dir string) {
			write(t, filepath.Join(dir, "atlassian-connect.json"), "{}\n")
		}},
		{"a //go:embed directive added below the imports", func(t *testing.T, dir string) {
			appendTo(t, filepath.Join(dir, "main.go"), "\n//go:embed missing.txt\nvar missing string\n")
		}},
		{"a file added in an embedding package", func(t *testing.T, dir string) {
			write(t, filepath.Join(dir, "static", "new.txt"), "new\n")
		}},
		{"the environment changed", func(t *testing.T, dir string) {
			t.Setenv("GOFLAGS", "-tags=connectlint_test")
		}},
	} {
		t.Run(strings.ReplaceAll(tc.what, " ", "_"), func(t *testing.T) {
			dir := layered(t)
			cache := openCache(t, t.TempDir())
			listed(t, "first run", dir, cache, "go list")
			listed(t, "re-run", dir, cache, "remembered")
			tc.change(t, dir)
			listed(t, tc.what, dir, cache, "go list")
			settle(t, dir) // files just written are not trusted
			listed(t, "re-run after "+tc.what, dir, cache, "")
			// A change that breaks the listing: it is not remembered.
			if broken := strings.Contains(tc.what, "removed") && strings.Contains(tc.what, "embedded") || strings.Contains(tc.what, "directive"); !broken {
				listed(t, "second re-run after "+tc.what, dir, cache, "remembered")
			}
		})
	}
}

// TestRacyListingIsNotRemembered: a file modified around the time go list
// read it may not be what go list saw.
func TestRacyListingIsNotRemembered(t *testing.T) {
	dir := layered(t)
	soon := time.Now().Add(time.Hour)
	if err := os.Chtimes(filepath.Join(dir, "base", "base.go"), soon, soon); err != nil {
		t.Fatal(err)
	}
	cache := openCache(t, t.TempDir())
	listed(t, "first run", dir, cache, "go list")
	listed(t, "re-run", dir, cache, "go list")
}

func appendTo(t *testing.T, name, text string) {
	t.Helper()
	f, err := os.OpenFile(name, os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if _, err := f.WriteString(text); err != nil {
		t.Fatal(err)
	}
}

// TestRacyDirectoryIsNotRemembered: a file added while go list ran is in
// neither the listing nor its files; the directory's time tells.
func TestRacyDirectoryIsNotRemembered(t *testing.T) {
	dir := layered(t)
	soon := time.Now().Add(time.Hour)
	if err := os.Chtimes(filepath.Join(dir, "base"), soon, soon); err != nil {
		t.Fatal(err)
	}
	cache := openCache(t, t.TempDir())
	listed(t, "first run", dir, cache, "go list")
	listed(t, "re-run", dir, cache, "go list")
}

// TestCompilerErrorsListAfresh: an error only the compiler reports, in
// a package another imports (whose export data is recompiled), is
// reported as go list reports it.
func TestCompilerErrorsListAfresh(t *testing.T) {
	dir := layered(t)
	cache := openCache(t, t.TempDir())
	listed(t, "first run", dir, cache, "go list")
	listed(t, "re-run", dir, cache, "remembered")
	name := filepath.Join(dir, "base", "base.go")
	data, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	appendTo(t, name, "\nfunc noBody()\n")
	got := listed(t, "a function without a body in an imported package", dir, cache, "go list")
	if !strings.Contains(got.Stderr, "missing function body") {
		t.Errorf("standard error does not report the missing body:\n%s", got.Stderr)
	}
	write(t, name, string(data))
	settle(t, dir)
	listed(t, "fixed", dir, cache, "")
	listed(t, "re-run after the fix", dir, cache, "remembered")
}

// TestLeafIsNotCompiled: a package nothing imports is analysed from
// source without being compiled, as go vet analyses it, so an error only
// the compiler reports goes unreported there until the listing is redone
// (go vet never reports it).
func TestLeafIsNotCompiled(t *testing.T) {
	dir := layered(t)
	write(t, filepath.Join(dir, "extra", "extra_test.go"), "package extra\n\nimport \"testing\"\n\nfunc TestNothing(t *testing.T) {}\n")
	settle(t, dir)
	cache := openCache(t, t.TempDir())
	listed(t, "first run", dir, cache, "go list")
	for i, name := range []string{"extra.go", "extra_test.go"} {
		appendTo(t, filepath.Join(dir, "extra", name), fmt.Sprintf("\nfunc noBody%d()\n", i))
		got := run(t, dir, cache)
		if got.Stats.Listing != "remembered" {
			t.Errorf("after an edit in %s: listing %q, want remembered", name, got.Stats.Listing)
		}
		if strings.Contains(got.Stderr, "missing function body") {
			t.Errorf("after an edit in %s: the compiler's error is reported:\n%s", name, got.Stderr)
		}
	}
}

// TestReplacementGoModIsRecorded: the go.mod of a module replaced by a
// directory decides its go version and requirements.
func TestReplacementGoModIsRecorded(t *testing.T) {
	dir := layered(t)
	rep := t.TempDir()
	write(t, filepath.Join(rep, "go.mod"), "module example.com/x\n\ngo 1.21\n")
	write(t, filepath.Join(rep, "x.go"), "package x\n\n// X is x.\nconst X = 1\n")
	appendTo(t, filepath.Join(dir, "go.mod"), "\nrequire example.com/x v0.0.0\n\nreplace example.com/x => "+rep+"\n")
	write(t, filepath.Join(dir, "base", "doc.go"), "// Package base names Jira resources.\npackage base\n\nimport _ \"example.com/x\"\n")
	settle(t, dir)
	settle(t, rep)
	cache := openCache(t, t.TempDir())
	listed(t, "first run", dir, cache, "go list")
	listed(t, "re-run", dir, cache, "remembered")
	write(t, filepath.Join(rep, "go.mod"), "module example.com/x\n\ngo 1.22\n")
	listed(t, "the replacement's go version changed", dir, cache, "go list")
}
