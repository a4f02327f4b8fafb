package integration

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

// golangciVersion is the golangci-lint release the plugin is built into.
const golangciVersion = "v2.15.0"

// TestGolangciPlugin builds a custom golangci-lint with the gclplugin module
// of this working tree, as `golangci-lint custom` does, runs it on the demo
// app and checks that it reports what connectlint itself reports: Go
// findings at the same positions, descriptor findings on a Go position
// with the descriptor position in the message. A second run checks that
// suppressions (a directive, a .connectlint.yaml ignore) and the plugin's
// disable setting hold.
func TestGolangciPlugin(t *testing.T) {
	integration(t)
	lookTool(t, "git", "apt-get install git")
	bin := customGolangci(t)
	demo := copyDemo(t)

	want := connectlintFindings(t, demo)
	exts := map[string]int{}
	for _, f := range want {
		exts[filepath.Ext(f.File)]++
	}
	if exts[".go"] == 0 || exts[".json"] == 0 {
		t.Fatalf("the demo app's findings cover %v; want Go and descriptor findings to compare", exts)
	}
	got := golangciRun(t, bin, demo, `
        settings:
          descriptor: atlassian-connect.json`)
	compareIssues(t, got, want)
	t.Logf("golangci-lint %s + connectlint: %d issues (%d from the descriptor)", golangciVersion, len(got), exts[".json"])

	suppressed := suppressFindings(t, demo)
	want = connectlintFindings(t, demo)
	if len(want) == 0 {
		t.Fatal("connectlint reports nothing once suppressions are in place; nothing left to disable")
	}
	rule := want[0].Rule
	want = slices.DeleteFunc(want, func(f finding) bool { return f.Rule == rule })
	got = golangciRun(t, bin, demo, `
        settings:
          disable: [`+rule+`]`)
	compareIssues(t, got, want)
	for _, s := range suppressed {
		for _, is := range got {
			if strings.HasSuffix(is.Text, "["+s.rule+"]") && !slices.ContainsFunc(want, func(f finding) bool { return f.Rule == s.rule }) {
				t.Errorf("suppressed finding shown by golangci-lint: %s", is.Text)
			}
		}
	}
}

// compareIssues checks that golangci-lint showed each connectlint finding,
// and nothing else, the way the plugin must: Go findings at their
// position, findings in other files on a Go position with their own
// position leading the message; each message ending with the rule ID.
func compareIssues(t *testing.T, got []golangciIssue, want []finding) {
	t.Helper()
	var wantIssues, gotIssues []string
	for _, f := range want {
		wantIssues = append(wantIssues, fmt.Sprintf("%s:%d:%d: %s [%s]", f.File, f.Line, f.Column, f.Message, f.Rule))
	}
	for _, is := range got {
		if !strings.HasSuffix(is.Pos.Filename, ".go") {
			t.Errorf("issue on a non-Go file (golangci-lint would drop it): %+v", is)
		}
		// golangci-lint puts "analyzer: " before the message.
		analyzer, text, ok := strings.Cut(is.Text, ": ")
		if !ok || strings.Contains(analyzer, " ") {
			t.Errorf("issue text without the analyzer name: %q", is.Text)
			text = is.Text
		}
		if strings.HasPrefix(text, "atlassian-connect.json:") {
			gotIssues = append(gotIssues, text) // the descriptor position leads
		} else {
			gotIssues = append(gotIssues, fmt.Sprintf("%s:%d:%d: %s", is.Pos.Filename, is.Pos.Line, is.Pos.Column, text))
		}
	}
	slices.Sort(wantIssues)
	slices.Sort(gotIssues)
	if !slices.Equal(gotIssues, wantIssues) {
		t.Errorf("golangci-lint issues differ from connectlint's findings\ngolangci-lint:\n\t%s\nconnectlint:\n\t%s",
			strings.Join(gotIssues, "\n\t"), strings.Join(wantIssues, "\n\t"))
	}
}

