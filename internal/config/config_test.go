package config

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/connectlint/connectlint/internal/rules"
)

// Test-only rules, so the tests do not depend on which analyzers exist.
func init() {
	rules.Register(
		&rules.Rule{ID: "cfgtest-alpha", Analyzer: "cfgtest", Title: "alpha", Severity: rules.Warning},
		&rules.Rule{ID: "cfgtest-beta", Analyzer: "cfgtest", Title: "beta", Severity: rules.Error},
		&rules.Rule{ID: "cfgtest-gamma", Analyzer: "cfgother", Title: "gamma", Severity: rules.Note},
	)
}

// module makes a module root holding go.mod and the given files.
func module(t *testing.T, files map[string]string) string {
	t.Helper()
	root := t.TempDir()
	files["go.mod"] = "module example.com/app\n"
	for name, content := range files {
		p := filepath.Join(root, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return root
}

func TestParseYAML(t *testing.T) {
	root := module(t, map[string]string{"app/atlassian-connect.json": "{}", "../manifest.yml": "app: {}"})
	src := `# connectlint settings
enable: [cfgtest, cfgtest-gamma]
disable:
  - cfgtest-beta
descriptor: app/atlassian-connect.json
manifest: ../manifest.yml
ignore:
  - rule: cfgtest-alpha
    path: app/atlassian-connect.json
    reason: "  ADMIN is needed by the admin page  "
  - rule: cfgtest-gamma
    path: ./legacy/**/*.go
    reason: legacy code, rewritten in Q3
`
	c, err := Parse(filepath.Join(root, YAMLName), []byte(src), root)
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(c.Enable, ","); got != "cfgtest,cfgtest-gamma" {
		t.Errorf("Enable = %s", got)
	}
	if got := strings.Join(c.Disable, ","); got != "cfgtest-beta" {
		t.Errorf("Disable = %s", got)
	}
	if want := filepath.Join(root, "app", "atlassian-connect.json"); c.Descriptor != want {
		t.Errorf("Descriptor = %q, want %q", c.Descriptor, want)
	}
	if c.DescriptorPos.Line != 5 || c.DescriptorPos.Column != 13 {
		t.Errorf("DescriptorPos = %v, want line 5 column 13", c.DescriptorPos)
	}
	if want := filepath.Join(filepath.Dir(root), "manifest.yml"); c.Manifest != want || c.ManifestPos.Line != 6 {
		t.Errorf("Manifest = %q at %v, want %q on line 6", c.Manifest, c.ManifestPos, want)
	}
	if len(c.Ignores) != 2 {
		t.Fatalf("Ignores = %+v", c.Ignores)
	}
	ig := c.Ignores[0]
	if ig.Rule != "cfgtest-alpha" || ig.Path != "app/atlassian-connect.json" || ig.Reason != "ADMIN is needed by the admin page" {
		t.Errorf("Ignores[0] = %+v", ig)
	}
	if ig.Pos.Line != 8 || ig.Pos.Column != 5 {
		t.Errorf("Ignores[0].Pos = %v, want line 8 column 5", ig.Pos)
	}
	if got := c.Ignores[1].Path; got != "legacy/**/*.go" {
		t.Errorf("Ignores[1].Path = %q, want the cleaned legacy/**/*.go", got)
	}
}

func TestParseJSON(t *testing.T) {
	root := module(t, map[string]string{})
	src := "{\n\t\"disable\": [\"cfgtest-beta\"],\n\t\"ignore\": [\n\t\t{\"rule\": \"cfgtest-alpha\", \"path\": \"atlassian-connect.json\", \"reason\": \"checked by hand\"}\n\t]\n}\n"
	c, err := Parse(filepath.Join(root, JSONName), []byte(src), root)
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Disable) != 1 || len(c.Ignores) != 1 || c.Ignores[0].Pos.Line != 4 {
		t.Errorf("got %+v", c)
	}
}

func TestParseEmpty(t *testing.T) {
	for _, src := range []string{"", "# nothing yet\n", "{}"} {
		c, err := Parse("c.yaml", []byte(src), "/m")
		if err != nil || len(c.Enable)+len(c.Disable)+len(c.Ignores) != 0 || c.Descriptor != "" {
			t.Errorf("Parse(%q) = %+v, %v; want an empty config", src, c, err)
		}
	}
}

// TestParseErrors checks that each mistake is an error at the right
// line and column with a message that says what is wrong.
func TestParseErrors(t *testing.T) {
	root := module(t, map[string]string{"sub/x.json": "{}"})
	for _, tc := range []struct {
		name, file, src string
		want            []string // each error, "line:col: message part"
	}{
		{"unknown key", "c.yaml", "enable: [cfgtest]\nignroe: []\n",
			[]string{`2:1: config: unknown key "ignroe" (known keys: enable, disable, descriptor, manifest, ignore); did you mean "ignore"?`}},
		{"unknown key nearer a later key", "c.yaml", "dsable: [cfgtest]\n",
			[]string{`1:1: config: unknown key "dsable" (known keys: enable, disable, descriptor, manifest, ignore); did you mean "disable"?`}},
		{"duplicate key", "c.yaml", "disable: [cfgtest]\ndisable: [cfgother]\n",
			[]string{`2:1: config: key "disable" appears twice`}},
		{"top not a mapping", "c.yaml", "- cfgtest\n",
			[]string{`1:1: config must be a mapping with keys enable, disable, descriptor, manifest, ignore, not a list`}},
		{"enable not a list", "c.yaml", "enable: cfgtest\n",
			[]string{`1:9: enable must be a list of rule IDs or analyzer names, not "cfgtest"`}},
		{"unknown rule in disable", "c.yaml", "disable: [cfgtest-alfa]\n",
			[]string{`1:11: disable: unknown rule or analyzer "cfgtest-alfa"; did you mean "cfgtest-alpha"?`}},
		{"reason missing", "c.yaml", "ignore:\n  - rule: cfgtest-alpha\n    path: a.go\n",
			[]string{`2:5: ignore entry needs a reason`}},
		{"reason blank", "c.yaml", "ignore:\n  - {rule: cfgtest-alpha, path: a.go, reason: '   '}\n",
			[]string{`2:5: ignore entry needs a reason`}},
		{"path empty", "c.yaml", "ignore:\n  - {rule: cfgtest-alpha, path: '', reason: r}\n",
			[]string{`2:5: ignore entry needs a path`}},
		{"reason not text", "c.yaml", "ignore:\n  - rule: cfgtest-alpha\n    path: a.go\n    reason: [a, b]\n",
			[]string{`4:13: ignore entry's reason must be text, not a list`}},
		{"unknown rule in ignore", "c.yaml", "ignore:\n  - rule: basic-auht\n    path: a.go\n    reason: r\n",
			[]string{`2:11: ignore entry: unknown rule "basic-auht"`}},
		{"unknown key in ignore", "c.yaml", "ignore:\n  - rule: cfgtest-alpha\n    paths: a.go\n    reason: r\n",
			[]string{`3:5: ignore entry: unknown key "paths" (known keys: rule, path, reason); did you mean "path"?`, `2:5: ignore entry needs a path`}},
		{"absolute path", "c.yaml", "ignore:\n  - {rule: cfgtest-alpha, path: /etc/x.go, reason: r}\n",
			[]string{`2:33: ignore entry: path "/etc/x.go" must be relative to the module root`}},
		{"path outside", "c.yaml", "ignore:\n  - {rule: cfgtest-alpha, path: a/../../x.go, reason: r}\n",
			[]string{`ignore entry: path "a/../../x.go" must stay inside the module root`}},
		{"bad glob", "c.yaml", "ignore:\n  - {rule: cfgtest-alpha, path: 'a/[x.go', reason: r}\n",
			[]string{`ignore entry: path "a/[x.go" is not a valid glob: bad segment "[x.go"`}},
		{"ignore not a list", "c.yaml", "ignore: {rule: cfgtest-alpha}\n",
			[]string{`1:9: ignore must be a list of {rule, path, reason} entries, not a mapping`}},
		{"descriptor missing", "c.yaml", "descriptor: nope/atlassian-connect.json\n",
			[]string{`1:13: descriptor nope/atlassian-connect.json: no such file or directory`}},
		{"descriptor is a dir", "c.yaml", "descriptor: sub\n",
			[]string{`1:13: descriptor sub is a directory, not a file`}},
		{"manifest missing", "c.yaml", "manifest: forge/manifest.yml\n",
			[]string{`1:11: manifest forge/manifest.yml: no such file or directory`}},
		{"yaml syntax", "c.yaml", "enable: [cfgtest\ndisable: x\n",
			[]string{`:1: did not find expected ',' or ']'`}},
		{"two documents", "c.yaml", "disable: [cfgtest]\n---\nenable: [cfgtest]\n",
			[]string{`2:1: a second YAML document`}},
		{"json syntax", "c.json", "{\n  \"enable\": [\"cfgtest\",]\n}\n",
			[]string{`2:24: invalid character ']' looking for beginning of value`}},
		{"json unknown key", "c.json", "{\n  \"enabel\": []\n}\n",
			[]string{`2:3: config: unknown key "enabel"`}},
		{"several errors", "c.yaml", "enable: [nope]\nignore:\n  - {rule: cfgtest-alpha, path: a.go}\n",
			[]string{`1:10: enable: unknown rule or analyzer "nope"`, `3:5: ignore entry needs a reason`}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			file := filepath.Join(root, tc.file)
			_, err := Parse(file, []byte(tc.src), root)
			if err == nil {
				t.Fatalf("no error; want %q", tc.want)
			}
			lines := strings.Split(err.Error(), "\n")
			if len(lines) != len(tc.want) {
				t.Fatalf("got %d errors, want %d:\n%v", len(lines), len(tc.want), err)
			}
			for i, want := range tc.want {
				if !strings.HasPrefix(lines[i], file+":") || !strings.Contains(lines[i], want) {
					t.Errorf("error %d = %q\nwant it to start with %s: and contain %q", i, lines[i], file, want)
				}
			}
			var list ErrorList
			var one *Error
			if !errors.As(err, &list) && !errors.As(err, &one) {
				t.Errorf("error is a %T, want *Error or ErrorList", err)
			}
		})
	}
}

