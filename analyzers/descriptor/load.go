package descriptor

import (
	"errors"
	"fmt"
	"go/token"
	"io/fs"
	"os"
	"sync"
	"time"

	"github.com/connectlint/connectlint/internal/connect"
)

// maxFileSize bounds the descriptor connectlint reads. Real descriptors
// are a few kilobytes; the largest Atlassian accepts is far below this.
const maxFileSize = 64 << 20

// A loaded descriptor file: read, parsed and checked once per content
// (path, size and modification time), however many packages find it.
type loaded struct {
	path  string
	size  int64
	mtime time.Time

	once     sync.Once
	data     []byte
	desc     *connect.Descriptor
	findings []finding

	mu    sync.Mutex
	files map[*token.FileSet]*token.File
}

var cache struct {
	sync.Mutex
	byPath map[string]*loaded
}

// load returns the checked descriptor at path (an absolute path).
func load(path string) *loaded {
	info, statErr := os.Stat(path)
	var size int64
	var mtime time.Time
	if statErr == nil {
		size, mtime = info.Size(), info.ModTime()
	}

	cache.Lock()
	l := cache.byPath[path]
	if l == nil || l.size != size || !l.mtime.Equal(mtime) {
		l = &loaded{path: path, size: size, mtime: mtime}
		if cache.byPath == nil {
			cache.byPath = map[string]*loaded{}
		}
		cache.byPath[path] = l
	}
	cache.Unlock()

	l.once.Do(func() { l.read(info, statErr) })
	return l
}

func (l *loaded) read(info fs.FileInfo, statErr error) {
	unreadable := func(format string, args ...any) {
		l.findings = []finding{{rule: ruleInvalid, severity: ruleInvalid.Severity,
			msg: fmt.Sprintf(format, args...)}}
	}
	switch {
	case statErr != nil:
		unreadable("cannot read the app descriptor: %v", pathErrorReason(statErr))
		return
	case info.IsDir():
		unreadable("%s is a directory, not an app descriptor file", info.Name())
		return
	case !info.Mode().IsRegular():
		unreadable("%s is not a regular file", info.Name())
		return
	case info.Size() > maxFileSize:
		unreadable("the app descriptor is %d MB; connectlint reads descriptors up to %d MB", info.Size()>>20, maxFileSize>>20)
		return
	}
	data, err := os.ReadFile(l.path)
	if err != nil {
		unreadable("cannot read the app descriptor: %v", pathErrorReason(err))
		return
	}
	l.data = data
	d, probs := connect.Parse(data)
	if d != nil {
		d.Path = l.path
	}
	l.desc = d
	l.findings = check(d, probs)
}

// pathErrorReason drops the path from an *fs.PathError: the diagnostic's
// position names the file already.
func pathErrorReason(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// tokenFile returns the descriptor's token.File in fset, adding it the
// first time (the asmdecl pattern), so every package of a run shares one.
func (l *loaded) tokenFile(fset *token.FileSet) *token.File {
	l.mu.Lock()
	defer l.mu.Unlock()
	if f := l.files[fset]; f != nil {
		return f
	}
	if l.files == nil || len(l.files) >= 8 {
		l.files = map[*token.FileSet]*token.File{} // drivers use one FileSet; tests a few
	}
	f := fset.AddFile(l.path, -1, len(l.data))
	if len(l.data) > 0 {
		f.SetLinesForContent(l.data) // on empty content it would drop line 1
	}
	l.files[fset] = f
	return f
}
