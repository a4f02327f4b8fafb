// Package testenv holds helpers shared by connectlint's tests.
package testenv

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"testing"
)

// Golden compares got with the golden file at path. With update it
// writes got there instead (creating the directory), so that
// go test -update refreshes every golden file of a package.
func Golden(t testing.TB, path string, got []byte, update bool) {
	t.Helper()
	if update {
		if err := os.MkdirAll(filepath.Dir(path), 0o777); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o666); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (go test -update creates it)", err)
	}
	if string(got) != string(want) {
		t.Errorf("%s differs from the golden file (if the change is intended, go test -update rewrites it)\n--- got\n%s--- want\n%s", path, got, want)
	}
}

// Build compiles the main package pkg (an import path, or ./dir relative
// to the test's directory) to dir/name (name.exe on Windows) and returns
// the binary's path.
func Build(pkg, dir, name string) (string, error) {
	out := filepath.Join(dir, name)
	if runtime.GOOS == "windows" {
		out += ".exe"
	}
	if b, err := exec.Command("go", "build", "-o", out, pkg).CombinedOutput(); err != nil {
		return "", fmt.Errorf("go build %s: %v\n%s", pkg, err, b)
	}
	return out, nil
}

// DownloadedModule returns the absolute path of the fixture module in dir
// once `go mod download` has fetched its dependencies (the real go-jira and
// go-atlassian, say). It skips the test in -short mode and when the module
// proxy cannot be reached.
func DownloadedModule(t testing.TB, dir string) string {
	t.Helper()
	if testing.Short() {
		t.Skip("downloads modules")
	}
	abs, err := filepath.Abs(dir)
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command("go", "mod", "download")
	cmd.Dir = abs
	cmd.Env = append(os.Environ(), "GOFLAGS=-mod=mod")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Skipf("module proxy unreachable, skipping: go mod download: %v\n%s", err, out)
	}
	return abs
}
