package authz

import (
	"slices"
	"strings"
	"testing"

	"github.com/connectlint/connectlint/internal/apispec"
)

func op(t *testing.T, method, path string) *apispec.Operation {
	t.Helper()
	m := apispec.LookupString(method, path)
	if m.Kind != apispec.Matched || len(m.Ops) != 1 {
		t.Fatalf("%s %s: %v %d operations", method, path, m.Kind, len(m.Ops))
	}
	return m.Ops[0]
}

func grant(model ModelID, scopes ...string) *Grant {
	g := &Grant{Model: model, Kind: "oauth2.Config", At: Position{File: "/app/auth.go", Line: 31, Column: 2}}
	for _, s := range scopes {
		g.Scopes = append(g.Scopes, Entry{Name: s})
	}
	return g
}

func TestOAuthRequirement(t *testing.T) {
	m := ModelOf(OAuth)
	comment := m.Requirement(op(t, "POST", "/rest/api/3/issue/A-1/comment"))
	if comment.Kind != NeedsScopes || len(comment.Alternatives) != 2 {
		t.Fatalf("add comment: %+v, want a classic and a granular set", comment)
	}
	if got := comment.Alternatives[0]; !slices.Equal(got, []string{"write:jira-work"}) {
		t.Errorf("add comment, classic = %v", got)
	}
	if got := comment.Alternatives[1]; !slices.Contains(got, "write:comment:jira") || slices.ContainsFunc(got, Classic) {
		t.Errorf("add comment, granular = %v", got)
	}
	// Confluence v2 lists only granular scopes, as "Current".
	pages := m.Requirement(op(t, "GET", "/wiki/api/v2/pages/1"))
	if pages.Kind != NeedsScopes || len(pages.Alternatives) != 1 || !Granular(pages.Alternatives[0][0]) {
		t.Errorf("GET pages: %+v, want one granular set", pages)
	}
	for _, c := range []struct {
		method, path string
		want         ReqKind
	}{
		{"GET", "/rest/api/3/serverInfo", NoScope},                                     // empty lists in the spec
		{"GET", "https://api.atlassian.com/oauth/token/accessible-resources", NoScope}, // platform
		{"GET", "/wiki/api/v2/admin-key", Inaccessible},                                // INACCESSIBLE, no OAuth scopes
		{"PUT", "/rest/atlassian-connect/1/migration/field", NotKnown},                 // the spec says nothing
	} {
		if got := m.Requirement(op(t, c.method, c.path)); got.Kind != c.want {
			t.Errorf("%s %s: %v, want %v", c.method, c.path, got.Kind, c.want)
		}
	}
	me := m.Requirement(op(t, "GET", "https://api.atlassian.com/me"))
	if me.Kind != NeedsScopes || !slices.Equal(me.Scopes(), []string{"read:me"}) {
		t.Errorf("GET /me: %+v, want read:me", me)
	}
}

func TestOAuthJudge(t *testing.T) {
	m := ModelOf(OAuth)
	req := m.Requirement(op(t, "POST", "/rest/api/3/issue/A-1/comment"))
	granular := req.Alternatives[1]
	for _, c := range []struct {
		name  string
		g     *Grant
		want  Coverage
		toAdd []string
	}{
		{"classic", grant(OAuth, "read:jira-work", "write:jira-work"), Covered, nil},
		{"all granular", grant(OAuth, granular...), Covered, nil},
		{"part of granular", grant(OAuth, granular[0]), Missing, granular[1:]},
		{"nothing", grant(OAuth), Missing, []string{"write:jira-work"}},
		{"classic read only", grant(OAuth, "read:jira-work", "offline_access"), Missing, []string{"write:jira-work"}},
		{"partial", &Grant{Model: OAuth, Partial: true}, Unknown, []string{"write:jira-work"}},
	} {
		if got := c.g.Judge(req); got != c.want {
			t.Errorf("%s: Judge = %v, want %v", c.name, got, c.want)
		}
		if got := c.g.ToAdd(req); !slices.Equal(got, c.toAdd) {
			t.Errorf("%s: ToAdd = %v, want %v", c.name, got, c.toAdd)
		}
	}
	if got := NeedText(m, nil, req); !strings.HasPrefix(got, "OAuth 2.0 scope write:jira-work (or the granular ") || !strings.HasSuffix(got, ", ...)") {
		t.Errorf("need text = %q", got)
	}
	if got := NeedText(m, []string{"read:comment:jira"}, req); !strings.HasPrefix(got, "OAuth 2.0 scopes ") || !strings.HasSuffix(got, "(or the classic write:jira-work)") {
		t.Errorf("need text for a granular grant = %q", got)
	}
}

