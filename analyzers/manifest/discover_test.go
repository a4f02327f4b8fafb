package manifest

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/connectlint/connectlint/internal/rules"
)

// tree writes files under a new temporary directory; a name ending in /
// is a directory.
func tree(t *testing.T, files map[string]string) string {
	t.Helper()
	root := t.TempDir()
	for name, content := range files {
		p := filepath.Join(root, filepath.FromSlash(name))
		if strings.HasSuffix(name, "/") {
			if err := os.MkdirAll(p, 0o755); err != nil {
				t.Fatal(err)
			}
			continue
		}
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return root
}

const connectOnForge = `app:
  id: ari:cloud:ecosystem::app/8db33809-1f32-48bb-8c52-5877dab48107
  connect:
    key: issue-cleaner
    remote: connect
remotes:
  - key: connect
    baseUrl: https://cleaner.example.com
  - key: "backend "
    baseUrl: https://backend.example.com
permissions:
  scopes:
    - read:connect-jira
`

// TestDiscovery runs the analyzer over modules laid out in a temporary
// directory (a repository needs .git, which git does not commit) and
// checks which manifest each package gets and which problems it reports.
func TestDiscovery(t *testing.T) {
	if _, err := exec.LookPath("go"); err != nil {
		t.Skip("the go command is needed to load packages")
	}
	for _, tc := range []struct {
		name     string
		files    map[string]string
		module   string // the module's directory in files
		explicit string
		want     []string // "package: manifest" and "package: file:line:col: severity: message [rule]"
	}{
		{
			// The Go backend is a module in a folder of the Forge app: the
			// manifest above it, at the repository root, is found; only the
			// main package reports it (no package lives in its directory).
			name: "above the module",
			files: map[string]string{
				".git/":                               "",
				"manifest.yml":                        connectOnForge,
				"backend/go.mod":                      "module example.com/backend\n\ngo 1.22\n",
				"backend/main.go":                     "package main\n\nfunc main() {}\n",
				"backend/internal/store/store.go":     "package store\n",
				"backend/atlassian-connect.json":      `{"key": "issue-cleaner", "baseUrl": "https://cleaner.example.com", "authentication": {"type": "jwt"}, "lifecycle": {"installed": "/i"}, "apiMigrations": {"signed-install": true}, "scopes": ["READ"]}`,
				"backend/node_modules/x/manifest.yml": "app: {}\n",
			},
			module: "backend",
			want: []string{
				"example.com/backend: ../manifest.yml",
				`example.com/backend: ../manifest.yml:3:3: note: app.connect makes this a Connect app on Forge: Atlassian enforces the scopes of manifest.yml, and those of backend/atlassian-connect.json are ignored [descriptor-scopes-ignored]`,
				`example.com/backend: ../manifest.yml:9:10: error: remotes[1].key: "backend " may contain only letters, digits, "_" and "-" [manifest-invalid]`,
				"example.com/backend/internal/store: ../manifest.yml",
			},
		},
		{
			// Connect on Forge without a descriptor: nothing to note.
			name: "connect without descriptor",
			files: map[string]string{
				".git/":        "",
				"manifest.yml": strings.Replace(connectOnForge, `"backend "`, "backend", 1),
				"go.mod":       "module example.com/cof\n\ngo 1.22\n",
				"main.go":      "package main\n\nfunc main() {}\n",
			},
			want: []string{"example.com/cof: manifest.yml"},
		},
		{
			// The nearest manifest wins; a library package in the manifest's
			// directory reports it.
			name: "nearest",
			files: map[string]string{
				".git":                "gitdir: /elsewhere\n", // a worktree's .git file
				"manifest.yml":        "app:\n  id: ari:cloud:ecosystem::app/outer\n",
				"go.mod":              "module example.com/lib\n\ngo 1.22\n",
				"lib.go":              "package lib\n",
				"remote/manifest.yml": "app:\n  id: nope\n",
				"remote/remote.go":    "package remote\n",
				"remote/api/api.go":   "package api\n",
			},
			want: []string{
				"example.com/lib: manifest.yml",
				"example.com/lib/remote: remote/manifest.yml",
				`example.com/lib/remote: remote/manifest.yml:2:7: error: app.id: "nope" is not a Forge app id (ari:cloud:ecosystem::app/...); forge register writes it [manifest-invalid]`,
				"example.com/lib/remote/api: remote/manifest.yml",
			},
		},
		{
			// Outside a repository the walk stops at the module root, and
			// another tool's manifest.yml is not Forge's.
			name: "no repository",
			files: map[string]string{
				"manifest.yml":        "app:\n  id: ari:cloud:ecosystem::app/outside\n",
				"mod/go.mod":          "module example.com/mod\n\ngo 1.22\n",
				"mod/main.go":         "package main\n\nfunc main() {}\n",
				"mod/cf/manifest.yml": "---\napplications:\n- name: api\n",
				"mod/cf/cf.go":        "package cf\n",
			},
			module: "mod",
			want: []string{
				"example.com/mod: -",
				"example.com/mod/cf: -",
			},
		},
		{
			// The config file names the manifest: it is read even though it
			// does not look like Forge's.
			name: "configured",
			files: map[string]string{
				"go.mod":            "module example.com/cfg\n\ngo 1.22\n",
				".connectlint.yaml": "manifest: deploy/forge.yml\n",
				"main.go":           "package main\n\nfunc main() {}\n",
				"deploy/forge.yml":  "applications: []\n",
			},
			want: []string{
				"example.com/cfg: deploy/forge.yml",
				`example.com/cfg: deploy/forge.yml:1:1: error: missing required key "app" [manifest-invalid]`,
			},
		},
		{
			name: "explicit",
			files: map[string]string{
				"go.mod":       "module example.com/flag\n\ngo 1.22\n",
				"main.go":      "package main\n\nfunc main() {}\n",
				"manifest.yml": "app:\n  id: ari:cloud:ecosystem::app/found\n",
				"other.yml":    "app:\n  id: ari:cloud:ecosystem::app/chosen\npermissions:\n  scopes: nope\n",
			},
			explicit: "other.yml",
			want: []string{
				"example.com/flag: other.yml",
				"example.com/flag: other.yml:4:11: error: permissions.scopes: expected a list or a mapping, found a string [manifest-invalid]",
			},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			root := tree(t, tc.files)
			dir := filepath.Join(root, tc.module)
			if tc.explicit != "" {
				explicitFile = filepath.Join(root, tc.explicit)
				defer func() { explicitFile = "" }()
			}
			got := analyze(t, dir)
			slices.Sort(got)
			want := slices.Clone(tc.want)
			slices.Sort(want)
			if !slices.Equal(got, want) {
				t.Errorf("got:\n\t%s\nwant:\n\t%s", strings.Join(got, "\n\t"), strings.Join(want, "\n\t"))
			}
		})
	}
}

