package runner

import (
	"crypto/sha256"
	"encoding/hex"
	"os"
	"path/filepath"
	"testing"
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