func TestMatchPath(t *testing.T) {
	for _, tc := range []struct {
		pattern, path string
		want          bool
	}{
		{"atlassian-connect.json", "atlassian-connect.json", true},
		{"atlassian-connect.json", "app/atlassian-connect.json", false},
		{"*/atlassian-connect.json", "app/atlassian-connect.json", true},
		{"**/atlassian-connect.json", "atlassian-connect.json", true},
		{"**/atlassian-connect.json", "a/b/c/atlassian-connect.json", true},
		{"internal/legacy", "internal/legacy/client.go", true}, // a directory covers its files
		{"internal/legacy", "internal/legacyx/client.go", false},
		{"internal/*.go", "internal/a.go", true},
		{"internal/*.go", "internal/sub/a.go", false},
		{"internal/**/*_test.go", "internal/a/b/x_test.go", true},
		{"internal/**/*_test.go", "internal/x_test.go", true},
		{"internal/**/*_test.go", "internal/a/x.go", false},
		{"cmd/?pp/main.go", "cmd/app/main.go", true},
		{"cmd/[a-c]pp/main.go", "cmd/zpp/main.go", false},
		{".", "anything/at/all.go", true},
	} {
		if got := MatchPath(tc.pattern, tc.path); got != tc.want {
			t.Errorf("MatchPath(%q, %q) = %v, want %v", tc.pattern, tc.path, got, tc.want)
		}
	}
}