// analyze loads the module in dir and runs the analyzer on every package,
// describing each package's Result and diagnostics, paths relative to dir.
func analyze(t *testing.T, dir string) []string {
	t.Helper()
	cfg := &packages.Config{
		Mode: packages.LoadSyntax,
		Dir:  dir,
		Env:  append(os.Environ(), "GOWORK=off", "GOFLAGS=-mod=mod", "GOPROXY=off"),
	}
	pkgs, err := packages.Load(cfg, "./...")
	if err != nil {
		t.Fatalf("loading %s: %v", dir, err)
	}
	if n := packages.PrintErrors(pkgs); n > 0 {
		t.Fatalf("%d errors loading %s", n, dir)
	}
	graph, err := checker.Analyze([]*analysis.Analyzer{Analyzer}, pkgs, nil)
	if err != nil {
		t.Fatal(err)
	}
	rel := func(path string) string {
		if r, err := filepath.Rel(dir, path); err == nil {
			return filepath.ToSlash(r)
		}
		return path
	}
	var out []string
	for _, act := range graph.Roots {
		if act.Err != nil {
			t.Errorf("%s: %v", act.Package.ID, act.Err)
			continue
		}
		m := "-"
		if r := act.Result.(*Result); r.File != nil {
			m = rel(r.File.Name())
		}
		out = append(out, fmt.Sprintf("%s: %s", act.Package.ID, m))
		for _, d := range act.Diagnostics {
			pos := act.Package.Fset.Position(d.Pos)
			out = append(out, fmt.Sprintf("%s: %s:%d:%d: %s: %s [%s]", act.Package.ID, rel(pos.Filename), pos.Line, pos.Column, rules.SeverityOf(d), d.Message, d.Category))
		}
	}
	return out
}