func TestConnectJudge(t *testing.T) {
	m := ModelOf(Connect)
	del := m.Requirement(op(t, "DELETE", "/rest/api/3/issue/A-1"))
	for _, c := range []struct {
		scopes []string
		want   Coverage
	}{
		{[]string{"READ", "WRITE"}, Missing},
		{[]string{"DELETE"}, Covered},
		{[]string{"ADMIN"}, Covered},
		{[]string{"project-admin:connect-jira"}, Covered},
		{[]string{"write:connect-jira"}, Missing},
		{[]string{"delete"}, Covered}, // lower case is accepted
	} {
		if got := grant(Connect, c.scopes...).Judge(del); got != c.want {
			t.Errorf("%v: %v, want %v", c.scopes, got, c.want)
		}
	}
	if got := grant(Connect, "READ").ToAdd(del); !slices.Equal(got, []string{"DELETE"}) {
		t.Errorf("ToAdd = %v", got)
	}
	if got := m.Requirement(op(t, "POST", "/rest/api/3/user")); got.Kind != Inaccessible {
		t.Errorf("POST /rest/api/3/user: %v, want inaccessible", got.Kind)
	}
}

func TestKnown(t *testing.T) {
	o, c := ModelOf(OAuth), ModelOf(Connect)
	for name, want := range map[string]bool{"read:jira-work": true, "read:issue:jira": true, "offline_access": true, "storage:app": true, "read:jira-works": false} {
		if o.Known(name) != want {
			t.Errorf("OAuth Known(%q) = %v", name, !want)
		}
	}
	if got := o.Suggest("read:jira-works"); got != "read:jira-work" {
		t.Errorf("Suggest = %q", got)
	}
	if got := o.Suggest("something:else:entirely"); got != "" {
		t.Errorf("Suggest far = %q, want none", got)
	}
	if !o.Judged("read:jira-work") || !o.Judged(OfflineAccess) || o.Judged("storage:app") {
		t.Error("OAuth Judged is wrong")
	}
	for name, want := range map[string]bool{"READ": true, "act-as-user:connect-jira": true, "space-admin:connect-confluence": true, "read:connect-bitbucket": false, "READS": false, "NONE": true} {
		if c.Known(name) != want {
			t.Errorf("Connect Known(%q) = %v", name, !want)
		}
	}
	if got := c.Suggest("REAd"); got != "READ" {
		t.Errorf("Connect Suggest = %q", got)
	}
	if !IsConnectOnForge("read:connect-jira") || IsConnectOnForge("READ") || IsConnectOnForge("read:jira-work") {
		t.Error("IsConnectOnForge is wrong")
	}
}

func TestClassic(t *testing.T) {
	for name, classic := range map[string]bool{
		"read:jira-work": true, "search:confluence": true, "manage:servicedesk-customer": true,
		"readonly:content.attachment:confluence": true,
		"read:issue:jira":                        false, "read:board-scope:jira-software": false, "write:page:confluence": false,
	} {
		if Classic(name) != classic || Granular(name) == classic {
			t.Errorf("%s: Classic %v Granular %v", name, Classic(name), Granular(name))
		}
	}
}

func TestGrantText(t *testing.T) {
	g := grant(OAuth, "read:jira-work", "offline_access")
	if got := g.Describe() + " " + g.Verb() + " " + g.Text(); got != "the oauth2.Config at auth.go:31 grants read:jira-work, offline_access" {
		t.Errorf("got %q", got)
	}
	d := &Grant{Model: Connect, Kind: "atlassian-connect.json", At: Position{File: "/app/atlassian-connect.json"}, Partial: true}
	if got := d.Describe() + " " + d.Verb() + " " + d.Text(); got != "atlassian-connect.json declares scopes connectlint cannot resolve" {
		t.Errorf("got %q", got)
	}
}
