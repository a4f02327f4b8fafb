package driver

import (
	"bytes"
	"cmp"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"time"
)

// FixStats counts what -fix changed.
type FixStats struct {
	Fixes int // findings whose fix was applied
	Files int // files rewritten
}

// edit is one text edit in byte offsets of a file.
type edit struct {
	start, end int
	text       string
	size       int // of the file as the analysis read it; -1 unknown
}

// fileEdits are the edits of one fix, by file name.
type fileEdits map[string][]edit

// applyEdits applies fixes (nil: a diagnostic without one) and says which
// were applied. A fix whose edits overlap an edit already taken is
// skipped, and its diagnostic stays reported: the next run applies it; a
// fix identical to one taken counts as applied. started is when the run
// began reading files: a file modified since, or whose size is not what
// the analysis read, is not written (see writeFile).
func applyEdits(fixes []fileEdits, started time.Time) (stats FixStats, applied []bool, err error) {
	written := map[string]bool{}
	counted := make([]bool, len(fixes)) // fixes counted in stats.Fixes
	defer func() {
		// A fix counts only when all its files were written.
		for i, edits := range fixes {
			for name := range edits {
				if applied[i] && !written[name] {
					applied[i] = false
					if counted[i] {
						counted[i] = false
						stats.Fixes--
					}
				}
			}
		}
	}()
	files := map[string][]edit{}
	sizes := map[string]int{} // as the analysis read each file; -1 unknown
	applied = make([]bool, len(fixes))
	taken := map[string]bool{} // identical fixes reported by several passes

	for i, edits := range fixes {
		if len(edits) == 0 {
			continue
		}
		k := fmt.Sprint(edits)
		if taken[k] {
			applied[i] = true // the same fix from another pass: already applied
			continue
		}
		ok := true
		for name, es := range edits {
			ok = ok && !overlaps(files[name], es)
		}
		if !ok {
			continue
		}
		taken[k] = true
		applied[i], counted[i] = true, true
		for name, es := range edits {
			files[name] = append(files[name], es...)
			sizes[name] = es[0].size
		}
		stats.Fixes++
	}

	for _, name := range slices.Sorted(maps.Keys(files)) {
		es := files[name]
		fi, err := os.Stat(name)
		if err != nil {
			return stats, applied, fmt.Errorf("-fix: %v", err)
		}
		if fi.ModTime().After(started) || sizes[name] >= 0 && int(fi.Size()) != sizes[name] {
			return stats, applied, fmt.Errorf("-fix: %s changed since connectlint read it: not written; run again", name)
		}
		data, err := os.ReadFile(name)
		if err != nil {
			return stats, applied, fmt.Errorf("-fix: %v", err)
		}
		slices.SortFunc(es, func(a, b edit) int { return cmp.Or(cmp.Compare(a.start, b.start), cmp.Compare(a.end, b.end)) })
		var out bytes.Buffer
		last := 0
		for _, e := range es {
			if e.start < last || e.end > len(data) {
				return stats, applied, fmt.Errorf("-fix: %s changed while connectlint was running", name)
			}
			out.Write(data[last:e.start])
			out.WriteString(e.text)
			last = e.end
		}
		out.Write(data[last:])
		if err := writeFile(name, out.Bytes(), fi.Mode().Perm()); err != nil {
			return stats, applied, fmt.Errorf("-fix: %v", err)
		}
		written[name] = true
		stats.Files++
	}
	return stats, applied, nil
}

// overlaps reports whether any edit in b overlaps an edit in a. Two
// insertions at the same offset overlap too: their order is unknown.
func overlaps(a, b []edit) bool {
	for _, x := range a {
		for _, y := range b {
			if x.start < y.end && y.start < x.end || x.start == y.start {
				return true
			}
		}
	}
	return false
}

// writeFile replaces a file's content safely: the new content goes to a
// temporary file in the same directory, is synced, given the original's
// permissions and renamed over it, so a crash or a full disk leaves the
// old file or the new one, never half of either.
func writeFile(name string, data []byte, perm os.FileMode) (err error) {
	tmp, err := os.CreateTemp(filepath.Dir(name), "."+filepath.Base(name)+".connectlint-*")
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if _, err = tmp.Write(data); err != nil {
		return err
	}
	if err = tmp.Sync(); err != nil {
		return err
	}
	if err = tmp.Chmod(perm); err != nil {
		return err
	}
	if err = tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), name)
}