// TestGolangciPluginSettingsAreStrict: a misspelt setting stops the run
// with a message naming it, instead of silently checking with defaults.
func TestGolangciPluginSettingsAreStrict(t *testing.T) {
	integration(t)
	lookTool(t, "git", "apt-get install git")
	bin := customGolangci(t)
	demo := copyDemo(t)
	writeGolangciConfig(t, demo, `
        settings:
          descriptr: atlassian-connect.json`)
	r := run(t, 5*time.Minute, demo, []string{"GOLANGCI_LINT_CACHE=" + t.TempDir()}, bin, "run", "./...")
	if r.code == 0 || r.code == 1 || !strings.Contains(r.stderr+r.stdout, `unknown field "descriptr"`) {
		t.Errorf("want a configuration error naming the unknown field; got\n%s", r)
	}
}

// golangciIssue is the part of golangci-lint's JSON output the tests read.
type golangciIssue struct {
	FromLinter string
	Text       string
	Pos        struct {
		Filename     string
		Line, Column int
	}
}

func writeGolangciConfig(t *testing.T, dir, pluginSettings string) string {
	t.Helper()
	config := `version: "2"
linters:
  default: none
  enable: [connectlint]
  settings:
    custom:
      connectlint:
        type: module
        description: connectlint under test` + pluginSettings + `
issues:
  # Descriptor findings share one Go line; show all of them.
  uniq-by-line: false
  max-issues-per-linter: 0
  max-same-issues: 0
`
	path := filepath.Join(dir, ".golangci.yml")
	if err := os.WriteFile(path, []byte(config), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// golangciRun runs the custom golangci-lint on dir with the plugin
// settings given (YAML indented under the plugin) and returns its issues.
func golangciRun(t *testing.T, bin, dir, pluginSettings string) []golangciIssue {
	t.Helper()
	writeGolangciConfig(t, dir, pluginSettings)
	r := run(t, 5*time.Minute, dir, []string{"GOLANGCI_LINT_CACHE=" + t.TempDir()},
		bin, "run", "--output.json.path=stdout", "--output.text.path=stderr", "--show-stats=false", "./...")
	if r.code != 0 && r.code != 1 { // 1: issues found
		t.Fatalf("golangci-lint run:\n%s", r)
	}
	var out struct{ Issues []golangciIssue }
	if err := json.Unmarshal([]byte(r.stdout), &out); err != nil {
		t.Fatalf("golangci-lint JSON output: %v\n%s", err, r)
	}
	for _, is := range out.Issues {
		if is.FromLinter != "connectlint" {
			t.Errorf("issue from %q, want only connectlint: %+v", is.FromLinter, is)
		}
	}
	return out.Issues
}

// customGolangci returns a golangci-lint binary with the working tree's
// plugin, cached by a hash of the tree. It runs `golangci-lint custom`;
// when that cannot clone golangci-lint from GitHub (no network here), it
// runs `custom` again with the clone redirected (git's url.insteadOf) to a
// local repository holding the module proxy's copy of the same release.
func customGolangci(t *testing.T) string {
	t.Helper()
	root := repoRoot(t)
	cache := cacheDir(t, "golangci")
	name := "custom-gcl-" + treeHash(t, root)
	bin := filepath.Join(cache, name)
	if _, err := os.Stat(bin); err == nil {
		t.Logf("using cached %s", bin)
		return bin
	}
	needModuleProxy(t)
	gcl := bootstrapGolangci(t, cache)

	work := t.TempDir()
	config := fmt.Sprintf(`version: %s
name: %s
destination: %s
plugins:
  - module: github.com/connectlint/connectlint/gclplugin
    path: %s
  # The plugin's replace of the core module is not seen by golangci-lint's
  # go.mod; point the core at the working tree too.
  - module: github.com/connectlint/connectlint
    import: github.com/connectlint/connectlint/analyzers
    path: %s
`, golangciVersion, name, cache, filepath.Join(root, "gclplugin"), root)
	if err := os.WriteFile(filepath.Join(work, ".custom-gcl.yml"), []byte(config), 0o644); err != nil {
		t.Fatal(err)
	}

	start := time.Now()
	r := run(t, 5*time.Minute, work, nil, gcl, "custom", "-v")
	if r.code != 0 {
		if !strings.Contains(r.stderr, "clone golangci-lint") {
			t.Fatalf("golangci-lint custom:\n%s", r)
		}
		t.Logf("golangci-lint custom could not clone golangci-lint from GitHub; using the module proxy's copy of %s instead:\n%s",
			golangciVersion, lastLines(r.stderr, 3))
		mirror := golangciMirror(t, cache)
		xdg := t.TempDir()
		gitConfig := fmt.Sprintf("[url \"file://%s\"]\n\tinsteadOf = https://github.com/golangci/golangci-lint.git\n", mirror)
		if err := os.MkdirAll(filepath.Join(xdg, "git"), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(xdg, "git", "config"), []byte(gitConfig), 0o644); err != nil {
			t.Fatal(err)
		}
		// custom drops GIT_* variables; XDG_CONFIG_HOME reaches git. Keep
		// go's own settings where they were.
		goenv := strings.TrimSpace(mustRun(t, time.Minute, work, nil, "go", "env", "GOENV").stdout)
		start = time.Now()
		r = run(t, 10*time.Minute, work, []string{"XDG_CONFIG_HOME=" + xdg, "GOENV=" + goenv}, gcl, "custom", "-v")
		if r.code != 0 {
			t.Fatalf("golangci-lint custom with the module proxy's copy:\n%s", r)
		}
	}
	t.Logf("golangci-lint custom built %s in %v", name, time.Since(start).Round(time.Second))
	if _, err := os.Stat(bin); err != nil {
		t.Fatalf("golangci-lint custom succeeded but left no binary: %v\n%s", err, r)
	}
	// Older builds are for older trees.
	old, _ := filepath.Glob(filepath.Join(cache, "custom-gcl-*"))
	for _, o := range old {
		if o != bin {
			os.Remove(o)
		}
	}
	return bin
}

// bootstrapGolangci installs the released golangci-lint (to run `custom`)
// from the module proxy, once.
func bootstrapGolangci(t *testing.T, cache string) string {
	t.Helper()
	gobin := filepath.Join(cache, "golangci-lint-"+golangciVersion)
	bin := filepath.Join(gobin, "golangci-lint")
	if _, err := os.Stat(bin); err == nil {
		return bin
	}
	mustRun(t, 15*time.Minute, t.TempDir(), []string{"GOBIN=" + gobin},
		"go", "install", "github.com/golangci/golangci-lint/v2/cmd/golangci-lint@"+golangciVersion)
	return bin
}

// golangciMirror returns a git repository holding the module proxy's copy
// of golangci-lint with the release tag, for `custom` to clone.
func golangciMirror(t *testing.T, cache string) string {
	t.Helper()
	repo := filepath.Join(cache, "golangci-lint-"+golangciVersion+".git")
	if _, err := os.Stat(filepath.Join(repo, "HEAD")); err == nil {
		return repo
	}
	r := mustRun(t, 5*time.Minute, t.TempDir(), []string{"GOFLAGS=-mod=mod"},
		"go", "mod", "download", "-json", "github.com/golangci/golangci-lint/v2@"+golangciVersion)
	var mod struct{ Dir string }
	if err := json.Unmarshal([]byte(r.stdout), &mod); err != nil || mod.Dir == "" {
		t.Fatalf("go mod download: %v\n%s", err, r)
	}
	work := t.TempDir()
	copyTree(t, mod.Dir, work)
	git := []string{"-c", "user.name=connectlint tests", "-c", "user.email=tests@connectlint.invalid", "-c", "commit.gpgsign=false"}
	mustRun(t, time.Minute, work, nil, "git", "init", "-q")
	mustRun(t, time.Minute, work, nil, "git", "add", "-A")
	mustRun(t, time.Minute, work, nil, "git", append(git, "commit", "-q", "-m", "golangci-lint "+golangciVersion+" from the Go module proxy")...)
	mustRun(t, time.Minute, work, nil, "git", "tag", golangciVersion)
	tmp := repo + ".tmp"
	os.RemoveAll(tmp)
	mustRun(t, time.Minute, work, nil, "git", "clone", "-q", "--bare", work, tmp)
	if err := os.Rename(tmp, repo); err != nil {
		t.Fatal(err)
	}
	return repo
}

func lastLines(s string, n int) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	return strings.Join(lines[max(0, len(lines)-n):], "\n")
}
