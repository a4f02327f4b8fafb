package forge

import (
	"slices"
	"strings"
	"testing"

	"github.com/connectlint/connectlint/internal/connect"
)

func TestConnectScope(t *testing.T) {
	for name, want := range map[string]connect.Scope{
		"read:connect-jira":                         connect.Read,
		"write:connect-jira":                        connect.Write,
		"delete:connect-jira":                       connect.Delete,
		"project-admin:connect-jira":                connect.ProjectAdmin,
		"admin:connect-jira":                        connect.Admin,
		"act-as-user:connect-jira":                  connect.ActAsUser,
		"access-email-addresses:connect-jira":       connect.AccessEmailAddresses,
		"space-admin:connect-confluence":            connect.SpaceAdmin,
		"access-email-addresses:connect-confluence": connect.AccessEmailAddresses,
		"space-admin:connect-jira":                  connect.ScopeUnknown, // Jira has no SPACE_ADMIN
		"project-admin:connect-confluence":          connect.ScopeUnknown,
		"read:connect-bitbucket":                    connect.ScopeUnknown,
		"none:connect-jira":                         connect.ScopeUnknown,
		"READ":                                      connect.ScopeUnknown,
		"read:jira-work":                            connect.ScopeUnknown,
	} {
		got, ok := ConnectScope(name)
		if got != want || ok != (want != connect.ScopeUnknown) {
			t.Errorf("ConnectScope(%q) = %v, %v; want %v", name, got, ok, want)
		}
		if ok {
			product := strings.TrimPrefix(name[strings.IndexByte(name, ':')+1:], "connect-")
			if back := ConnectScopeName(got, product); back != name {
				t.Errorf("ConnectScopeName(%v, %q) = %q; want %q", got, product, back, name)
			}
		}
	}
	if got := ConnectScopeName(connect.SpaceAdmin, "jira"); got != "" {
		t.Errorf("ConnectScopeName(SPACE_ADMIN, jira) = %q; want none", got)
	}
}

func TestKnownScope(t *testing.T) {
	for name, want := range map[string]bool{
		"read:jira-work":                      true, // classic, in the API table
		"read:issue:jira":                     true, // granular, in the API table
		"storage:app":                         true, // Forge platform
		"read:app-system-token":               true,
		"read:chat:rovo":                      true,
		"read:build:jira-software":            true, // documented, not in the API table
		"read:repository:bitbucket":           true,
		"read:connect-jira":                   true,
		"space-admin:connect-confluence":      true,
		"read:jira-wrok":                      false,
		"READ":                                false,
		"":                                    false,
		"read:app-system-token ":              false,
		"write:confluence-content.all":        false,
		"read:forge-app:jira":                 true,
		"access-email-addresses:connect-jira": true,
	} {
		if got := KnownScope(name); got != want {
			t.Errorf("KnownScope(%q) = %v; want %v", name, got, want)
		}
	}
	if !RESTScope("read:jira-work") || RESTScope("storage:app") || RESTScope(SystemTokenScope) || RESTScope("read:connect-jira") {
		t.Error("RESTScope is wrong")
	}
	for _, s := range ForgeOnlyScopes() {
		if RESTScope(s) {
			t.Errorf("scopes.txt lists %s, which the API table lists already", s)
		}
		if strings.TrimSpace(s) != s || !strings.Contains(s, ":") && s != "offline_access" {
			t.Errorf("scopes.txt: odd name %q", s)
		}
	}
}

func TestEquivalences(t *testing.T) {
	m, err := parseEquivalences(equivalencesText)
	if err != nil {
		t.Fatal(err)
	}
	if len(m) != 10 {
		t.Errorf("%d equivalences; the retrieved page has 6 classic rows, 1 granular row and 3 UNMAPPED scopes", len(m))
	}
	for _, tc := range []struct {
		scope   string
		granted []connect.Scope
		within  bool
		known   bool
	}{
		{"read:jira-work", []connect.Scope{connect.Read}, true, true},
		{"write:jira-work", []connect.Scope{connect.Write}, false, true}, // DELETE
		{"write:jira-work", []connect.Scope{connect.ProjectAdmin}, true, true},
		{"manage:jira-configuration", []connect.Scope{connect.ProjectAdmin}, false, true},
		{"manage:jira-configuration", []connect.Scope{connect.Admin}, true, true},
		{"manage:jira-webhook", []connect.Scope{connect.Delete}, true, true},
		{"write:confluence-groups", []connect.Scope{connect.Admin}, false, true}, // UNMAPPED
		{"read:issue:jira", []connect.Scope{connect.Admin}, false, false},        // not published here
	} {
		within, known := WithinConnect(tc.scope, tc.granted)
		if within != tc.within || known != tc.known {
			t.Errorf("WithinConnect(%s, %v) = %v, %v; want %v, %v", tc.scope, tc.granted, within, known, tc.within, tc.known)
		}
	}
	if _, err := parseEquivalences("a:b READS\n"); err == nil {
		t.Error("a bad Connect scope is accepted")
	}
}