func TestIgnored(t *testing.T) {
	root := filepath.FromSlash("/src/app")
	c := &Config{Root: root, Ignores: []Ignore{
		{Rule: "cfgtest-alpha", Path: "atlassian-connect.json", Reason: "r1"},
		{Rule: "cfgtest-beta", Path: "legacy", Reason: "r2"},
	}}
	for _, tc := range []struct {
		rule, file, reason string
	}{
		{"cfgtest-alpha", "/src/app/atlassian-connect.json", "r1"},
		{"cfgtest-beta", "/src/app/atlassian-connect.json", ""}, // other rule
		{"cfgtest-beta", "/src/app/legacy/a/b.go", "r2"},
		{"cfgtest-beta", "/src/other/legacy/b.go", ""}, // outside the module
		{"cfgtest-alpha", "/src/atlassian-connect.json", ""},
	} {
		ig := c.Ignored(tc.rule, filepath.FromSlash(tc.file))
		got := ""
		if ig != nil {
			got = ig.Reason
		}
		if got != tc.reason {
			t.Errorf("Ignored(%s, %s) reason = %q, want %q", tc.rule, tc.file, got, tc.reason)
		}
	}
	var none *Config
	if none.Ignored("cfgtest-alpha", "/x") != nil {
		t.Error("a nil Config ignores nothing")
	}
}

