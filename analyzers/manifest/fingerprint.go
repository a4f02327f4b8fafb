package manifest

import (
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/connectlint/connectlint/internal/config"
)

// Fingerprint writes the path and content of every manifest.yml the
// packages of the module at root may use to w: those in the module
// (vendor/, node_modules/ and .git/ skipped), those above it up to the
// repository root, and the one the config file names. go vet keys its
// cache by the tool's version line (-V=full), which carries this, so an
// edit to the manifest re-runs the analysis.
func Fingerprint(w io.Writer, root string) {
	write := func(path string) {
		data, err := os.ReadFile(path)
		if err != nil {
			if !os.IsNotExist(err) {
				fmt.Fprintf(w, "\x00%s\x00unreadable\x00", path)
			}
			return
		}
		fmt.Fprintf(w, "\x00%s\x00%d\x00", path, len(data))
		w.Write(data)
	}
	filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		switch {
		case err != nil:
			return nil
		case d.IsDir() && path != root && neverSearched[d.Name()]:
			return filepath.SkipDir
		case !d.IsDir() && d.Name() == manifestName:
			write(path)
		}
		return nil
	})
	if repo := RepoRoot(root); repo != "" && repo != root {
		for d := filepath.Dir(root); within(d, repo); d = filepath.Dir(d) {
			write(filepath.Join(d, manifestName))
			if d == repo {
				break
			}
		}
	}
	if cfg, err := config.Load(root); err == nil && cfg != nil && cfg.Manifest != "" && !within(cfg.Manifest, root) {
		write(cfg.Manifest)
	}
}
