package integration

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/connectlint/connectlint/internal/testenv"
)

// binDir holds binaries built once per test run.
var binDir string

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "connectlint-integration-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	binDir = dir
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// integration skips the test in -short mode.
func integration(t *testing.T) {
	t.Helper()
	if testing.Short() {
		t.Skip("integration test: skipped in -short mode")
	}
}

// repoRoot is the connectlint working tree.
func repoRoot(t *testing.T) string {
	t.Helper()
	root, err := filepath.Abs("..")
	if err != nil {
		t.Fatal(err)
	}
	return root
}

// cacheDir is a directory kept between test runs for tools and binaries
// that are slow to install or build.
func cacheDir(t *testing.T, name string) string {
	t.Helper()
	base, err := os.UserCacheDir()
	if err != nil {
		t.Logf("no user cache directory (%v): nothing is kept between runs", err)
		base = t.TempDir()
	}
	dir := filepath.Join(base, "connectlint-integration", name)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	return dir
}

// lookTool returns the path of an installed program, or skips the test.
func lookTool(t *testing.T, name, install string) string {
	t.Helper()
	path, err := exec.LookPath(name)
	if err != nil {
		t.Skipf("%s is not installed (%s): %v", name, install, err)
	}
	return path
}

var (
	proxyOnce sync.Once
	proxyErr  error
)

// needModuleProxy skips the test when the Go module proxy cannot be reached.
func needModuleProxy(t *testing.T) {
	t.Helper()
	proxyOnce.Do(func() {
		ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
		defer cancel()
		cmd := exec.CommandContext(ctx, "go", "list", "-m", "-versions", "github.com/golangci/plugin-module-register")
		cmd.Dir = os.TempDir()
		cmd.Env = append(os.Environ(), "GOFLAGS=-mod=mod", "GO111MODULE=on")
		if out, err := cmd.CombinedOutput(); err != nil {
			proxyErr = fmt.Errorf("%v: %s", err, bytes.TrimSpace(out))
		}
	})
	if proxyErr != nil {
		t.Skipf("the Go module proxy is unreachable: %v", proxyErr)
	}
}

// result is what a command did.
type result struct {
	stdout, stderr string
	code           int // exit status; -1 when it did not run to the end
}

func (r result) String() string {
	return fmt.Sprintf("exit status %d\nstdout:\n%s\nstderr:\n%s", r.code, r.stdout, r.stderr)
}

// run runs a command in dir with extra environment variables and a timeout.
// Failing to start is fatal; a non-zero exit is returned.
func run(t *testing.T, timeout time.Duration, dir string, env []string, name string, args ...string) result {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, name, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), env...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	r := result{stdout: stdout.String(), stderr: stderr.String()}
	var exit *exec.ExitError
	switch {
	case err == nil:
	case errors.As(err, &exit) && ctx.Err() == nil:
		r.code = exit.ExitCode()
	case ctx.Err() != nil:
		t.Fatalf("%s %s: timed out after %v\n%s", name, strings.Join(args, " "), timeout, r)
	default:
		t.Fatalf("%s %s: %v", name, strings.Join(args, " "), err)
	}
	return r
}

// mustRun is run for commands that must succeed.
func mustRun(t *testing.T, timeout time.Duration, dir string, env []string, name string, args ...string) result {
	t.Helper()
	r := run(t, timeout, dir, env, name, args...)
	if r.code != 0 {
		t.Fatalf("%s %s in %s:\n%s", name, strings.Join(args, " "), dir, r)
	}
	return r
}

var (
	connectlintOnce sync.Once
	connectlintBin  string
	connectlintErr  error
)

// connectlint builds the working tree's connectlint once per test run.
func connectlint(t *testing.T) string {
	t.Helper()
	connectlintOnce.Do(func() {
		connectlintBin, connectlintErr = testenv.Build("github.com/connectlint/connectlint/cmd/connectlint", binDir, "connectlint")
	})
	if connectlintErr != nil {
		t.Fatal(connectlintErr)
	}
	return connectlintBin
}

// copyDemo copies the demo app (its own module) to a fresh directory.
func copyDemo(t *testing.T) string {
	t.Helper()
	dst := t.TempDir()
	copyTree(t, filepath.Join(repoRoot(t), "testdata", "demo"), dst)
	return dst
}

// copyTree copies the regular files below src to dst, making them
// writable.
func copyTree(t *testing.T, src, dst string) {
	t.Helper()
	err := filepath.WalkDir(src, func(path string, e fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, path)
		target := filepath.Join(dst, rel)
		if e.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		if !e.Type().IsRegular() {
			return nil
		}
		in, err := os.Open(path)
		if err != nil {
			return err
		}
		defer in.Close()
		out, err := os.OpenFile(target, os.O_CREATE|os.O_WRONLY|os.O_TRUNC, 0o644)
		if err != nil {
			return err
		}
		if _, err := io.Copy(out, in); err != nil {
			out.Close()
			return err
		}
		return out.Close()
	})
	if err != nil {
		t.Fatal(err)
	}
}

// treeHash identifies the working tree's non-test Go code and embedded
// data: everything a binary built from it depends on, within reason.
func treeHash(t *testing.T, root string) string {
	t.Helper()
	h := sha256.New()
	err := filepath.WalkDir(root, func(path string, e fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		name := e.Name()
		if e.IsDir() {
			if path != root && (strings.HasPrefix(name, ".") || name == "testdata" || name == "node_modules" || name == "integration" || name == "docs" || name == "bench") {
				return filepath.SkipDir
			}
			return nil
		}
		if !e.Type().IsRegular() || strings.HasSuffix(name, "_test.go") || strings.HasSuffix(name, ".md") {
			return nil
		}
		content, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, path)
		fmt.Fprintf(h, "%s\x00%d\x00", filepath.ToSlash(rel), len(content))
		h.Write(content)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return hex.EncodeToString(h.Sum(nil))[:16]
}

func readJSON(t *testing.T, path string, v any) {
	t.Helper()
	content, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(content, v); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
}

func writeFile(t *testing.T, path, content string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}
