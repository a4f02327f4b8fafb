package main

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
)

func endpoint(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code = runEndpoint(args, &out, &errOut)
	return code, out.String(), errOut.String()
}

// TestEndpointSpotChecks are the checks, through the command.
func TestEndpointSpotChecks(t *testing.T) {
	for _, c := range []struct {
		method, path         string
		route, scope, status string
		product              string
	}{
		{"GET", "/rest/api/3/issue/{issueIdOrKey}", "GET /rest/api/3/issue/{issueIdOrKey}", "READ", "current", "jira"},
		{"POST", "/rest/api/3/issue", "POST /rest/api/3/issue", "WRITE", "current", "jira"},
		{"DELETE", "/rest/api/3/issue/{issueIdOrKey}", "DELETE /rest/api/3/issue/{issueIdOrKey}", "DELETE", "current", "jira"},
		{"GET", "/rest/api/3/user/email", "GET /rest/api/3/user/email", "ACCESS_EMAIL_ADDRESSES", "current", "jira"},
		{"GET", "/rest/api/3/mypreferences", "GET /rest/api/3/mypreferences", "ACT_AS_USER", "current", "jira"},
		{"POST", "/rest/api/3/user", "POST /rest/api/3/user", "INACCESSIBLE", "current", "jira"},
		{"GET", "/rest/agile/1.0/board", "GET /rest/agile/1.0/board", "READ", "current", "jira-software"},
		{"GET", "/wiki/api/v2/pages/{id}", "GET /wiki/api/v2/pages/{id}", "READ", "current", "confluence"},
		{"GET", "/wiki/rest/api/content/123", "GET /wiki/rest/api/content/{id}", "READ", "legacy", "confluence"},
		{"GET", "/rest/api/2/issue/PROJ-1", "GET /rest/api/3/issue/{issueIdOrKey}", "READ", "current", "jira"},
		{"GET", "https://api.atlassian.com/ex/jira/11223344-a1b2/rest/api/3/issue/PROJ-1", "GET /rest/api/3/issue/{issueIdOrKey}", "READ", "current", "jira"},
		{"GET", "https://x.atlassian.net/rest/api/3/issue/PROJ-1?fields=summary", "GET /rest/api/3/issue/{issueIdOrKey}", "READ", "current", "jira"},
		{"get", "/rest/api/3/issue/*/comment", "GET /rest/api/3/issue/{issueIdOrKey}/comment", "READ", "current", "jira"},
	} {
		code, out, errOut := endpoint(t, "-json", c.method, c.path)
		if code != exitOK {
			t.Errorf("endpoint %s %s: exit %d, stderr %q", c.method, c.path, code, errOut)
			continue
		}
		var got endpointJSON
		if err := json.Unmarshal([]byte(out), &got); err != nil {
			t.Fatalf("endpoint -json %s %s: %v\n%s", c.method, c.path, err, out)
		}
		if got.Kind != "matched" || len(got.Operations) != 1 {
			t.Errorf("endpoint %s %s = %+v, want one operation", c.method, c.path, got)
			continue
		}
		op := got.Operations[0]
		if op.Method+" "+op.Path != c.route || op.ConnectScope != c.scope || op.Status != c.status || op.Product != c.product || op.OperationID == "" {
			t.Errorf("endpoint %s %s = %+v, want %s %s %s %s", c.method, c.path, op, c.route, c.scope, c.status, c.product)
		}
	}
}

func TestEndpointText(t *testing.T) {
	code, out, _ := endpoint(t, "GET", "/rest/api/3/issue/PROJ-1")
	if code != exitOK {
		t.Fatalf("exit %d", code)
	}
	for _, want := range []string{
		"GET /rest/api/3/issue/{issueIdOrKey}\n",
		"product:        jira\n",
		"operation id:   getIssue\n",
		"connect scope:  READ\n",
		"oauth scopes:   read:jira-work\n",
		"oauth beta:     ",
		"status:         current\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}

	// A legacy operation names its status and replacement.
	code, out, _ = endpoint(t, "GET", "/rest/api/3/workflow")
	if code != exitOK || !strings.Contains(out, "status:         legacy (only in a 2023 spec: deprecated or removed), deprecated\n") ||
		!strings.Contains(out, "replacement:    GET /rest/api/3/workflow/search\n") {
		t.Errorf("legacy operation: exit %d\n%s", code, out)
	}

	// No method: every method at the path.
	code, out, _ = endpoint(t, "/rest/api/3/issue/PROJ-1")
	if code != exitOK || !strings.HasPrefix(out, "3 operations match /rest/api/3/issue/PROJ-1, best first\n") {
		t.Errorf("any method: exit %d\n%s", code, out)
	}
}

func TestEndpointUnknown(t *testing.T) {
	code, out, errOut := endpoint(t, "GET", "/rest/api/3/isue/PROJ-1")
	if code != exitFailure || out != "" {
		t.Errorf("unknown path: exit %d, stdout %q", code, out)
	}
	if !strings.Contains(errOut, "no operation matches GET /rest/api/3/isue/PROJ-1") ||
		!strings.Contains(errOut, "  GET /rest/api/3/issue/{issueIdOrKey}  (READ, current)\n") {
		t.Errorf("unknown path: stderr lacks the suggestion:\n%s", errOut)
	}

	code, out, _ = endpoint(t, "-json", "GET", "/rest/api/3/isue/PROJ-1")
	var got endpointJSON
	if err := json.Unmarshal([]byte(out), &got); err != nil || code != exitFailure || got.Kind != "unknown" || len(got.Suggestions) == 0 {
		t.Errorf("unknown path -json: exit %d, %v, %s", code, err, out)
	}

	code, _, errOut = endpoint(t, "GET", "https://api.github.com/user")
	if code != exitFailure || !strings.Contains(errOut, "not an Atlassian Cloud REST path") {
		t.Errorf("github path: exit %d, %s", code, errOut)
	}
}

func TestEndpointUsage(t *testing.T) {
	for _, args := range [][]string{
		nil,
		{"GET", "/rest/api/3/myself", "extra"},
		{"-nope", "GET", "/x"},
		{"GET", ""},
	} {
		if code, out, errOut := endpoint(t, args...); code != exitFailure || out != "" || errOut == "" {
			t.Errorf("endpoint %q: exit %d, stdout %q, stderr %q", args, code, out, errOut)
		}
	}
	if code, _, errOut := endpoint(t, "-h"); code != exitOK || !strings.Contains(errOut, "usage: connectlint endpoint") {
		t.Errorf("endpoint -h: exit %d, %s", code, errOut)
	}
}
