package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/connectlint/connectlint/internal/testenv"
)

// TestScopesDemo runs the scopes subcommand on the demo app: the first
// line is the array to paste, and every reason points at the code (or
// descriptor text) that needs the scope.
func TestScopesDemo(t *testing.T) {
	dir := absFixture(t, "demo")
	var stdout, stderr bytes.Buffer
	if code := runScopes([]string{"-C", dir}, &stdout, &stderr); code != exitOK {
		t.Fatalf("exit %d, stderr:\n%s", code, stderr.String())
	}
	if stderr.Len() > 0 {
		t.Errorf("stderr:\n%s", stderr.String())
	}
	out := stdout.String()
	first, _, _ := strings.Cut(out, "\n")
	var array []string
	if err := json.Unmarshal([]byte(first), &array); err != nil {
		t.Fatalf("first line %q is not a JSON array: %v", first, err)
	}
	if want := []string{"READ", "WRITE", "DELETE", "ACCESS_EMAIL_ADDRESSES"}; !slices.Equal(array, want) {
		t.Errorf("scopes = %q, want %q", array, want)
	}

	// Each reason line is "  file:line:col  what"; the position must be
	// where the text that needs the scope is.
	reasons := reasonLines(t, out)
	want := map[string]string{ // what -> text expected at the position
		"READ webhook jira:issue_updated": `"jira:issue_updated"`,
		"READ GET /rest/api/3/issue/{issueIdOrKey} (or 2 other operations) via (*Client).do": "c.do(ctx, http.MethodGet",
		"READ GET /rest/api/3/search/jql":                                      `http.NewRequestWithContext(ctx, "GET"`,
		"WRITE POST /rest/api/3/issue/{issueIdOrKey}/comment via (*Client).do": "c.do(ctx, http.MethodPost",
		"DELETE DELETE /rest/api/3/issue/{issueIdOrKey} via (*Client).do":      "c.do(ctx, http.MethodDelete",
		"ACCESS_EMAIL_ADDRESSES GET /rest/api/3/user/email via (*Client).do":   "c.do(ctx, http.MethodGet",
	}
	for _, r := range reasons {
		text, ok := want[r.scope+" "+r.what]
		if !ok {
			t.Errorf("unexpected reason %s %s at %s", r.scope, r.what, r.pos)
			continue
		}
		delete(want, r.scope+" "+r.what)
		if got := textAt(t, dir, r.pos); !strings.Contains(got, text) {
			t.Errorf("%s %s: %s points at %q, want %q", r.scope, r.what, r.pos, got, text)
		}
	}
	for k := range want {
		t.Errorf("missing reason %s", k)
	}
}

// TestScopesJSONAndUnresolved runs over the scopes analyzer's fixture
// module: several programs together, unresolved and inaccessible calls.
func TestScopesJSONAndUnresolved(t *testing.T) {
	dir, err := filepath.Abs(filepath.Join(repoRoot, "analyzers", "scopes", "testdata", "mod"))
	if err != nil {
		t.Fatal(err)
	}
	var stdout, stderr bytes.Buffer
	if code := runScopes([]string{"-C", dir, "-json", "./..."}, &stdout, &stderr); code != exitOK {
		t.Fatalf("exit %d, stderr:\n%s", code, stderr.String())
	}
	var got scopesJSON
	if err := json.Unmarshal(stdout.Bytes(), &got); err != nil {
		t.Fatalf("%v:\n%s", err, stdout.String())
	}
	// PROJECT_ADMIN only for gofix's DELETE /rest/api/3/project/..., made
	// with an OAuth 2.0 client: not a Connect call.
	if want := []string{"READ", "WRITE", "DELETE", "ADMIN", "ACT_AS_USER", "ACCESS_EMAIL_ADDRESSES"}; !slices.Equal(got.Scopes, want) {
		t.Errorf("scopes = %q, want %q", got.Scopes, want)
	}
	has := func(scope, pos string) bool {
		return slices.ContainsFunc(got.Reasons, func(r reasonJSON) bool { return r.Scope == scope && r.Pos == pos })
	}
	for _, w := range []struct{ scope, pos string }{
		{"DELETE", "app/jira/jira.go:19:15"},               // through the app's wrapper, in another package
		{"ADMIN", "endpoints/endpoints.go:20:2"},           // a legacy operation still needs its scope
		{"INACCESSIBLE", "endpoints/endpoints.go:11:2"},    // listed, but not in the array
		{"READ", "adminscope/atlassian-connect.json:7:28"}, // a webhook
	} {
		if !has(w.scope, w.pos) {
			t.Errorf("no %s reason at %s in %+v", w.scope, w.pos, got.Reasons)
		}
	}
	if has("DELETE", "missing/missing_test.go:10:12") {
		t.Error("a call in a _test.go file counted")
	}
	var unresolved []string
	for _, u := range got.Unresolved {
		unresolved = append(unresolved, u.Pos)
		if u.Pos == "partlyresolved/partly.go:14:12" && !slices.Equal(u.Scopes, []string{"READ", "WRITE", "DELETE"}) {
			t.Errorf("a request of any method to an issue may need %q, want READ, WRITE or DELETE", u.Scopes)
		}
	}
	if want := []string{
		"candidates/candidates.go:14:12",
		"endpoints/endpoints.go:33:12",
		"manyunresolved/many.go:12:2", "manyunresolved/many.go:13:2", "manyunresolved/many.go:14:2", "manyunresolved/many.go:15:2",
		"missing/missing.go:25:12",
		"partlyresolved/partly.go:14:12",
		"unmatched/main.go:11:2", "unmatched/main.go:12:2", "unmatched/main.go:13:12",
		"unresolved/unresolved.go:14:12",
	}; !slices.Equal(unresolved, want) {
		t.Errorf("unresolved at %q, want %q", unresolved, want)
	}
}

