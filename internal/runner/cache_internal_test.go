package runner

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestEntryRoundTrip(t *testing.T) {
	e := entry{facts: []byte("facts"), stdout: []byte(`{"p":{}}`), stderr: nil, code: 0}
	got, ok := decodeEntry(encodeEntry(e))
	if !ok || string(got.facts) != "facts" || string(got.stdout) != `{"p":{}}` || len(got.stderr) != 0 || got.code != 0 {
		t.Errorf("round trip: %+v %v", got, ok)
	}
	data := encodeEntry(e)
	for i := range data {
		if _, ok := decodeEntry(data[:i]); ok {
			t.Fatalf("a prefix of %d bytes decodes", i)
		}
	}
}

func TestExecutableDigestIsRemembered(t *testing.T) {
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(exe)
	if err != nil {
		t.Fatal(err)
	}
	sum := sha256.Sum256(data)
	want := hex.EncodeToString(sum[:])
	c, err := OpenCache(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	for _, run := range []string{"computed", "remembered"} {
		got, err := ExecutableDigest(c)
		if err != nil || got != want {
			t.Errorf("%s: %q, %v; want %q", run, got, err, want)
		}
	}
	memos, _ := filepath.Glob(filepath.Join(c.dir, "exe", "*"))
	if len(memos) != 1 {
		t.Fatalf("memos: %q", memos)
	}
	// A damaged memo is not believed.
	if err := os.WriteFile(memos[0], []byte("not a digest"), 0o666); err != nil {
		t.Fatal(err)
	}
	if got, err := ExecutableDigest(c); err != nil || got != want {
		t.Errorf("after damaging the memo: %q, %v", got, err)
	}
	if got, err := ExecutableDigest(nil); err != nil || got != want {
		t.Errorf("without a cache: %q, %v", got, err)
	}
}

func TestTrimRemovesOnlyOldEntriesOfItsOwn(t *testing.T) {
	c, err := OpenCache(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	now := time.Now()
	old, fresh := strings.Repeat("a", 64), strings.Repeat("b", 64)
	c.put(old, entry{facts: []byte("x")})
	c.put(fresh, entry{facts: []byte("y")})
	stale := filepath.Join(c.dir, "aa", old+".tmp123") // left by a crashed run
	if err := os.WriteFile(stale, nil, 0o666); err != nil {
		t.Fatal(err)
	}
	// Files the cache did not write, in a directory given as -cache=DIR.
	foreign := []string{filepath.Join(c.dir, "notes-a"), filepath.Join(c.dir, "aa", "readme-a"), filepath.Join(c.dir, "npm", old+"-a")}
	for _, name := range foreign {
		if err := os.MkdirAll(filepath.Dir(name), 0o777); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(name, nil, 0o666); err != nil {
			t.Fatal(err)
		}
	}
	long := now.Add(-trimAge - time.Hour)
	for _, name := range append([]string{c.file(old), stale}, foreign...) {
		if err := os.Chtimes(name, long, long); err != nil {
			t.Fatal(err)
		}
	}
	c.trim(now)
	if _, ok := c.get(old); ok {
		t.Error("an entry unused for longer than trimAge survived")
	}
	if _, err := os.Stat(stale); err == nil {
		t.Error("a stale temporary file survived")
	}
	if _, ok := c.get(fresh); !ok {
		t.Error("a fresh entry was removed")
	}
	for _, name := range foreign {
		if _, err := os.Stat(name); err != nil {
			t.Errorf("a file the cache did not write was removed: %v", err)
		}
	}
	// Trimming runs at most once per trimInterval.
	c.put(old, entry{})
	if err := os.Chtimes(c.file(old), long, long); err != nil {
		t.Fatal(err)
	}
	c.trim(now.Add(time.Hour))
	if _, ok := c.get(old); !ok {
		t.Error("trimmed again within trimInterval")
	}
}

// FuzzDecodeEntry: whatever a cache file holds, decoding it neither panics
// nor accepts what encoding did not produce.
func FuzzDecodeEntry(f *testing.F) {
	f.Add(encodeEntry(entry{facts: []byte("f"), stdout: []byte("{}"), code: 0}))
	f.Add(encodeEntry(entry{code: 1, stderr: []byte("x.go:1:1: bad")}))
	f.Add([]byte(cacheMagic))
	f.Fuzz(func(t *testing.T, data []byte) {
		e, ok := decodeEntry(data)
		if ok && !bytes.Equal(encodeEntry(e), data) {
			t.Errorf("decoded %q into an entry that encodes differently", data)
		}
	})
}

// TestRememberedListingNeedsItsExportData: export data trimmed from the
// build cache since the listing was remembered makes the runner list
// again, which recompiles it.
func TestRememberedListingNeedsItsExportData(t *testing.T) {
	export := filepath.Join(t.TempDir(), "export-d")
	if err := os.WriteFile(export, []byte("export data"), 0o666); err != nil {
		t.Fatal(err)
	}
	var p listed
	desc := fmt.Sprintf(`{"ImportPath": "example.com/a", "Export": %q, "Module": {"Path": "example.com", "Main": true}}`, export)
	if err := json.Unmarshal([]byte(desc), &p); err != nil {
		t.Fatal(err)
	}
	r := &remembered{Pkgs: []*listed{&p}, Files: map[string]fileState{}, Dirs: map[string][]string{}}
	if _, ok := r.reuse(Config{}); !ok {
		t.Fatal("a listing whose export data is there was not reused")
	}
	if err := os.Remove(export); err != nil {
		t.Fatal(err)
	}
	if _, ok := r.reuse(Config{}); ok {
		t.Error("a listing whose export data is gone was reused")
	}
}

// TestGoHeader: the header is what go list reads of a file, so that an
// edit after it cannot change the listing.
func TestGoHeader(t *testing.T) {
	for _, tc := range []struct{ src, header string }{
		{"package a\n\nfunc F() {}\n", "package a"},
		{"//go:build linux\n\npackage a\n\nimport \"fmt\"\n\nvar _ = fmt.Sprint\n", "//go:build linux\n\npackage a\n\nimport \"fmt\""},
		{"package a\n\n// #include <stdio.h>\nimport \"C\"\nimport (\n\t\"os\"\n)\n\nfunc F() {}\n", "package a\n\n// #include <stdio.h>\nimport \"C\"\nimport (\n\t\"os\"\n)"},
		{"package a\nimport \"fmt\n", "package a\nimport \"fmt\n"}, // does not parse: all header
	} {
		if got := string(goHeader([]byte(tc.src))); got != tc.header {
			t.Errorf("goHeader(%q) = %q, want %q", tc.src, got, tc.header)
		}
	}
}
