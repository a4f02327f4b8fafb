package descriptor

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"
)

// TestDiscovery runs the analyzer over the fixture modules in
// testdata/modules and checks, per package, which descriptor its Result
// holds and which findings it reports (only the owners report).
func TestDiscovery(t *testing.T) {
	if _, err := exec.LookPath("go"); err != nil {
		t.Skip("the go command is needed to load packages")
	}
	for _, tc := range []struct {
		module   string
		tests    bool
		explicit string
		want     []string // "package: descriptor" and "package: file:line:col: severity: message [rule]"
	}{
		{
			module: "embed",
			want: []string{
				"example.com/embed: static/atlassian-connect.json",
				`example.com/embed: static/atlassian-connect.json:3:14: error: baseUrl "http://embedded.example.com" is not https: the shared secret and the signed requests Atlassian sends to the app would travel in clear text [insecure-base-url]`,
				// lib walks up to the module root, where static/ and web/
				// tie; it is no owner, so it stays silent.
				"example.com/embed/lib: -",
			},
		},
		{
			module: "embeddir",
			want: []string{
				"example.com/embeddir/server: server/web/ac/atlassian-connect.json",
				`example.com/embeddir/server: server/web/ac/atlassian-connect.json:4:3: warning: no "apiMigrations": {"signed-install": true}: install callbacks are not signed by Atlassian, so a forged install can plant its own shared secret [unsigned-install]`,
			},
		},
		{
			module: "nested",
			want: []string{
				"example.com/nested/cmd/app: assets/templates/ac/atlassian-connect.json",
				`example.com/nested/cmd/app: assets/templates/ac/atlassian-connect.json:4:3: warning: no "apiMigrations": {"signed-install": true}: install callbacks are not signed by Atlassian, so a forged install can plant its own shared secret [unsigned-install]`,
				"example.com/nested/internal/store: assets/templates/ac/atlassian-connect.json",
			},
		},
		{
			module: "ambiguous",
			want: []string{
				"example.com/ambiguous: -",
				"example.com/ambiguous: public/atlassian-connect.json:1:1: note: found 2 equally near app descriptors (public/atlassian-connect.json, static/atlassian-connect.json), so none is used; choose one with -descriptor FILE or embed it with //go:embed [descriptor-ambiguous]",
			},
		},
		{
			module: "library",
			tests:  true,
			want: []string{
				"example.com/library: atlassian-connect.json",
				`example.com/library: atlassian-connect.json:4:30: error: authentication type "none", but Atlassian sends the app lifecycle callbacks: unsigned, so the app cannot tell Atlassian's requests from anyone else's; use "jwt" and verify them [auth-none]`,
				// The generated test main package lives in the build
				// cache, outside the module: it finds nothing.
				"example.com/library.test: -",
				"example.com/library/sub: atlassian-connect.json",
				"example.com/library_test [example.com/library.test]: atlassian-connect.json",
			},
		},
		{
			// The config file's descriptor wins over discovery (go vet
			// passes no flags, so this is how vet users choose one).
			module: "configured",
			want: []string{
				"example.com/configured: deploy/connect-prod.json",
				`example.com/configured: deploy/connect-prod.json:3:14: error: baseUrl "http://configured.example.com" is not https: the shared secret and the signed requests Atlassian sends to the app would travel in clear text [insecure-base-url]`,
			},
		},
		{
			module: "none",
			want:   []string{"example.com/none: -"},
		},
		{
			module: "dir",
			want: []string{
				"example.com/dir: atlassian-connect.json",
				"example.com/dir: atlassian-connect.json:1:1: error: atlassian-connect.json is a directory, not an app descriptor file [descriptor-invalid]",
			},
		},
		{
			module:   "embed",
			explicit: "../../testdata/descriptors/auth-none.json",
			want: []string{
				"example.com/embed: ../../../../../testdata/descriptors/auth-none.json",
				`example.com/embed: ../../../../../testdata/descriptors/auth-none.json:4:30: error: authentication type "none", but Atlassian sends the app lifecycle callbacks and webhooks: unsigned, so the app cannot tell Atlassian's requests from anyone else's; use "jwt" and verify them [auth-none]`,
				"example.com/embed/lib: ../../../../../testdata/descriptors/auth-none.json",
			},
		},
	} {
		name := tc.module
		if tc.explicit != "" {
			name += "-explicit"
		}
		t.Run(name, func(t *testing.T) {
			dir, err := filepath.Abs(filepath.Join("testdata", "modules", tc.module))
			if err != nil {
				t.Fatal(err)
			}
			if tc.explicit != "" {
				explicitFile = tc.explicit
				defer func() { explicitFile = "" }()
			}
			got := analyze(t, dir, tc.tests)
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
// describing each package's Result and diagnostics.
func analyze(t *testing.T, dir string, tests bool) []string {
	t.Helper()
	cfg := &packages.Config{
		Mode:  packages.LoadSyntax,
		Dir:   dir,
		Tests: tests,
		Env:   append(os.Environ(), "GOWORK=off", "GOFLAGS=-mod=mod", "GOPROXY=off"),
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
		r, err := filepath.Rel(dir, path)
		if err != nil {
			return path
		}
		return filepath.ToSlash(r)
	}
	var out []string
	for _, act := range graph.Roots {
		if act.Err != nil {
			t.Errorf("%s: %v", act.Package.ID, act.Err)
			continue
		}
		desc := "-"
		if r := act.Result.(*Result); r.Descriptor != nil {
			desc = rel(r.Descriptor.Path)
		} else if r.File != nil {
			desc = rel(r.File.Name())
		}
		out = append(out, fmt.Sprintf("%s: %s", act.Package.ID, desc))
		for _, d := range act.Diagnostics {
			pos := act.Package.Fset.Position(d.Pos)
			sev := ruleSeverity(d)
			out = append(out, fmt.Sprintf("%s: %s:%d:%d: %s: %s [%s]", act.Package.ID, rel(pos.Filename), pos.Line, pos.Column, sev, d.Message, d.Category))
		}
	}
	return out
}

func TestResolveExplicit(t *testing.T) {
	root := t.TempDir()
	sub := filepath.Join(root, "cmd", "app")
	if err := os.MkdirAll(sub, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, f := range []string{"go.mod", "app.json"} {
		if err := os.WriteFile(filepath.Join(root, f), []byte("module x\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	cwd, _ := os.Getwd()
	for _, tc := range []struct{ file, want string }{
		{"", ""},
		{"/abs/app.json", "/abs/app.json"},
		{"app.json", filepath.Join(root, "app.json")},                // not in the working directory: the module root's
		{"discover_test.go", filepath.Join(cwd, "discover_test.go")}, // the working directory's
		{"missing.json", filepath.Join(cwd, "missing.json")},         // neither: reported as unreadable there
	} {
		if got := resolveExplicit(tc.file, sub); got != tc.want {
			t.Errorf("resolveExplicit(%q) = %q, want %q", tc.file, got, tc.want)
		}
	}
}

// probeFact gives probe a fact type, so the checker runs it, and the
// descriptor analyzer it requires, on every dependency.
type probeFact struct{}

func (*probeFact) AFact() {}

// TestDependencies checks that standard library packages get no
// descriptor, even an explicit one: they are not the app.
func TestDependencies(t *testing.T) {
	if _, err := exec.LookPath("go"); err != nil {
		t.Skip("the go command is needed to load packages")
	}
	explicitFile, _ = filepath.Abs("../../testdata/descriptors/good.json")
	defer func() { explicitFile = "" }()
	var mu sync.Mutex
	got := map[string]bool{}
	probe := &analysis.Analyzer{
		Name:      "probe",
		Doc:       "records which packages get a descriptor",
		Requires:  []*analysis.Analyzer{Analyzer},
		FactTypes: []analysis.Fact{new(probeFact)},
		Run: func(pass *analysis.Pass) (any, error) {
			mu.Lock()
			defer mu.Unlock()
			got[pass.Pkg.Path()] = pass.ResultOf[Analyzer].(*Result).Descriptor != nil
			return nil, nil
		},
	}
	dir, _ := filepath.Abs(filepath.Join("testdata", "modules", "embed"))
	cfg := &packages.Config{
		Mode: packages.LoadAllSyntax,
		Dir:  dir,
		Env:  append(os.Environ(), "GOWORK=off", "GOFLAGS=-mod=mod", "GOPROXY=off"),
	}
	pkgs, err := packages.Load(cfg, ".")
	if err != nil || packages.PrintErrors(pkgs) > 0 {
		t.Fatalf("loading %s: %v", dir, err)
	}
	if _, err := checker.Analyze([]*analysis.Analyzer{probe}, pkgs, nil); err != nil {
		t.Fatal(err)
	}
	if !got["example.com/embed"] {
		t.Errorf("the app's main package got no descriptor")
	}
	if has, ok := got["os"]; !ok || has {
		t.Errorf("package os: analysed %v, got a descriptor %v; want analysed without one", ok, has)
	}
}
