package scopes

import (
	"encoding/json"
	"testing"

	"github.com/connectlint/connectlint/internal/apispec"
	"github.com/connectlint/connectlint/internal/authz"
	"github.com/connectlint/connectlint/internal/connect"
	"github.com/connectlint/connectlint/internal/jsonpos"
)

// TestAddScopeEdit covers the layouts of a "scopes" array (and its
// absence) that the missing-scope fix must keep.
func TestAddScopesEdit(t *testing.T) {
	twoScopes := []connect.Scope{connect.Delete, connect.ActAsUser}
	tests := []struct {
		name, in, want string
		add            []connect.Scope // DELETE when nil
	}{
		{"one line", `{"scopes": ["READ", "WRITE"]}`, `{"scopes": ["READ", "WRITE", "DELETE"]}`, nil},
		{"one per line",
			"{\n  \"scopes\": [\n    \"READ\",\n    \"WRITE\"\n  ]\n}\n",
			"{\n  \"scopes\": [\n    \"READ\",\n    \"WRITE\",\n    \"DELETE\"\n  ]\n}\n", nil},
		{"tabs and CRLF",
			"{\r\n\t\"scopes\": [\r\n\t\t\"READ\"\r\n\t]\r\n}\r\n",
			"{\r\n\t\"scopes\": [\r\n\t\t\"READ\",\r\n\t\t\"DELETE\"\r\n\t]\r\n}\r\n", nil},
		{"broken lines",
			"{\"scopes\": [\n  \"READ\", \"WRITE\"]}",
			"{\"scopes\": [\n  \"READ\", \"WRITE\", \"DELETE\"]}", nil},
		{"empty", `{"key": "k", "scopes": []}`, `{"key": "k", "scopes": ["DELETE"]}`, nil},
		{"empty on lines", "{\"scopes\": [\n]}", `{"scopes": ["DELETE"]}`, nil},
		{"no key, one line", `{"key": "k", "name": {"value": "n"}}`, `{"key": "k", "name": {"value": "n"}, "scopes": ["DELETE"]}`, nil},
		{"no key, one per line",
			"{\n  \"key\": \"k\",\n  \"modules\": {\n    \"webhooks\": []\n  }\n}\n",
			"{\n  \"key\": \"k\",\n  \"modules\": {\n    \"webhooks\": []\n  },\n  \"scopes\": [\"DELETE\"]\n}\n", nil},
		{"empty object", `{}`, `{"scopes": ["DELETE"]}`, nil},
		{"duplicate scopes key: the last counts", `{"scopes": ["ADMIN"], "scopes": ["READ"]}`, `{"scopes": ["ADMIN"], "scopes": ["READ", "DELETE"]}`, nil},
		{"two, one line", `{"scopes": ["READ"]}`, `{"scopes": ["READ", "DELETE", "ACT_AS_USER"]}`, twoScopes},
		{"two, one per line",
			"{\n  \"scopes\": [\n    \"READ\"\n  ]\n}\n",
			"{\n  \"scopes\": [\n    \"READ\",\n    \"DELETE\",\n    \"ACT_AS_USER\"\n  ]\n}\n", twoScopes},
		{"two, empty", `{"scopes": []}`, `{"scopes": ["DELETE", "ACT_AS_USER"]}`, twoScopes},
		{"two, no key", `{"key": "k"}`, `{"key": "k", "scopes": ["DELETE", "ACT_AS_USER"]}`, twoScopes},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			root, _ := jsonpos.Parse([]byte(tt.in))
			add := tt.add
			if add == nil {
				add = []connect.Scope{connect.Delete}
			}
			e, ok := addScopesEdit([]byte(tt.in), root, add)
			if !ok {
				t.Fatalf("no edit for %q", tt.in)
			}
			got := tt.in[:e.start] + e.text + tt.in[e.end:]
			if got != tt.want {
				t.Errorf("got\n%s\nwant\n%s", got, tt.want)
			}
			if !json.Valid([]byte(got)) {
				t.Errorf("result is not JSON: %s", got)
			}
		})
	}
}

// TestAddScopeEditRefuses covers descriptors the fix cannot edit safely.
func TestAddScopesEditRefuses(t *testing.T) {
	for _, in := range []string{
		`{"scopes": "READ"}`,
		`{"scopes": {"READ": true}}`,
		`["READ"]`,
		`"scopes"`,
	} {
		root, _ := jsonpos.Parse([]byte(in))
		if e, ok := addScopesEdit([]byte(in), root, []connect.Scope{connect.Delete}); ok {
			t.Errorf("%s: unexpected edit %+v", in, e)
		}
	}
	if _, ok := addScopesEdit(nil, nil, []connect.Scope{connect.Delete}); ok {
		t.Error("edit without a parsed descriptor")
	}
}

func TestLeastScoped(t *testing.T) {
	tests := []struct {
		scopes []connect.Scope
		want   connect.Scope
	}{
		{[]connect.Scope{connect.Delete, connect.Read, connect.Write}, connect.Read},
		{[]connect.Scope{connect.Admin, connect.ProjectAdmin}, connect.ProjectAdmin},
		{[]connect.Scope{connect.ActAsUser, connect.Write}, connect.Write},
		{[]connect.Scope{connect.SpaceAdmin, connect.ProjectAdmin}, connect.ProjectAdmin},
		{[]connect.Scope{connect.AccessEmailAddresses}, connect.AccessEmailAddresses},
	}
	none := &authz.Grant{Model: authz.Connect, Kind: "atlassian-connect.json"}
	for _, tt := range tests {
		v := judge(operations(tt.scopes...), []*authz.Grant{none})
		if v.cov != authz.Missing || len(v.lacks) != 1 || v.lacks[0].op.Scope != tt.want {
			t.Errorf("judge(%v) asks for %+v, want %v", tt.scopes, v.lacks, tt.want)
		}
	}
}

func operations(scopes ...connect.Scope) []*apispec.Operation {
	ops := make([]*apispec.Operation, len(scopes))
	for i, s := range scopes {
		ops[i] = &apispec.Operation{Method: "GET", Path: "/rest/api/3/x", Scope: s}
	}
	return ops
}

// TestScopeOrderExtendsImplication is what lessLack relies on.
func TestScopeOrderExtendsImplication(t *testing.T) {
	for s := connect.None; s <= connect.Inaccessible; s++ {
		for u := connect.None; u <= connect.Inaccessible; u++ {
			if s != u && s.Implies(u) && u != connect.None && u > s {
				t.Errorf("%v implies %v, which comes after it", s, u)
			}
		}
	}
}

func TestLiteralPath(t *testing.T) {
	for u, want := range map[string]bool{
		"…/admin/v1/orgs?…":                       true,
		"https://x.atlassian.net…":                false,
		"https://x.atlassian.net/…":               false,
		"…":                                       false,
		"https://api.atlassian.com/admin/v1/orgs": true,
	} {
		if got := literalPath(u); got != want {
			t.Errorf("literalPath(%q) = %v", u, got)
		}
	}
}
