package specgen

import (
	"strings"
	"testing"
)

func TestGenerate(t *testing.T) {
	src, err := Generate("testdata/specs")
	if err != nil {
		t.Fatal(err)
	}
	out := string(src)
	for _, want := range []string{
		// Sources, current first, with the operations each gave.
		`{File: "confluence-v2.json", Version: "2.0.0", Operations: 1},`,
		`{File: "jira-platform-v3.json", Version: "1001.0.0-TEST", Operations: 5},`,
		`{File: "legacy/confluence-v1-2023.json", Version: "1.0.0", Operations: 2},`,
		`{File: "legacy/jira-platform-v3-2023.json", Version: "1001.0.0-SNAPSHOT", Operations: 2},`,
		// Current and beta OAuth scopes, sorted and without duplicates;
		// the connect scope in either case.
		`{Product: Jira, Method: "GET", Path: "/rest/api/3/issue/{issueIdOrKey}", OperationID: "getIssue", Scope: connect.Read, OAuth: []string{"read:jira-work"}, OAuthBeta: []string{"read:avatar:jira", "read:issue:jira"}},`,
		`{Product: Jira, Method: "DELETE", Path: "/rest/api/3/issue/{issueIdOrKey}", OperationID: "deleteIssue", Scope: connect.Delete},`,
		// Empty OAuth 2.0 scope lists: no scope needed, unlike no lists.
		`{Product: Jira, Method: "GET", Path: "/rest/api/3/serverInfo", OperationID: "getServerInfo", Scope: connect.Read, OAuthNone: true},`,
		// Jira Software's scopes come from security.
		`{Product: JiraSoftware, Method: "GET", Path: "/rest/agile/1.0/board", OperationID: "getAllBoards", Scope: connect.Read, OAuth: []string{"read:board-scope:jira-software", "read:project:jira"}},`,
		// Confluence v2 paths get the server URL's path.
		`Path: "/wiki/api/v2/pages/{id}"`,
		// Legacy-only operations, with the replacement their notice links.
		`{Product: Jira, Method: "GET", Path: "/rest/api/3/workflow", OperationID: "getAllWorkflows", Scope: connect.Admin, Deprecated: true, Status: Legacy, Replacement: "GET /rest/api/3/workflow/search"},`,
		`Replacement: "Confluence's v2 API (https://developer.atlassian.com/cloud/confluence/rest/v2/intro/)"`,
		// A link whose text does not fit its target is kept as text.
		`Replacement: "Search for something else"`,
		// The 2023 Confluence spec's Connect path lives under /wiki/rest.
		`Path: "/wiki/rest/atlassian-connect/1/app/module/dynamic"`,
	} {
		if !strings.Contains(out, want) {
			t.Errorf("generated table lacks\n\t%s\n%s", want, out)
		}
	}
	// A route still in a current spec (parameter renamed) is not legacy.
	if strings.Contains(out, "getIssueOld") {
		t.Errorf("the 2023 GET /rest/api/3/issue/{issueKey} is current, not legacy:\n%s", out)
	}
}

func TestGenerateErrors(t *testing.T) {
	for dir, want := range map[string]string{
		"testdata/badstate": `jira-platform-v3.json: get /rest/api/3/x: unknown OAuth 2.0 scope state "Someday"`,
		"testdata/noscope":  `jira-platform-v3.json: get /rest/api/3/x: no x-atlassian-connect-scope`,
		"testdata/missing":  "no spec files in testdata/missing",
	} {
		_, err := Generate(dir)
		if err == nil || err.Error() != want {
			t.Errorf("Generate(%s) = %v, want %q", dir, err, want)
		}
	}
}
