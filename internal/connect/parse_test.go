package connect

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/connectlint/connectlint/internal/jsonpos"
)

func TestParseModel(t *testing.T) {
	src := `{
  "key": "issue-cleaner",
  "baseUrl": "https://cleaner.example.com",
  "authentication": {"type": "jwt"},
  "apiMigrations": {"signed-install": true, "gdpr": false, "context-qsh": "yes"},
  "lifecycle": {"installed": "/installed", "uninstalled": 5},
  "scopes": ["READ", "write", "ADMIN", "READ", 3],
  "modules": {
    "webhooks": [{"event": "jira:issue_updated", "url": "/hook"}, "junk"],
    "postInstallPage": {"key": "welcome", "url": "/welcome"}
  }
}`
	d, probs := Parse([]byte(src))
	if d == nil {
		t.Fatalf("no descriptor; problems %v", probs)
	}
	text := func(s Span) string { return src[s.Offset:s.End] }
	if d.Key.Value != "issue-cleaner" || text(d.Key.Span) != `"issue-cleaner"` {
		t.Errorf("Key = %+v", d.Key)
	}
	if d.BaseURL.Value != "https://cleaner.example.com" || d.AuthenticationType.Value != "jwt" {
		t.Errorf("BaseURL = %+v, AuthenticationType = %+v", d.BaseURL, d.AuthenticationType)
	}
	if got := text(d.ScopesSpan); got != `["READ", "write", "ADMIN", "READ", 3]` {
		t.Errorf("ScopesSpan text = %s", got)
	}
	var scopes []string
	for _, e := range d.Scopes {
		scopes = append(scopes, e.Scope.String()+"="+text(e.Span))
	}
	if want := []string{`READ="READ"`, `WRITE="write"`, `ADMIN="ADMIN"`, `READ="READ"`}; !slices.Equal(scopes, want) {
		t.Errorf("Scopes = %v, want %v", scopes, want)
	}
	if got := d.DeclaredScopes(); !slices.Equal(got, []Scope{Read, Write, Admin}) {
		t.Errorf("DeclaredScopes = %v", got)
	}
	if len(d.Lifecycle) != 1 || d.Lifecycle["installed"].Value != "/installed" {
		t.Errorf("Lifecycle = %v (non-strings are left out)", d.Lifecycle)
	}
	if len(d.APIMigrations) != 2 || !d.APIMigrations["signed-install"] || d.APIMigrations["gdpr"] {
		t.Errorf("APIMigrations = %v (non-booleans are left out)", d.APIMigrations)
	}
	if len(d.Modules) != 2 {
		t.Fatalf("Modules = %+v", d.Modules)
	}
	if m := d.Modules[0]; m.Type != "webhooks" || m.Index != 0 || m.Event != "jira:issue_updated" || m.URL.Value != "/hook" ||
		text(m.Span) != `{"event": "jira:issue_updated", "url": "/hook"}` {
		t.Errorf("Modules[0] = %+v", m)
	}
	if m := d.Modules[1]; m.Type != "postInstallPage" || m.Key != "welcome" || m.URL.Value != "/welcome" {
		t.Errorf("Modules[1] = %+v", m)
	}
	if d.Templated {
		t.Errorf("Templated = true for a file without templates")
	}
	var kinds []ProblemKind
	for _, p := range probs {
		kinds = append(kinds, p.Kind)
	}
	// context-qsh, uninstalled, scopes[4], webhooks[1]: four schema errors.
	if len(probs) != 4 || slices.ContainsFunc(kinds, func(k ProblemKind) bool { return k != Invalid }) {
		t.Errorf("problems = %v", probs)
	}
}

func TestParseTemplates(t *testing.T) {
	src := `{
  "key": "{{ .Key }}",
  "baseUrl": "{{ .BaseURL }}",
  "authentication": {"type": "{{ .Auth }}"},
  "scopes": ["READ", "{{ .Extra }}"],
  "apiVersion": "{{ .Version }}"
}`
	d, probs := Parse([]byte(src))
	if d == nil || len(probs) != 0 {
		t.Fatalf("placeholders must be valid: descriptor %v, problems %v", d, probs)
	}
	if !d.Templated || !d.BaseURL.Template || !d.Key.Template || !d.Scopes[1].Template || d.Scopes[0].Template {
		t.Errorf("template flags wrong: %+v", d)
	}

	d, probs = Parse([]byte(`{"key": "a", "scopes": {{ .Scopes }}, "baseUrl": 1}`))
	if d != nil || len(probs) != 1 || probs[0].Kind != TemplateAction {
		t.Errorf("template outside a string: descriptor %v, problems %v; want one TemplateAction and no descriptor", d, probs)
	}
}