// TestScopesOAuth runs the subcommand for an OAuth 2.0 (3LO) app: the
// classic and granular plans, compared with the app's oauth2.Config.
func TestScopesOAuth(t *testing.T) {
	dir, err := filepath.Abs(filepath.Join(repoRoot, "analyzers", "scopes", "testdata", "mod"))
	if err != nil {
		t.Fatal(err)
	}
	run := func(args ...string) string {
		var stdout, stderr bytes.Buffer
		if code := runScopes(append([]string{"-C", dir}, args...), &stdout, &stderr); code != exitOK {
			t.Fatalf("scopes %q: exit %d, stderr:\n%s", args, code, stderr.String())
		}
		return stdout.String()
	}
	// The app declares an OAuth 2.0 grant and no descriptor: oauth is the
	// default model.
	var got oauthJSON
	if err := json.Unmarshal([]byte(run("-format", "json", "./oauthapp")), &got); err != nil {
		t.Fatal(err)
	}
	if got.Model != "oauth" || len(got.Plans) != 2 || got.Plans[0].Family != "classic" || got.Plans[1].Family != "granular" {
		t.Fatalf("model %q, plans %+v", got.Model, got.Plans)
	}
	classic := got.Plans[0]
	for _, c := range []struct {
		name      string
		got, want []string
	}{
		{"classic scopes", classic.Scopes, []string{"offline_access", "read:jira-work", "read:me", "write:jira-work"}},
		{"classic missing", classic.Missing, []string{"read:me", "write:jira-work"}},
		{"classic excess", classic.Excess, []string{"manage:jira-project"}},
		{"granular missing (the grant uses classic scopes)", got.Plans[1].Missing, []string{}},
	} {
		if !slices.Equal(c.got, c.want) {
			t.Errorf("%s = %q, want %q", c.name, c.got, c.want)
		}
	}
	if !slices.ContainsFunc(got.Plans[1].Scopes, func(s string) bool { return s == "write:comment:jira" }) {
		t.Errorf("the granular plan lacks the comment's write:comment:jira: %q", got.Plans[1].Scopes)
	}
	if !slices.ContainsFunc(classic.Reasons, func(r reasonJSON) bool { return r.Scope == "INACCESSIBLE" && r.Pos == "oauthapp/main.go:31:2" }) {
		t.Errorf("the admin-key call is not listed as inaccessible: %+v", classic.Reasons)
	}
	md := run("-format", "markdown", "-for", "oauth", "./oauthapp")
	for _, want := range []string{
		"### OAuth 2.0, classic scopes",
		"Compared with the oauth2.Config at main.go:13.",
		"| `write:jira-work` | `POST /rest/api/3/issue/{issueIdOrKey}/comment` at oauthapp/main.go:29:12 | **missing** |",
		"| `manage:jira-project` | not needed by the code | **excess** |",
		"| `read:jira-work` | `GET /rest/api/3/issue/{issueIdOrKey}` at oauthapp/main.go:28:2 | granted |",
	} {
		if !strings.Contains(md, want) {
			t.Errorf("markdown lacks %q:\n%s", want, md)
		}
	}
	text := run("-for", "oauth", "./oauthapp")
	if !strings.HasPrefix(text, "OAuth 2.0, classic scopes:\n[\"offline_access\", \"read:jira-work\", \"read:me\", \"write:jira-work\"]\n") {
		t.Errorf("text output starts:\n%s", text)
	}
	// -for connect on the same app lists the Connect scopes its calls
	// would need: a model the app does not declare counts every call.
	var conn scopesJSON
	if err := json.Unmarshal([]byte(run("-format", "json", "-for", "connect", "./oauthapp")), &conn); err != nil {
		t.Fatal(err)
	}
	if conn.Model != "connect" || !slices.Equal(conn.Scopes, []string{"READ", "WRITE"}) {
		t.Errorf("connect plan %q %q", conn.Model, conn.Scopes)
	}
}