// TestHostileManifests runs the analyzer over a module whose packages
// each find a bad manifest.yml (a YAML bomb, tabs, not YAML, a directory,
// a dangling symlink) beside one good one: each bad one gets a positioned
// problem, and every package is still analysed.
func TestHostileManifests(t *testing.T) {
	if _, err := exec.LookPath("go"); err != nil {
		t.Skip("the go command is needed to load packages")
	}
	const appID = "app:\n  id: ari:cloud:ecosystem::app/8db33809-1f32-48bb-8c52-5877dab48107\n"
	bomb, err := os.ReadFile(filepath.Join(fixtures, "yaml-bomb.yml"))
	if err != nil {
		t.Fatal(err)
	}
	files := map[string]string{
		".git/":                 "",
		"go.mod":                "module example.com/hostile\n\ngo 1.22\n",
		"bomb/manifest.yml":     string(bomb),
		"tabs/manifest.yml":     appID + "permissions:\n  scopes:\n\t- read:jira-work\n",
		"notyaml/manifest.yml":  appID + "modules: [\n",
		"dir/manifest.yml/":     "",
		"dangling/dangling.go":  "package dangling\n",
		"good/manifest.yml":     appID,
		"good/good.go":          "package good\n",
		"bomb/bomb.go":          "package bomb\n",
		"tabs/tabs.go":          "package tabs\n",
		"notyaml/notyaml.go":    "package notyaml\n",
		"dir/dir.go":            "package dir\n",
		"dir/manifest.yml/x.go": "package x\n",
	}
	root := tree(t, files)
	if err := os.Symlink(filepath.Join(root, "nowhere"), filepath.Join(root, "dangling", "manifest.yml")); err != nil {
		t.Skipf("cannot make a symlink: %v", err)
	}
	got := analyze(t, root)
	want := []string{
		"example.com/hostile/bomb: bomb/manifest.yml",
		"example.com/hostile/bomb: bomb/manifest.yml:2:8: error: aliases expand to more than 100000 values (a YAML bomb?): the manifest is not checked against the schema [manifest-invalid]",
		"example.com/hostile/dangling: dangling/manifest.yml",
		"example.com/hostile/dangling: dangling/manifest.yml:1:1: error: cannot read the Forge manifest: no such file or directory [manifest-invalid]",
		"example.com/hostile/dir: dir/manifest.yml",
		"example.com/hostile/dir: dir/manifest.yml:1:1: error: manifest.yml is a directory, not a Forge manifest file [manifest-invalid]",
		"example.com/hostile/dir/manifest.yml: dir/manifest.yml", // reported once, by the package above
		"example.com/hostile/good: good/manifest.yml",
		"example.com/hostile/notyaml: notyaml/manifest.yml",
		"example.com/hostile/notyaml: notyaml/manifest.yml:3:1: error: not valid YAML: did not find expected node content [manifest-invalid]",
		"example.com/hostile/tabs: tabs/manifest.yml",
		"example.com/hostile/tabs: tabs/manifest.yml:5:1: error: not valid YAML: a tab character where YAML expects spaces: YAML indents with spaces only [manifest-invalid]",
	}
	slices.Sort(got)
	slices.Sort(want)
	if !slices.Equal(got, want) {
		t.Errorf("got:\n\t%s\nwant:\n\t%s", strings.Join(got, "\n\t"), strings.Join(want, "\n\t"))
	}
}
