package config

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"os"
	"path/filepath"
)

// VetVersion returns the line a go vet tool prints for -V=full.
//
// go vet caches each package's results under a key made of the package's
// build inputs and this line, so a tool that prints only its own digest
// (as unitchecker does) replays stale results after the config file is
// edited. VetVersion also digests the config file of the module holding
// dir (go vet asks from its working directory), so an edit re-runs the
// analysis; more, when not nil, adds other files of the module (the app
// descriptor) to the digest.
func VetVersion(progname, dir string, more func(w io.Writer, moduleRoot string)) (string, error) {
	exe, err := ExecutableDigest()
	if err != nil {
		return "", err
	}
	return fmt.Sprintf("%s version devel comments-go-here buildID=%s", progname, ToolDigest(exe, dir, more)), nil
}

// ToolDigest names a connectlint build (its executable's digest) with
// everything it reads besides Go code (see InputsDigest), in hex.
func ToolDigest(exe, dir string, more func(w io.Writer, moduleRoot string)) string {
	h := sha256.New()
	io.WriteString(h, exe)
	InputsDigest(h, dir, more)
	return hex.EncodeToString(h.Sum(nil))
}

// ExecutableDigest returns the hex SHA-256 of the running binary.
func ExecutableDigest() (string, error) {
	exe, err := os.Executable()
	if err != nil {
		return "", err
	}
	f, err := os.Open(exe)
	if err != nil {
		return "", err
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return "", err
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// InputsDigest writes what the analysis reads besides Go code to w: the
// config file of the module holding dir, and what more adds (the app
// descriptors and manifests).
func InputsDigest(w io.Writer, dir string, more func(w io.Writer, moduleRoot string)) {
	root := ModuleRoot(dir)
	if root == "" {
		return
	}
	for _, name := range []string{YAMLName, JSONName} {
		if data, err := os.ReadFile(filepath.Join(root, name)); err == nil {
			fmt.Fprintf(w, "\x00%s\x00%d\x00", name, len(data))
			w.Write(data)
		}
	}
	if more != nil {
		more(w, root)
	}
}