// TestScopesLocalLibraryCopies: a client library used through a replace
// directive's local copy, or vendored, is not the app's code: only the
// methods the app calls count, where it calls them.
func TestScopesLocalLibraryCopies(t *testing.T) {
	replaced := absFixture(t, "replaced")
	vendored := t.TempDir()
	if err := os.CopyFS(vendored, os.DirFS(replaced)); err != nil {
		t.Fatal(err)
	}
	if res := command(t, vendored, "go", "mod", "vendor"); res.code != 0 {
		t.Fatalf("go mod vendor: %s", res.stderr)
	}
	for name, dir := range map[string]string{"replace": replaced, "vendor": vendored} {
		var stdout, stderr bytes.Buffer
		if code := runScopes([]string{"-C", dir, "-format", "json", "./..."}, &stdout, &stderr); code != exitOK {
			t.Fatalf("%s: exit %d, stderr:\n%s", name, code, stderr.String())
		}
		var got scopesJSON
		if err := json.Unmarshal(stdout.Bytes(), &got); err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(got.Scopes, []string{"READ"}) || len(got.Reasons) != 1 || got.Reasons[0].Pos != "main.go:13:16" {
			t.Errorf("%s: scopes %q, reasons %+v; want READ for the app's one call at main.go:13:16", name, got.Scopes, got.Reasons)
		}
	}
}

func TestScopesUsage(t *testing.T) {
	tests := []struct {
		args []string
		code int
		err  string
	}{
		{[]string{"-h"}, exitOK, "usage: connectlint scopes"},
		{[]string{"-nosuchflag"}, exitFailure, "flag provided but not defined"},
		{[]string{"-descriptor", "no/such/atlassian-connect.json"}, exitFailure, "-descriptor:"},
		{[]string{"-C", "no/such/dir"}, exitFailure, "connectlint scopes:"},
		{[]string{"-for", "forge-ish"}, exitFailure, "-for \"forge-ish\": want connect, oauth or forge"},
		{[]string{"-format", "yaml"}, exitFailure, "-format \"yaml\": want text, json or markdown"},
	}
	for _, tt := range tests {
		var stdout, stderr bytes.Buffer
		code := runScopes(tt.args, &stdout, &stderr)
		if code != tt.code || !strings.Contains(stderr.String(), tt.err) {
			t.Errorf("scopes %q: exit %d, stderr %q; want exit %d and %q", tt.args, code, stderr.String(), tt.code, tt.err)
		}
	}
}

type reasonLine struct{ scope, pos, what string }

var posRE = regexp.MustCompile(`^  (\S+:\d+:\d+)\s+(.*)$`)

// reasonLines parses the text output's scope sections.
func reasonLines(t *testing.T, out string) []reasonLine {
	var lines []reasonLine
	scope := ""
	sc := bufio.NewScanner(strings.NewReader(out))
	for sc.Scan() {
		line := sc.Text()
		switch m := posRE.FindStringSubmatch(line); {
		case m != nil:
			lines = append(lines, reasonLine{scope, m[1], m[2]})
		case line != "" && !strings.HasPrefix(line, " ") && !strings.HasPrefix(line, "["):
			scope = line
		}
	}
	if len(lines) == 0 {
		t.Fatalf("no reasons in:\n%s", out)
	}
	return lines
}

// textAt returns the text at "file:line:col" (relative to dir) to the end
// of its line.
func textAt(t *testing.T, dir, pos string) string {
	parts := strings.Split(pos, ":")
	if len(parts) != 3 {
		t.Fatalf("bad position %q", pos)
	}
	line, _ := strconv.Atoi(parts[1])
	col, _ := strconv.Atoi(parts[2])
	data, err := os.ReadFile(filepath.Join(dir, parts[0]))
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(string(data), "\n")
	if line < 1 || line > len(lines) || col < 1 || col > len(lines[line-1])+1 {
		t.Fatalf("%s is outside the file", pos)
	}
	return lines[line-1][col-1:]
}

