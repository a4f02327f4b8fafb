package schema

import (
	"bytes"
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
