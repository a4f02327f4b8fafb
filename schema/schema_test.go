package schema

import (
	"bytes"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

func TestDescriptorSchema(t *testing.T) {
	sch, err := Descriptor()
	if err != nil {
		t.Fatalf("embedded schema does not compile: %v", err)
	}
	for _, tc := range []struct {
		name  string
		doc   string
		valid bool
	}{
		{"minimal", `{"key": "app", "baseUrl": "https://app.example.com", "authentication": {"type": "jwt"}}`, true},
		{"lower case scopes", `{"key": "a", "baseUrl": "https://a.example", "authentication": {}, "scopes": ["read", "WRITE"]}`, true},
		{"mixed case scope", `{"key": "a", "baseUrl": "https://a.example", "authentication": {}, "scopes": ["Read"]}`, false},
		{"missing key", `{"baseUrl": "https://a.example", "authentication": {}}`, false},
		{"long key", `{"key": "` + string(bytes.Repeat([]byte("k"), 65)) + `", "baseUrl": "https://a.example", "authentication": {}}`, false},
		{"64 char key", `{"key": "` + string(bytes.Repeat([]byte("k"), 64)) + `", "baseUrl": "https://a.example", "authentication": {}}`, true},
		{"relative baseUrl", `{"key": "a", "baseUrl": "/app", "authentication": {}}`, false},
		{"auth type", `{"key": "a", "baseUrl": "https://a.example", "authentication": {"type": "oauth"}}`, false},
		{"lifecycle relative", `{"key": "a", "baseUrl": "https://a.example", "authentication": {}, "lifecycle": {"installed": "/installed"}}`, true},
		{"lifecycle unknown", `{"key": "a", "baseUrl": "https://a.example", "authentication": {}, "lifecycle": {"install": "/installed"}}`, true},
		{"authentication unknown", `{"key": "a", "baseUrl": "https://a.example", "authentication": {"sharedSecret": "x"}}`, true},
		{"lifecycle empty url", `{"key": "a", "baseUrl": "https://a.example", "authentication": {}, "lifecycle": {"installed": ""}}`, true},
		{"apiVersion 0", `{"key": "a", "baseUrl": "https://a.example", "authentication": {}, "apiVersion": 0}`, true},
		{"apiVersion string", `{"key": "a", "baseUrl": "https://a.example", "authentication": {}, "apiVersion": "1"}`, false},
		{"links object", `{"key": "a", "baseUrl": "https://a.example", "authentication": {}, "links": {"self": {"href": "/x"}}}`, true},
		{"migration unknown", `{"key": "a", "baseUrl": "https://a.example", "authentication": {}, "apiMigrations": {"signedInstall": true}}`, false},
		{"module key camel case", `{"key": "a", "baseUrl": "https://a.example", "authentication": {}, "modules": {"jiraEntityProperties": [{"key": "dynatraceProblemId"}]}}`, true},
		{"module key underscore", `{"key": "a", "baseUrl": "https://a.example", "authentication": {}, "modules": {"generalPages": [{"key": "main_page"}]}}`, false},
		{"module key 101", `{"key": "a", "baseUrl": "https://a.example", "authentication": {}, "modules": {"generalPages": [{"key": "` + string(bytes.Repeat([]byte("k"), 101)) + `"}]}}`, false},
		{"migrations", `{"key": "a", "baseUrl": "https://a.example", "authentication": {}, "apiMigrations": {"signed-install": true, "context-qsh": true, "gdpr": false}}`, true},
		{"migration not bool", `{"key": "a", "baseUrl": "https://a.example", "authentication": {}, "apiMigrations": {"signed-install": "true"}}`, false},
		{"webhooks object", `{"key": "a", "baseUrl": "https://a.example", "authentication": {}, "modules": {"webhooks": {"event": "jira:issue_created", "url": "/h"}}}`, true},
		{"webhook without url", `{"key": "a", "baseUrl": "https://a.example", "authentication": {}, "modules": {"webhooks": [{"event": "jira:issue_created"}]}}`, false},
		{"module object", `{"key": "a", "baseUrl": "https://a.example", "authentication": {}, "modules": {"postInstallPage": {"key": "p", "url": "/p"}}}`, true},
		{"module string", `{"key": "a", "baseUrl": "https://a.example", "authentication": {}, "modules": {"generalPages": "x"}}`, false},
		{"unknown top-level key", `{"key": "a", "baseUrl": "https://a.example", "authentication": {}, "somethingNew": 1}`, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			doc, err := jsonschema.UnmarshalJSON(bytes.NewReader([]byte(tc.doc)))
			if err != nil {
				t.Fatal(err)
			}
			err = sch.Validate(doc)
			if (err == nil) != tc.valid {
				t.Errorf("valid = %v, want %v (%v)", err == nil, tc.valid, err)
			}
		})
	}
}