// TestScopesLibraries runs over an app using the real go-jira and
// go-atlassian: the requests inside the libraries' own methods are not the
// app's needs; only the app's calls of those methods are.
func TestScopesLibraries(t *testing.T) {
	dir := testenv.DownloadedModule(t, filepath.Join(repoRoot, "testdata", "libs"))
	var stdout, stderr bytes.Buffer
	if code := runScopes([]string{"-C", dir, "-json", "-for", "connect", "./app"}, &stdout, &stderr); code != exitOK {
		t.Fatalf("exit %d, stderr:\n%s", code, stderr.String())
	}
	var got scopesJSON
	if err := json.Unmarshal(stdout.Bytes(), &got); err != nil {
		t.Fatalf("%v:\n%s", err, stdout.String())
	}
	if len(got.Reasons) == 0 {
		t.Fatalf("no reasons:\n%s", stdout.String())
	}
	for _, r := range got.Reasons {
		if !strings.HasPrefix(r.Pos, "app/main.go:") {
			t.Errorf("reason outside the app's code: %+v", r)
		}
	}
	for _, u := range got.Unresolved {
		if !strings.HasPrefix(u.Pos, "app/main.go:") {
			t.Errorf("unresolved call outside the app's code: %+v", u)
		}
	}
	if !slices.Contains(got.Scopes, "DELETE") {
		t.Errorf("jc.Issue.Delete needs DELETE; scopes = %q", got.Scopes)
	}
}

// TestScopesForge: -for forge prints the permissions: block for
// manifest.yml, every call counted whatever its credential, with each
// scope's published Connect equivalent when the app has Connect scopes.
func TestScopesForge(t *testing.T) {
	dir, err := filepath.Abs(filepath.Join(repoRoot, "analyzers", "scopes", "testdata", "mod"))
	if err != nil {
		t.Fatal(err)
	}
	run := func(args ...string) string {
		var stdout, stderr bytes.Buffer
		if code := runScopes(append([]string{"-C", dir}, args...), &stdout, &stderr); code != exitOK {
			t.Fatalf("scopes %v: exit %d, stderr:\n%s", args, code, stderr.String())
		}
		return stdout.String()
	}
	// A Forge remote: the default model is the manifest's.
	text := run("./forgeremote")
	if want := "Forge manifest.yml, classic scopes:\npermissions:\n  scopes:\n    - read:app-system-token\n    - read:jira-work\n    - write:jira-work\n"; !strings.HasPrefix(text, want) {
		t.Errorf("forgeremote text starts:\n%s\nwant:\n%s", text, want)
	}
	// A Connect app on Forge: the JWT call counts too, and each scope is
	// compared with the manifest's Connect scopes (READ).
	var got scopesJSON
	if err := json.Unmarshal([]byte(run("-for", "forge", "-json", "./connectonforge")), &got); err != nil {
		t.Fatal(err)
	}
	want := []migrationJSON{
		{Scope: "read:app-system-token", Status: "unpublished"},
		{Scope: "read:jira-work", Equivalent: "READ", Status: "within"},
		{Scope: "write:jira-work", Equivalent: "DELETE", Status: "beyond"},
	}
	if got.Model != "forge" || !slices.Equal(got.Connect, []string{"READ"}) || !slices.Equal(got.Migration, want) {
		t.Errorf("connectonforge: model %q connect %q migration %+v", got.Model, got.Connect, got.Migration)
	}
	if !slices.Equal(got.Missing, []string{"read:app-system-token", "write:jira-work"}) {
		t.Errorf("missing = %q, want the manifest's lacking OAuth scopes", got.Missing)
	}
	text = run("-for", "forge", "./connectonforge")
	if !strings.Contains(text, "# compared with the Connect scopes READ") ||
		!regexp.MustCompile(`- write:jira-work +# beyond the Connect scopes \(its equivalent is DELETE\): the update needs admin approval`).MatchString(text) {
		t.Errorf("connectonforge text:\n%s", text)
	}
	// An app without Connect scopes gets the block without verdicts.
	md := run("-for", "forge", "-format", "markdown", "./forgemap")
	if strings.Contains(md, "on moving to Forge") || !strings.Contains(md, "| `read:jira-work` |") {
		t.Errorf("forgemap markdown:\n%s", md)
	}
}
