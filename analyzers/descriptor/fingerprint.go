package descriptor

import (
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
)

// Fingerprint writes the path and content of every atlassian-connect.json
// under root (a module root; vendor/, node_modules/ and .git/ skipped) to
// w. go vet caches results by the Go files it knows; a descriptor is not
// one unless embedded, so the tool's version line (-V=full), which keys
// that cache, carries this fingerprint.
func Fingerprint(w io.Writer, root string) {
	filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		switch {
		case err != nil:
			return nil
		case d.IsDir() && path != root && neverSearched[d.Name()]:
			return filepath.SkipDir
		case d.IsDir() || d.Name() != descriptorName:
			return nil
		}
		data, err := os.ReadFile(path)
		if err != nil {
			fmt.Fprintf(w, "\x00%s\x00unreadable\x00", path)
			return nil
		}
		fmt.Fprintf(w, "\x00%s\x00%d\x00", path, len(data))
		w.Write(data)
		return nil
	})
}