func TestParseNotObject(t *testing.T) {
	for src, want := range map[string]string{
		`[]`:     "a descriptor is a JSON object, not an array",
		` "x"`:   "a descriptor is a JSON object, not a string",
		`null`:   "a descriptor is a JSON object, not null",
		"\n\n 3": "a descriptor is a JSON object, not a number",
	} {
		d, probs := Parse([]byte(src))
		if d != nil || len(probs) != 1 || probs[0].Msg != want || src[probs[0].Span.Offset] == ' ' {
			t.Errorf("Parse(%q) = %v, %v; want no descriptor and %q at the value", src, d, probs, want)
		}
	}
}

// FuzzParse checks the loader on any input: it never panics, positions
// stay inside the data, problems come in file order, and the typed view
// agrees with the JSON it came from. Seeds: testdata/fuzz/FuzzParse and
// the fixtures in ../../testdata/descriptors.
func FuzzParse(f *testing.F) {
	fixtures, _ := filepath.Glob("../../testdata/descriptors/*.json")
	for _, p := range fixtures {
		if data, err := os.ReadFile(p); err == nil {
			f.Add(data)
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		d, probs := Parse(data)
		inside := func(what string, s Span) {
			if s.Offset < 0 || s.Offset > s.End || s.End > len(data) {
				t.Fatalf("%s span %v outside [0,%d]", what, s, len(data))
			}
		}
		templated := false
		for i, p := range probs {
			inside("problem", p.Span)
			if p.Msg == "" || strings.HasSuffix(p.Msg, ".") {
				t.Fatalf("bad message %q", p.Msg)
			}
			if i > 0 && p.Span.Offset < probs[i-1].Span.Offset {
				t.Fatalf("problems out of order: %v", probs)
			}
			if p.Kind == TemplateAction {
				templated = true
			}
		}
		if d == nil {
			return
		}
		if templated {
			t.Fatalf("descriptor returned despite a template action outside a string")
		}
		if d.Root == nil || d.Root.Kind != jsonpos.Object {
			t.Fatalf("descriptor root is not an object")
		}
		for _, s := range []String{d.Key, d.BaseURL, d.AuthenticationType} {
			if s.Span != (Span{}) {
				inside("string", s.Span)
				if data[s.Span.Offset] != '"' {
					t.Fatalf("string span %v does not start at a quote", s.Span)
				}
			}
		}
		for _, e := range d.Scopes {
			inside("scope", e.Span)
			if e.Scope != ScopeUnknown && !e.Scope.Declarable() {
				t.Fatalf("scope entry %q parsed to undeclarable %v", e.Raw, e.Scope)
			}
		}
		for _, m := range d.Modules {
			inside("module", m.Span)
			if data[m.Span.Offset] != '{' {
				t.Fatalf("module span %v does not start at a brace", m.Span)
			}
		}
	})
}

func TestMessagesRedactPasswords(t *testing.T) {
	_, probs := Parse([]byte(`{"key": "a", "authentication": {}, "baseUrl": "https://me:hunter2@app.example.com/a b"}`))
	for _, p := range probs {
		if strings.Contains(p.Msg, "hunter2") {
			t.Errorf("message shows the password: %s", p.Msg)
		}
	}
	if len(probs) != 1 {
		t.Errorf("problems = %v, want the baseUrl pattern violation", probs)
	}
}

func TestTemplatedKeys(t *testing.T) {
	_, probs := Parse([]byte(`{"key": "a", "baseUrl": "https://a.example", "authentication": {}, "lifecycle": {"{{ .Hook }}": "/h", "instaled": "/i"}}`))
	if len(probs) != 1 || probs[0].Kind != IgnoredKey ||
		!strings.Contains(probs[0].Msg, `"lifecycle": "instaled" is not a key Atlassian knows, so it is ignored; did you mean "installed"?`) {
		t.Errorf("problems = %v, want only the misspelt key", probs)
	}
}