func TestManifestSchema(t *testing.T) {
	sch, err := Manifest()
	if err != nil {
		t.Fatalf("embedded schema does not compile: %v", err)
	}
	for _, tc := range []struct {
		name  string
		doc   string
		valid bool
	}{
		{"minimal", `{"app": {"id": "ari:cloud:ecosystem::app/8db33809-1f32-48bb-8c52-5877dab48107"}}`, true},
		{"no app id", `{"app": {}}`, false},
		{"bad app id", `{"app": {"id": "my-app"}}`, false},
		{"no app", `{"permissions": {"scopes": []}}`, false},
		{"scope list", `{"app": {"id": "ari:cloud:ecosystem::app/x"}, "permissions": {"scopes": ["read:jira-work", "storage:app"]}}`, true},
		{"scope map", `{"app": {"id": "ari:cloud:ecosystem::app/x"}, "permissions": {"scopes": {"read:jira-work": {"allowImpersonation": true}, "storage:app": {}}}}`, true},
		{"scope map null", `{"permissions": {"scopes": {"read:jira-work": null}}}`, false},
		{"scope map unknown option", `{"permissions": {"scopes": {"read:jira-work": {"allowImpersonate": true}}}}`, false},
		{"scope string", `{"permissions": {"scopes": "read:jira-work"}}`, false},
		{"remote key", `{"remotes": [{"key": "backend-1", "baseUrl": "https://b.example.com"}]}`, true},
		{"remote key space", `{"remotes": [{"key": "backend ", "baseUrl": "https://b.example.com"}]}`, false},
		{"remote key long", `{"remotes": [{"key": "` + string(bytes.Repeat([]byte("k"), 24)) + `"}]}`, false},
		{"remote regions", `{"remotes": [{"key": "b", "baseUrl": {"default": "https://b.example.com", "EU": "https://eu.b.example.com"}}]}`, true},
		{"endpoint tokens", `{"modules": {"endpoint": [{"key": "e", "remote": "b", "auth": {"appSystemToken": {"enabled": true}}}]}}`, true},
		{"endpoint token not bool", `{"modules": {"endpoint": [{"key": "e", "auth": {"appSystemToken": {"enabled": "yes"}}}]}}`, false},
		{"endpoint token no enabled", `{"modules": {"endpoint": [{"key": "e", "auth": {"appUserToken": {}}}]}}`, false},
		{"connect", `{"app": {"id": "ari:cloud:ecosystem::app/x", "connect": {"key": "cleaner", "remote": "connect", "authentication": "jwt"}}}`, true},
		{"connect auth none", `{"app": {"id": "ari:cloud:ecosystem::app/x", "connect": {"key": "cleaner", "authentication": "none"}}}`, false},
		{"connect no key", `{"app": {"id": "ari:cloud:ecosystem::app/x", "connect": {"remote": "connect"}}}`, false},
		{"connect modules", `{"connectModules": {"jira:adminPages": [{"key": "config"}]}}`, true},
		{"other sections open", `{"app": {"id": "ari:cloud:ecosystem::app/x", "runtime": {"name": "nodejs22.x"}}, "resources": [{"key": "main"}], "somethingNew": 1}`, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			src := tc.doc
			if !strings.Contains(src, `"app"`) && tc.name != "no app" {
				src = `{"app": {"id": "ari:cloud:ecosystem::app/x"}, ` + src[1:]
			}
			doc, err := jsonschema.UnmarshalJSON(bytes.NewReader([]byte(src)))
			if err != nil {
				t.Fatal(err)
			}
			err = sch.Validate(doc)
			if (err == nil) != tc.valid {
				t.Errorf("valid = %v, want %v (%v)", err == nil, tc.valid, err)
			}
		})
	}
}
