package manifest

import (
	"errors"
	"fmt"
	"go/token"
	"io/fs"
	"os"
	"sync"
	"time"

	"github.com/connectlint/connectlint/internal/forge"
)

// maxFileSize bounds the file connectlint reads at all; forge.Parse reads
// less (Forge itself refuses manifests over 200 KB).
const maxFileSize = 64 << 20

// A loaded manifest file: read, parsed and checked once per content
// (path, size and modification time), however many packages find it.
type loaded struct {
	path     string
	explicit bool
	size     int64
	mtime    time.Time

	once     sync.Once
	data     []byte
	manifest *forge.Manifest
	problems []forge.Problem
	notForge bool // discovered, but another tool's manifest.yml

	mu    sync.Mutex
	files map[*token.FileSet]*token.File
}

var cache struct {
	sync.Mutex
	byPath map[string]*loaded
}

// load returns the checked manifest at path (an absolute path). explicit
// tells that the user named it: then it is a Forge manifest whatever it
// holds.
func load(path string, explicit bool) *loaded {
	info, statErr := os.Stat(path)
	var size int64
	var mtime time.Time
	if statErr == nil {
		size, mtime = info.Size(), info.ModTime()
	}
	cache.Lock()
	l := cache.byPath[path]
	if l == nil || l.size != size || !l.mtime.Equal(mtime) || l.explicit != explicit {
		l = &loaded{path: path, explicit: explicit, size: size, mtime: mtime}
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
		l.problems = []forge.Problem{{Msg: fmt.Sprintf(format, args...)}}
	}
	switch {
	case statErr != nil:
		unreadable("cannot read the Forge manifest: %v", pathErrorReason(statErr))
		return
	case info.IsDir():
		unreadable("%s is a directory, not a Forge manifest file", info.Name())
		return
	case !info.Mode().IsRegular():
		unreadable("%s is not a regular file", info.Name())
		return
	case info.Size() > maxFileSize:
		unreadable("the Forge manifest is %d MB; Forge refuses manifests over %d KB, and connectlint does not read it", info.Size()>>20, forge.ForgeMaxSize>>10)
		return
	}
	data, err := os.ReadFile(l.path)
	if err != nil {
		unreadable("cannot read the Forge manifest: %v", pathErrorReason(err))
		return
	}
	l.data = data
	if !l.explicit && !forge.LooksLikeForge(data) {
		l.notForge = true
		return
	}
	m, probs := forge.Parse(data)
	if m != nil {
		m.Path = l.path
	}
	l.manifest, l.problems = m, probs
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

// tokenFile returns the manifest's token.File in fset, adding it the
// first time, so every package of a run shares one.
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
		f.SetLinesForContent(l.data)
	}
	l.files[fset] = f
	return f
}
