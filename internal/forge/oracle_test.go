package forge

import (
	"context"
	"encoding/json"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// oraclePackage is Atlassian's manifest package: its validate function
// and its list of the scope names Forge accepts are the oracle. Its
// licence lets app developers use it, not copy it: the test fetches it
// into the user cache directory and keeps nothing of it in the repository.
const oraclePackage = "@forge/manifest"

// TestForgeManifestOracle checks connectlint against @forge/manifest:
// no scope name Forge accepts is reported as unknown (a Connect-on-Forge
// one is known exactly), and the manifests of testdata/oracle, which
// @forge/manifest accepts, have no problem in what connectlint checks. It
// skips under -short and without npm, node or the npm registry.
func TestForgeManifestOracle(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: the oracle needs npm")
	}
	for _, tool := range []string{"npm", "node"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skipf("%s is not on PATH", tool)
		}
	}
	dir, version := installOracle(t)
	t.Logf("oracle: %s@%s in %s", oraclePackage, version, dir)
	pkg := filepath.Join(dir, "node_modules", filepath.FromSlash(oraclePackage))

	t.Run("scopes", func(t *testing.T) {
		data, err := os.ReadFile(filepath.Join(pkg, "out", "scopes", "shipyard-scopes.json"))
		if err != nil {
			t.Fatalf("the scope list moved in %s@%s; find it again: %v", oraclePackage, version, err)
		}
		var names []string
		if err := json.Unmarshal(data, &names); err != nil || len(names) < 100 {
			t.Fatalf("the scope list of %s@%s is not the list of names it was (%d names): %v", oraclePackage, version, len(names), err)
		}
		m := &Manifest{}
		var unknown, connectNames int
		for _, name := range names {
			m.Scopes = append(m.Scopes, Scope{Name: name})
			if strings.Contains(name, ":connect-") {
				connectNames++
				if _, ok := ConnectScope(name); !ok {
					t.Errorf("Forge accepts the Connect-on-Forge scope %s; ConnectScope does not", name)
				}
			}
			if !KnownScope(name) {
				unknown++
			}
		}
		for _, p := range UnknownScopes(m) {
			t.Errorf("Forge accepts the scope; connectlint says: %s", p.Msg)
		}
		if connectNames == 0 {
			t.Errorf("no Connect-on-Forge scope in the list: is it still the full list?")
		}
		// Names of products and APIs outside connectlint's table (Teamwork
		// Graph, Assets, Bitbucket pipelines...) are left alone, not known.
		t.Logf("%d scope names, %d of them Connect-on-Forge; %d outside connectlint's tables (not reported unless near a known name)", len(names), connectNames, unknown)
	})

	t.Run("manifests", func(t *testing.T) {
		paths, _ := filepath.Glob("testdata/oracle/*.yml")
		if len(paths) == 0 {
			t.Fatal("no manifests in testdata/oracle")
		}
		verdicts := oracleValidate(t, dir, paths)
		for _, path := range paths {
			if msgs := verdicts[filepath.Base(path)]; len(msgs) > 0 {
				t.Errorf("%s: %s rejects it, so it checks nothing here; fix the fixture: %s", path, oraclePackage, strings.Join(msgs, "; "))
				continue
			}
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			m, probs := Parse(data)
			for _, p := range append(probs, UnknownScopes(m)...) {
				t.Errorf("%s: %s accepts it; connectlint says at offset %d: %s", path, oraclePackage, p.Span.Offset, p.Msg)
			}
		}
	})
}

// installOracle installs the newest @forge/manifest (with tslib, which it
// requires without declaring) into the user cache directory, once per
// version, and returns that directory and the version. It skips when the
// registry does not answer.
func installOracle(t *testing.T) (dir, version string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	out, err := exec.CommandContext(ctx, "npm", "view", oraclePackage, "version").Output()
	version = strings.TrimSpace(string(out))
	if err != nil || version == "" {
		t.Skipf("the npm registry does not answer: %v", err)
	}
	cache, err := os.UserCacheDir()
	if err != nil {
		cache = os.TempDir()
	}
	dir = filepath.Join(cache, "connectlint", "forge-manifest-"+version)
	if _, err := os.Stat(filepath.Join(dir, "node_modules", "tslib")); err == nil {
		return dir, version
	}
	ctx, cancel = context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, "npm", "install", "--no-save", "--no-audit", "--no-fund", "--prefix", dir, oraclePackage+"@"+version, "tslib")
	if out, err := cmd.CombinedOutput(); err != nil {
		os.RemoveAll(dir)
		if errors.Is(ctx.Err(), context.DeadlineExceeded) {
			t.Skipf("npm install took over 3 minutes")
		}
		t.Skipf("npm install %s@%s: %v\n%s", oraclePackage, version, err, out)
	}
	return dir, version
}

// oracleValidate runs @forge/manifest's validate on each manifest, in
// one node process, each as the manifest.yml of a temporary app directory
// that has the static resource the fixtures name (missing files are its
// checks, not connectlint's). It returns the error messages by base name.
func oracleValidate(t *testing.T, oracleDir string, paths []string) map[string][]string {
	t.Helper()
	root := t.TempDir()
	write := func(name, data string) {
		p := filepath.Join(root, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("validate.js", validateScript)
	args := []string{"validate.js", filepath.Join(oracleDir, "node_modules", filepath.FromSlash(oraclePackage))}
	for _, path := range paths {
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		name := filepath.Base(path)
		write(name+"/manifest.yml", string(data))
		write(name+"/static/build/index.html", "<html></html>\n")
		args = append(args, filepath.Join(root, name))
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, "node", args...)
	cmd.Dir = root
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("node validate.js: %v\n%s", err, out)
	}
	verdicts := map[string][]string{}
	if err := json.Unmarshal(out, &verdicts); err != nil {
		t.Fatalf("node validate.js printed %q: %v", out, err)
	}
	if len(verdicts) != len(paths) {
		t.Fatalf("node validate.js judged %d manifests of %d", len(verdicts), len(paths))
	}
	return verdicts
}

// validateScript validates the manifest.yml of each directory it is given
// after the package, in turn, and prints a JSON object mapping each
// directory's base name to its errors (warnings left out; a rejection
// without errors gets one).
const validateScript = `const path = require('path');
const m = require(process.argv[2]);
(async () => {
  const out = {};
  for (const dir of process.argv.slice(3)) {
    process.chdir(dir);
    const r = await m.validate(false, 'manifest.yml');
    const errors = (r.errors || []).filter(e => e.level !== 'warning').map(e => e.message);
    if (!r.success && errors.length === 0) errors.push('rejected without an error');
    out[path.basename(dir)] = errors;
  }
  console.log(JSON.stringify(out));
})().catch(e => { console.error(e); process.exit(2); });
`
