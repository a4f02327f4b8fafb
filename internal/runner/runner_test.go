package runner_test

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"testing"

	"github.com/connectlint/connectlint/analyzers"
	"github.com/connectlint/connectlint/internal/runner"
)

// app copies the demo app into a temporary module and adds a package
// "extra" that makes a Jira call of its own.
func app(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	if err := os.CopyFS(dir, os.DirFS("../../testdata/demo")); err != nil {
		t.Fatal(err)
	}
	write(t, filepath.Join(dir, "extra", "extra.go"), `package extra

import (
	"io"
	"net/http"
)

// Myself asks Jira who the app is, and ignores the answer's status.
func Myself(base string) ([]byte, error) {
	resp, err := http.Get(base + "/rest/api/3/myself")
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	return io.ReadAll(resp.Body)
}
`)
	return dir
}

func write(t *testing.T, name, content string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(name), 0o777); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(name, []byte(content), 0o666); err != nil {
		t.Fatal(err)
	}
}

func run(t *testing.T, dir string, cache *runner.Cache) *runner.Result {
	t.Helper()
	res, err := runner.Run(runner.Config{
		Dir:       dir,
		Patterns:  []string{"./..."},
		Tests:     true,
		Analyzers: analyzers.All(),
		Options:   analyzers.ToolOptions,
		ToolKey:   "test",
		Cache:     cache,
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Packages) == 0 {
		t.Fatalf("no package analysed; standard error:\n%s", res.Stderr)
	}
	return res
}

func openCache(t *testing.T, dir string) *runner.Cache {
	t.Helper()
	c, err := runner.OpenCache(dir)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// same checks that two runs reported the same.
func same(t *testing.T, what string, want, got *runner.Result) {
	t.Helper()
	if !reflect.DeepEqual(want.Packages, got.Packages) || want.Stderr != got.Stderr {
		t.Errorf("%s: results differ\nwant %d packages, %d unchecked-403\n%s\ngot  %d packages, %d unchecked-403\n%s",
			what, len(want.Packages), count(want, "unchecked-403"), want.Stderr, len(got.Packages), count(got, "unchecked-403"), got.Stderr)
	}
}

// count counts the findings of a rule.
func count(r *runner.Result, rule string) int {
	n := 0
	for _, p := range r.Packages {
		for _, diags := range p.Diagnostics {
			for _, d := range diags {
				if d.Category == rule {
					n++
				}
			}
		}
	}
	return n
}

func entries(t *testing.T, dir string) []string {
	t.Helper()
	list, err := filepath.Glob(filepath.Join(dir, "*", "*-a"))
	if err != nil {
		t.Fatal(err)
	}
	return list
}

func TestCacheReplaysAndSeesEdits(t *testing.T) {
	dir := app(t)
	uncached := run(t, dir, nil)
	if uncached.Stats.Cached != 0 || uncached.Stats.Analysed == 0 {
		t.Fatalf("without a cache: %+v", uncached.Stats)
	}
	cache := openCache(t, t.TempDir())
	cold := run(t, dir, cache)
	same(t, "cold run against no cache", uncached, cold)
	warm := run(t, dir, cache)
	same(t, "warm run against cold run", cold, warm)
	if warm.Stats.Analysed != 0 || warm.Stats.Cached != cold.Stats.Analysed {
		t.Errorf("warm run: %+v, want every package of the cold run (%d) from the cache", warm.Stats, cold.Stats.Analysed)
	}

	// An edit re-analyses the edited package only (nothing imports it),
	// and its findings change.
	write(t, filepath.Join(dir, "extra", "extra.go"), "package extra\n\nfunc Myself() {}\n")
	edited := run(t, dir, cache)
	if edited.Stats.Analysed != 1 {
		t.Errorf("after editing one leaf package: %+v, want 1 analysed", edited.Stats)
	}
	if n, m := count(warm, "unchecked-403"), count(edited, "unchecked-403"); n != m+1 {
		t.Errorf("unchecked-403 findings: %d before the edit, %d after; want one fewer", n, m)
	}
	same(t, "edited, cached against uncached", run(t, dir, nil), edited)
}

func TestCorruptEntriesAreIgnoredAndRewritten(t *testing.T) {
	dir := app(t)
	cacheDir := t.TempDir()
	cache := openCache(t, cacheDir)
	want := run(t, dir, cache)
	list := entries(t, cacheDir)
	if len(list) < 2 {
		t.Fatalf("%d cache entries, want one per analysed package", len(list))
	}
	corruptions := []func(data []byte) []byte{
		func(d []byte) []byte { return d[:len(d)/2] },                                  // truncated
		func(d []byte) []byte { d[len(d)/2] ^= 0xff; return d },                        // a flipped byte
		func(d []byte) []byte { return nil },                                           // empty
		func(d []byte) []byte { return []byte("not a cache entry at all") },            // garbage
		func(d []byte) []byte { return append([]byte("connectlint cache 0\n"), d...) }, // another format
	}
	for i, name := range list {
		data, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(name, corruptions[i%len(corruptions)](data), 0o666); err != nil {
			t.Fatal(err)
		}
	}
	got := run(t, dir, cache)
	same(t, "after corrupting every entry", want, got)
	if got.Stats.Analysed != len(list) || got.Stats.Cached != 0 {
		t.Errorf("after corrupting all %d entries: %+v, want all re-analysed", len(list), got.Stats)
	}
	again := run(t, dir, cache)
	same(t, "after rewriting", want, again)
	if again.Stats.Analysed != 0 {
		t.Errorf("corrupt entries were not rewritten: %+v", again.Stats)
	}

	// An entry replaced by a directory cannot be read or rewritten: the
	// run still reports the same.
	if err := os.Remove(list[0]); err != nil {
		t.Fatal(err)
	}
	if err := os.Mkdir(list[0], 0o777); err != nil {
		t.Fatal(err)
	}
	same(t, "with a directory for an entry", want, run(t, dir, cache))
}

func TestConcurrentRunsShareACache(t *testing.T) {
	dir := app(t)
	want := run(t, dir, nil)
	cache := openCache(t, t.TempDir())
	var wg sync.WaitGroup
	results := make([]*runner.Result, 3)
	for i := range results {
		wg.Go(func() { results[i] = run(t, dir, cache) })
	}
	wg.Wait()
	for _, got := range results {
		same(t, "concurrent run", want, got)
	}
	same(t, "after concurrent runs", want, run(t, dir, cache))
}

func TestUnwritableCacheStillReports(t *testing.T) {
	dir := app(t)
	cacheDir := t.TempDir()
	cache := openCache(t, cacheDir)
	// Every entry goes in a directory named by its key's first byte: a
	// file of that name makes every write fail, for root too.
	for i := range 256 {
		write(t, filepath.Join(cacheDir, fmt.Sprintf("%02x", i)), "not a directory")
	}
	want := run(t, dir, nil)
	same(t, "cache that cannot be written", want, run(t, dir, cache))
	same(t, "cache that cannot be written, again", want, run(t, dir, cache))
	if got := entries(t, cacheDir); len(got) != 0 {
		t.Errorf("entries written: %q", got)
	}
}

// TestImportCycleEnds: packages in an import cycle wait for nobody; go
// list's error is reported and the run ends.
func TestImportCycleEnds(t *testing.T) {
	dir := t.TempDir()
	write(t, filepath.Join(dir, "go.mod"), "module example.com/cycle\n\ngo 1.26\n")
	write(t, filepath.Join(dir, "a", "a.go"), "package a\n\nimport _ \"example.com/cycle/b\"\n")
	write(t, filepath.Join(dir, "b", "b.go"), "package b\n\nimport _ \"example.com/cycle/a\"\n")
	write(t, filepath.Join(dir, "c", "c.go"), "package c\n")
	res, err := runner.Run(runner.Config{Dir: dir, Patterns: []string{"./..."}, Analyzers: analyzers.All(), Options: analyzers.ToolOptions})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(res.Stderr, "import cycle not allowed") {
		t.Errorf("standard error does not report the cycle:\n%s", res.Stderr)
	}
	if len(res.Packages) != 1 || res.Packages[0].ID != "example.com/cycle/c" {
		t.Errorf("analysed %+v, want only example.com/cycle/c", res.Packages)
	}
}

// TestFactsReachIndirectImporters: each package's cached facts are only
// its own; the main package, which judges the app's scopes, must still
// see the needs of a package two levels down, from source and from the
// cache: the DELETE in low makes ADMIN excess against DELETE, not against
// nothing.
func TestFactsReachIndirectImporters(t *testing.T) {
	dir := t.TempDir()
	write(t, filepath.Join(dir, "go.mod"), "module example.com/chain\n\ngo 1.26\n")
	write(t, filepath.Join(dir, "atlassian-connect.json"), `{
  "key": "chain", "name": "Chain", "baseUrl": "https://chain.example.com",
  "authentication": {"type": "jwt"},
  "lifecycle": {"installed": "/installed"},
  "scopes": ["READ", "DELETE", "ADMIN"]
}
`)
	write(t, filepath.Join(dir, "low", "low.go"), `package low

import "net/http"

// Delete deletes one Jira issue.
func Delete(base, key string) error {
	req, err := http.NewRequest("DELETE", base+"/rest/api/3/issue/"+key, nil)
	if err != nil {
		return err
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return err
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusNoContent {
		return err
	}
	return nil
}
`)
	write(t, filepath.Join(dir, "mid", "mid.go"), `package mid

import "example.com/chain/low"

// Clean deletes the issue.
func Clean(base, key string) error { return low.Delete(base, key) }
`)
	write(t, filepath.Join(dir, "main.go"), `package main

import (
	"os"

	"example.com/chain/mid"
)

func main() { mid.Clean(os.Args[1], os.Args[2]) }
`)
	cache := openCache(t, t.TempDir())
	for _, run := range []string{"cold", "warm"} {
		res, err := runner.Run(runner.Config{Dir: dir, Patterns: []string{"./..."}, Analyzers: analyzers.All(), Options: analyzers.ToolOptions, Cache: cache})
		if err != nil {
			t.Fatal(err)
		}
		var excess []string
		for _, p := range res.Packages {
			for _, d := range p.Diagnostics["scopes"] {
				if d.Category == "excess-scope" {
					excess = append(excess, d.Message)
				}
			}
		}
		if len(excess) != 1 || !strings.Contains(excess[0], "scope ADMIN is broader than needed; the code needs DELETE") {
			t.Errorf("%s: excess-scope %q, want ADMIN against the DELETE in low", run, excess)
		}
		if res.Stderr != "" {
			t.Errorf("%s: %s", run, res.Stderr)
		}
	}
}
