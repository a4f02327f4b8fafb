package integration

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestPreCommitHook installs this repository's .pre-commit-hooks.yaml with
// the real pre-commit in a throw-away git repository holding the demo app:
// `pre-commit try-repo` fails on it, a commit of it is refused with
// connectlint's findings, and the commit of the fixed app goes through.
func TestPreCommitHook(t *testing.T) {
	integration(t)
	precommit := lookTool(t, "pre-commit", "apt-get install pre-commit")
	lookTool(t, "git", "apt-get install git")
	// The hook's `go install ./...` fills its own GOPATH from the proxy.
	needModuleProxy(t)

	hookRepo, rev := snapshotRepo(t)
	app := copyDemo(t)

	// What connectlint itself says about the demo app, as text.
	bad := run(t, 5*time.Minute, app, []string{"NO_COLOR=1"}, connectlint(t), "./...")
	if bad.code != 3 {
		t.Fatalf("connectlint on the demo app: want exit status 3 (findings)\n%s", bad)
	}
	findings := strings.Split(strings.TrimSpace(bad.stdout), "\n")

	gomodcache := strings.TrimSpace(mustRun(t, time.Minute, app, nil, "go", "env", "GOMODCACHE").stdout)
	env := []string{
		"PRE_COMMIT_HOME=" + t.TempDir(), // fresh hook environments
		// pre-commit gives each hook environment its own GOPATH, so its
		// go install would fetch every module again and, as the build
		// cache keys on source paths, compile them again. Sharing the
		// module cache keeps that out of the test's time.
		"GOMODCACHE=" + gomodcache,
		"PRE_COMMIT_COLOR=never",
		// No user or system git config: a core.hooksPath there would stop
		// pre-commit install.
		"GIT_CONFIG_GLOBAL=" + os.DevNull, "GIT_CONFIG_NOSYSTEM=1",
		"NO_COLOR=1",
		"GIT_AUTHOR_NAME=connectlint tests", "GIT_AUTHOR_EMAIL=tests@connectlint.invalid",
		"GIT_COMMITTER_NAME=connectlint tests", "GIT_COMMITTER_EMAIL=tests@connectlint.invalid",
	}
	git := func(args ...string) result {
		return run(t, 10*time.Minute, app, env, "git", append([]string{"-c", "commit.gpgsign=false"}, args...)...)
	}
	mustGit := func(args ...string) {
		if r := git(args...); r.code != 0 {
			t.Fatalf("git %s:\n%s", strings.Join(args, " "), r)
		}
	}
	mustGit("init", "-q")
	mustGit("add", "-A")

	// try-repo: the hook, straight from the hook repository, on the staged app.
	start := time.Now()
	r := run(t, 10*time.Minute, app, env, precommit, "try-repo", hookRepo, "connectlint", "--ref", rev)
	t.Logf("pre-commit try-repo (installs the hook: go install ./...): %v", time.Since(start).Round(time.Second))
	if r.code == 0 {
		t.Fatalf("pre-commit try-repo passed on the demo app, which has findings:\n%s", r)
	}
	checkHookOutput(t, "try-repo", r, "Failed", findings)

	// A real commit with the hook installed.
	config := fmt.Sprintf("repos:\n  - repo: %s\n    rev: %s\n    hooks:\n      - id: connectlint\n", hookRepo, rev)
	if err := os.WriteFile(filepath.Join(app, ".pre-commit-config.yaml"), []byte(config), 0o644); err != nil {
		t.Fatal(err)
	}
	if r := run(t, time.Minute, app, env, precommit, "install"); r.code != 0 {
		t.Fatalf("pre-commit install:\n%s", r)
	}
	mustGit("add", "-A")
	r = git("commit", "-q", "-m", "demo app with connectlint findings")
	if r.code == 0 {
		t.Fatalf("the commit of the demo app was accepted; want it refused:\n%s", r)
	}
	checkHookOutput(t, "bad commit", r, "Failed", findings)
	t.Logf("git commit, refused:\n%s%s", r.stdout, r.stderr)
	if r := git("rev-parse", "-q", "--verify", "HEAD"); r.code == 0 {
		t.Fatalf("a commit was made although the hook failed: %s", r.stdout)
	}

	fixDemo(t, app)
	if fixed := run(t, 5*time.Minute, app, []string{"NO_COLOR=1"}, connectlint(t), "./..."); fixed.code != 0 {
		t.Fatalf("connectlint still reports findings on the fixed demo app (so the commit could not pass):\n%s", fixed)
	}
	mustGit("add", "-A")
	r = git("commit", "-q", "-m", "fix connectlint findings")
	if r.code != 0 {
		t.Fatalf("the commit of the fixed demo app was refused:\n%s", r)
	}
	checkHookOutput(t, "fixed commit", r, "Passed", nil)
	t.Logf("git commit, accepted:\n%s%s", r.stdout, r.stderr)
}