func TestParseTypedView(t *testing.T) {
	data := []byte(`app:
  id: ari:cloud:ecosystem::app/8db33809-1f32-48bb-8c52-5877dab48107
  connect:
    key: issue-cleaner
    remote: connect
    authentication: jwt
connectModules:
  jira:adminPages:
    - key: config
      url: /config
remotes:
  - key: connect
    baseUrl: https://cleaner.example.com
  - key: backend
    baseUrl:
      default: https://backend.example.com
      EU: https://eu.backend.example.com
    auth:
      appUserToken:
        enabled: true
modules:
  endpoint:
    - key: glance
      remote: backend
      route:
        path: /glance
      auth:
        appSystemToken:
          enabled: true
        appUserToken:
          enabled: false
permissions:
  scopes:
    read:connect-jira: {}
    write:jira-work:
      allowImpersonation: true
    storage:app: {}
    ${EXTRA_SCOPE}: {}
`)
	m, probs := Parse(data)
	if len(probs) > 0 {
		t.Fatalf("problems: %v", probs)
	}
	if m.AppID.Value != "ari:cloud:ecosystem::app/8db33809-1f32-48bb-8c52-5877dab48107" || !m.IsConnectOnForge() || m.Connect.Key.Value != "issue-cleaner" {
		t.Errorf("app: %+v %+v", m.AppID, m.Connect)
	}
	if m.ConnectModules == (Span{}) || len(m.Remotes) != 2 || len(m.Endpoints) != 1 {
		t.Errorf("connectModules %v, %d remotes, %d endpoints", m.ConnectModules, len(m.Remotes), len(m.Endpoints))
	}
	if e := m.Endpoints[0]; e.Key.Value != "glance" || e.Remote.Value != "backend" || e.Route.Value != "/glance" || !e.Auth.System.Enabled || e.Auth.User.Enabled {
		t.Errorf("endpoint: %+v", e)
	}
	if !m.SystemTokenEnabled() || !m.UserTokenEnabled() {
		t.Error("tokens: the endpoint enables the system token, the remote the user token")
	}
	var names []string
	for _, s := range m.Scopes {
		names = append(names, s.Name)
	}
	if want := []string{"read:connect-jira", "write:jira-work", "storage:app", "${EXTRA_SCOPE}"}; !slices.Equal(names, want) || m.ScopeForm != ScopeMap || !m.Partial {
		t.Errorf("scopes %v form %v partial %v; want %v in the map form, partial", names, m.ScopeForm, m.Partial, want)
	}
	if !m.Scopes[1].AllowImpersonation || m.Scopes[0].AllowImpersonation {
		t.Error("allowImpersonation")
	}
	if got := string(data[m.Scopes[1].Span.Offset:m.Scopes[1].Span.End]); got != "write:jira-work" {
		t.Errorf("scope span covers %q", got)
	}
	if got := m.ConnectScopes(); !slices.Equal(got, []connect.Scope{connect.Read}) {
		t.Errorf("ConnectScopes = %v", got)
	}
	if got := m.OAuthScopes(); len(got) != 2 || got[0].Name != "write:jira-work" {
		t.Errorf("OAuthScopes = %v", got)
	}
}

func TestLooksLikeForge(t *testing.T) {
	for src, want := range map[string]bool{
		"app:\n  id: ari:cloud:ecosystem::app/x\n":                            true,
		"modules:\n  jira:issuePanel: []\n":                                   true,
		"permissions:\n\tscopes: [":                                           true,  // broken, still Forge's
		"---\napplications:\n- name: api\n  memory: 256M\n":                   false, // Cloud Foundry
		"version: 1\nenv:\n  app: x\n":                                        false,
		"# id: ari:cloud:ecosystem::app/0b6f8cfe-fc77-4b0a-9a8f-0e5d4b1f8a2e": true,
		"": false,
	} {
		if got := LooksLikeForge([]byte(src)); got != want {
			t.Errorf("LooksLikeForge(%q) = %v; want %v", src, got, want)
		}
	}
}