func TestFilter(t *testing.T) {
	for _, tc := range []struct {
		name string
		f    Filter
		want map[string]bool
	}{
		{"empty enables all", Filter{},
			map[string]bool{"cfgtest-alpha": true, "cfgtest-gamma": true, "unregistered": true}},
		{"enable by analyzer", Filter{Enable: []string{"cfgtest"}},
			map[string]bool{"cfgtest-alpha": true, "cfgtest-beta": true, "cfgtest-gamma": false, "unregistered": true}},
		{"enable by rule", Filter{Enable: []string{"cfgtest-gamma"}},
			map[string]bool{"cfgtest-alpha": false, "cfgtest-gamma": true}},
		{"disable wins", Filter{Enable: []string{"cfgtest"}, Disable: []string{"cfgtest-beta"}},
			map[string]bool{"cfgtest-alpha": true, "cfgtest-beta": false}},
		{"disable analyzer", Filter{Disable: []string{"cfgother"}},
			map[string]bool{"cfgtest-alpha": true, "cfgtest-gamma": false, "unregistered": true}},
	} {
		for id, want := range tc.want {
			if got := tc.f.Enabled(id); got != want {
				t.Errorf("%s: Enabled(%s) = %v, want %v", tc.name, id, got, want)
			}
		}
	}
	if err := (Filter{Enable: []string{"cfgtest", "cfgtest-beta"}}).Validate(); err != nil {
		t.Errorf("Validate of known names: %v", err)
	}
	err := Filter{Disable: []string{"cfgtest-btea"}}.Validate()
	if err == nil || !strings.Contains(err.Error(), `unknown rule or analyzer "cfgtest-btea"; did you mean "cfgtest-beta"?`) {
		t.Errorf("Validate of a typo = %v", err)
	}
}

func TestLoad(t *testing.T) {
	root := module(t, map[string]string{
		YAMLName:       "disable: [cfgtest-beta]\n",
		"pkg/sub/a.go": "package sub\n",
	})
	c, err := Load(filepath.Join(root, "pkg", "sub"))
	if err != nil {
		t.Fatal(err)
	}
	if c.Root != root || c.File != filepath.Join(root, YAMLName) || c.Enabled("cfgtest-beta") {
		t.Errorf("Load from a subdirectory = %+v", c)
	}
	again, err := Load(root)
	if err != nil || again != c {
		t.Errorf("second Load = %p, %v; want the cached %p", again, err, c)
	}

	// No config file: everything enabled, nothing ignored.
	bare := module(t, map[string]string{})
	c, err = Load(bare)
	if err != nil || c.Root != bare || c.File != "" || !c.Enabled("cfgtest-beta") {
		t.Errorf("Load without a config file = %+v, %v", c, err)
	}

	// Both files: an error, since it is unclear which one wins.
	both := module(t, map[string]string{YAMLName: "{}", JSONName: "{}"})
	if _, err := Load(both); err == nil || !strings.Contains(err.Error(), "keep one") {
		t.Errorf("Load with both files: %v", err)
	}

	// A bad file: the positioned error, every time it is asked for.
	bad := module(t, map[string]string{JSONName: "{\"disable\": [\"cfgtest-bta\"]}"})
	for range 2 {
		_, err := Load(bad)
		if err == nil || !strings.HasPrefix(err.Error(), filepath.Join(bad, JSONName)+":1:14: disable: unknown rule") {
			t.Errorf("Load of a bad file: %v", err)
		}
	}
}