// checkHookOutput checks that pre-commit ran the connectlint hook with
// the given verdict and showed each finding line connectlint printed.
func checkHookOutput(t *testing.T, what string, r result, verdict string, findings []string) {
	t.Helper()
	out := r.stdout + r.stderr
	if !strings.Contains(out, "connectlint") || !strings.Contains(out, verdict) {
		t.Errorf("%s: want the connectlint hook to report %s:\n%s", what, verdict, r)
	}
	for _, f := range findings {
		if !strings.Contains(out, f) {
			t.Errorf("%s: hook output lacks connectlint's finding %q:\n%s", what, f, r)
		}
	}
}

// fixDemo fixes what connectlint finds in the demo app, the way its
// developer would: an https baseUrl, signed install callbacks, the scopes
// the code needs (DELETE and ACCESS_EMAIL_ADDRESSES) instead of ADMIN, and a
// status check on the search response.
func fixDemo(t *testing.T, dir string) {
	t.Helper()
	edit := func(name string, replacements ...string) {
		path := filepath.Join(dir, name)
		content, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		s := string(content)
		for i := 0; i < len(replacements); i += 2 {
			old, new := replacements[i], replacements[i+1]
			if strings.Count(s, old) != 1 {
				t.Fatalf("fixDemo: %s no longer holds exactly one %q; update the fix to the demo app", name, old)
			}
			s = strings.Replace(s, old, new, 1)
		}
		if err := os.WriteFile(path, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	edit("atlassian-connect.json",
		`"baseUrl": "http://`, `"baseUrl": "https://`,
		`"context-qsh": true,`, `"context-qsh": true,
    "signed-install": true,`,
		`"ADMIN"`, `"DELETE",
    "ACCESS_EMAIL_ADDRESSES"`,
	)
	edit("jira.go",
		"defer resp.Body.Close()\n\tvar result searchResult",
		`defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		b, _ := io.ReadAll(io.LimitReader(resp.Body, 1024))
		return nil, &apiError{Method: http.MethodGet, Path: u.Path, StatusCode: resp.StatusCode, Body: string(b)}
	}
	var result searchResult`)
}

// snapshotRepo commits the working tree (tracked and untracked files that
// are not ignored) to a fresh git repository, as pre-commit needs a
// committed hook repository, and returns its path and commit.
func snapshotRepo(t *testing.T) (dir, rev string) {
	t.Helper()
	root := repoRoot(t)
	files := mustRun(t, time.Minute, root, nil, "git", "ls-files", "-z", "-c", "-o", "--exclude-standard").stdout
	dir = t.TempDir()
	for _, name := range strings.Split(strings.TrimRight(files, "\x00"), "\x00") {
		src := filepath.Join(root, name)
		info, err := os.Lstat(src)
		if err != nil || !info.Mode().IsRegular() {
			continue // deleted in the working tree, or not a file
		}
		content, err := os.ReadFile(src)
		if err != nil {
			t.Fatal(err)
		}
		dst := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(dst, content, info.Mode().Perm()); err != nil {
			t.Fatal(err)
		}
	}
	git := []string{"-c", "user.name=connectlint tests", "-c", "user.email=tests@connectlint.invalid", "-c", "commit.gpgsign=false"}
	mustRun(t, time.Minute, dir, nil, "git", "init", "-q")
	mustRun(t, time.Minute, dir, nil, "git", "add", "-A")
	mustRun(t, time.Minute, dir, nil, "git", append(git, "commit", "-q", "-m", "connectlint working tree")...)
	rev = strings.TrimSpace(mustRun(t, time.Minute, dir, nil, "git", "rev-parse", "HEAD").stdout)
	return dir, rev
}
