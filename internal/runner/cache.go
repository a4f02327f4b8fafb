package runner

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/connectlint/connectlint/internal/config"
)

// Cache keeps each package's analysis on disk under a key of everything
// the analysis reads (see Runner.key), so that a re-run analyses only what
// changed. Entries are written to a temporary file and renamed into
// place, so concurrent runs never see half an entry; an entry that does
// not check out (truncated, corrupted, of another version) is a miss, and
// is rewritten.
type Cache struct {
	dir string
}

// cacheMagic starts every entry; bump it when the format changes.
const cacheMagic = "connectlint cache 1\n"

// Trimming: entries unused this long are removed, at most once a day.
const (
	trimAge      = 5 * 24 * time.Hour
	trimInterval = 24 * time.Hour
	touchAge     = time.Hour // a hit refreshes an entry's time when older
)

// OpenCache opens (creating) the cache in dir.
func OpenCache(dir string) (*Cache, error) {
	if err := os.MkdirAll(dir, 0o777); err != nil {
		return nil, err
	}
	return &Cache{dir: dir}, nil
}

// DefaultCacheDir is where the cache lives: the user's cache directory.
func DefaultCacheDir() (string, error) {
	dir, err := os.UserCacheDir()
	if err != nil {
		return "", err
	}
	return filepath.Join(dir, "connectlint", "results"), nil
}

// entry is one package's cached analysis.
type entry struct {
	facts, stdout, stderr []byte
	code                  int
}

func (c *Cache) file(key string) string {
	return filepath.Join(c.dir, key[:2], key+"-a")
}

// get returns the entry under key, or false.
func (c *Cache) get(key string) (entry, bool) {
	name := c.file(key)
	data, err := os.ReadFile(name)
	if err != nil {
		return entry{}, false
	}
	e, ok := decodeEntry(data)
	if !ok {
		return entry{}, false
	}
	if st, err := os.Stat(name); err == nil && time.Since(st.ModTime()) > touchAge {
		now := time.Now()
		os.Chtimes(name, now, now) // best effort: it only delays trimming
	}
	return e, true
}

// put stores e under key. Errors are ignored: a cache that cannot be
// written only makes the next run slower.
func (c *Cache) put(key string, e entry) {
	name := c.file(key)
	if err := os.MkdirAll(filepath.Dir(name), 0o777); err != nil {
		return
	}
	f, err := os.CreateTemp(filepath.Dir(name), key+".tmp*")
	if err != nil {
		return
	}
	_, err = f.Write(encodeEntry(e))
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(f.Name(), name)
	}
	if err != nil {
		os.Remove(f.Name())
	}
}

func encodeEntry(e entry) []byte {
	var b bytes.Buffer
	b.WriteString(cacheMagic)
	for _, part := range [][]byte{e.facts, e.stdout, e.stderr} {
		b.Write(binary.AppendUvarint(nil, uint64(len(part))))
		b.Write(part)
	}
	b.Write(binary.AppendUvarint(nil, uint64(e.code)))
	sum := sha256.Sum256(b.Bytes())
	b.Write(sum[:])
	return b.Bytes()
}

func decodeEntry(data []byte) (entry, bool) {
	if len(data) < len(cacheMagic)+sha256.Size {
		return entry{}, false
	}
	body, sum := data[:len(data)-sha256.Size], data[len(data)-sha256.Size:]
	if want := sha256.Sum256(body); !bytes.Equal(sum, want[:]) {
		return entry{}, false
	}
	rest, ok := bytes.CutPrefix(body, []byte(cacheMagic))
	if !ok {
		return entry{}, false
	}
	var parts [3][]byte
	for i := range parts {
		n, k := binary.Uvarint(rest)
		if k <= 0 || n > uint64(len(rest)-k) {
			return entry{}, false
		}
		parts[i] = rest[k : k+int(n)]
		rest = rest[k+int(n):]
	}
	code, k := binary.Uvarint(rest)
	if k <= 0 || k != len(rest) {
		return entry{}, false
	}
	return entry{facts: parts[0], stdout: parts[1], stderr: parts[2], code: int(code)}, true
}

// trim removes entries unused for trimAge (and temporary files left by a
// crashed run), at most once per trimInterval across all runs. It touches
// only files the cache writes (a hex-named entry, memo or temporary file in
// a hex-named or exe directory): -cache=DIR may name a directory that holds
// other files too.
func (c *Cache) trim(now time.Time) {
	stamp := filepath.Join(c.dir, "trim.txt")
	if st, err := os.Stat(stamp); err == nil && now.Sub(st.ModTime()) < trimInterval {
		return
	}
	if err := os.WriteFile(stamp, []byte(now.UTC().Format(time.RFC3339)+"\n"), 0o666); err != nil {
		return
	}
	dirs, err := os.ReadDir(c.dir)
	if err != nil {
		return
	}
	for _, d := range dirs {
		if !d.IsDir() || !(d.Name() == "exe" || len(d.Name()) == 2 && isHex(d.Name())) {
			continue
		}
		files, err := os.ReadDir(filepath.Join(c.dir, d.Name()))
		if err != nil {
			continue
		}
		for _, f := range files {
			if f.IsDir() || !ours(f.Name()) {
				continue
			}
			if info, err := f.Info(); err == nil && now.Sub(info.ModTime()) > trimAge {
				os.Remove(filepath.Join(c.dir, d.Name(), f.Name()))
			}
		}
	}
}

// ours reports whether a file name is one the cache writes: an entry
// (KEY-a), a memo (KEY), or a temporary file (KEY.tmpN, tmpN).
func ours(name string) bool {
	key, _, _ := strings.Cut(name, ".tmp")
	key = strings.TrimSuffix(key, "-a")
	return len(key) == 2*sha256.Size && isHex(key) || strings.HasPrefix(name, "tmp")
}

func isHex(s string) bool {
	_, err := hex.DecodeString(s)
	return err == nil && s != ""
}

// ExecutableDigest returns the SHA-256 of the running binary, which keys
// every entry. Hashing a 16 MB binary costs a warm run about 60 ms, so the
// digest is remembered in the cache (c may be nil) under the binary's
// path, size and modification time.
func ExecutableDigest(c *Cache) (string, error) {
	exe, err := os.Executable()
	if err != nil {
		return "", err
	}
	st, err := os.Stat(exe)
	if err != nil {
		return "", err
	}
	id := sha256.Sum256(fmt.Appendf(nil, "%s\x00%d\x00%d", exe, st.Size(), st.ModTime().UnixNano()))
	var memo string
	if c != nil {
		memo = filepath.Join(c.dir, "exe", hex.EncodeToString(id[:]))
		if data, err := os.ReadFile(memo); err == nil && len(data) == 2*sha256.Size {
			if _, err := hex.DecodeString(string(data)); err == nil {
				return string(data), nil
			}
		}
	}
	sum, err := config.ExecutableDigest()
	if err != nil {
		return "", err
	}
	if memo != "" {
		if err := os.MkdirAll(filepath.Dir(memo), 0o777); err == nil {
			if tmp, err := os.CreateTemp(filepath.Dir(memo), "tmp*"); err == nil {
				_, werr := tmp.WriteString(sum)
				if cerr := tmp.Close(); werr == nil && cerr == nil {
					os.Rename(tmp.Name(), memo)
				} else {
					os.Remove(tmp.Name())
				}
			}
		}
	}
	return sum, nil
}
