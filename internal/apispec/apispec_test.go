package apispec

import (
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/connectlint/connectlint/internal/connect"
	"github.com/connectlint/connectlint/internal/strpat"
)

var paramRx = regexp.MustCompile(`\{[^}/]*\}`)

// sample fills a template's parameters with a value no literal segment has.
func sample(path string) string { return paramRx.ReplaceAllString(path, "SAMPLE-7") }

func routes(ops []*Operation) []string {
	var out []string
	for _, op := range ops {
		out = append(out, op.Route())
	}
	return out
}

func TestTableShape(t *testing.T) {
	ops := Operations()
	if len(ops) < 1000 {
		t.Fatalf("the table has %d operations, want the ~1,100 of the specs", len(ops))
	}
	seen := map[string]bool{}
	perSource := len(platformOperations)
	for _, s := range Sources() {
		perSource += s.Operations
		if s.File == "" || s.Version == "" {
			t.Errorf("source %+v lacks its file or version", s)
		}
	}
	if perSource != len(ops) {
		t.Errorf("sources account for %d operations, the table has %d", perSource, len(ops))
	}
	for _, op := range ops {
		if seen[op.Route()] {
			t.Errorf("%s is in the table twice", op.Route())
		}
		seen[op.Route()] = true
		if op.Product == Platform {
			continue
		}
		if !strings.HasPrefix(op.Path, "/rest/") && !strings.HasPrefix(op.Path, "/wiki/") {
			t.Errorf("%s: path is not canonical", op.Route())
		}
		if (op.Product == Confluence) != strings.HasPrefix(op.Path, "/wiki/") {
			t.Errorf("%s: product %s does not fit the path", op.Route(), op.Product)
		}
		if op.Scope == connect.ScopeUnknown {
			t.Errorf("%s has no Connect scope", op.Route())
		}
		if op.Status == Legacy && !slices.ContainsFunc(Sources(), func(s Source) bool { return strings.HasPrefix(s.File, "legacy/") }) {
			t.Errorf("%s is legacy but no legacy spec was read", op.Route())
		}
	}
}

// TestRoundTrip resolves every operation's own template, with parameters
// filled in, written the ways code writes it, back to exactly that operation.
func TestRoundTrip(t *testing.T) {
	for _, op := range Operations() {
		if op.Product == Platform {
			continue // TestPlatform
		}
		path := sample(op.Path)
		forms := []string{
			path,
			"https://your-site.atlassian.net" + path,
			strings.TrimPrefix(path, "/") + "?expand=names#frag",
			path + "/",
			op.Path, // the template itself: {name} stands for a value
			strpat.WildMark + path,
		}
		switch {
		case strings.HasPrefix(op.Path, "/rest/api/3/"):
			v2 := strings.Replace(path, "/rest/api/3/", "/rest/api/2/", 1)
			forms = append(forms, v2,
				strings.Replace(path, "/rest/api/3/", "/rest/api/latest/", 1),
				"https://api.atlassian.com/ex/jira/11223344-a1b2/"+v2)
		case op.Product == Confluence:
			rel := strings.TrimPrefix(path, "/wiki")
			forms = append(forms,
				strpat.WildMark+rel, // a base URL ending in /wiki
				"https://api.atlassian.com/ex/confluence/11223344-a1b2"+rel,
				"https://api.atlassian.com/ex/confluence/11223344-a1b2"+path)
		case op.Product != Confluence:
			forms = append(forms, "https://api.atlassian.com/ex/jira/"+strpat.WildMark+path)
		}
		for i, f := range forms {
			m := LookupString(op.Method, f)
			if i != 1 && len(m.Ops) == 2 {
				// Without a site the base may end in /wiki: Jira's
				// /rest/atlassian-connect/1/... is also Confluence's.
				m.Ops = slices.DeleteFunc(m.Ops, func(o *Operation) bool { return twins(o, op) })
			}
			if m.Kind != Matched || len(m.Ops) != 1 || m.Ops[0] != op || m.Loose {
				t.Errorf("Lookup(%s, %s) = %v %v loose=%v, want exactly %s", op.Method, f, m.Kind, routes(m.Ops), m.Loose, op.Route())
			}
		}
	}
}

// TestPlatform: the platform API is found on api.atlassian.com only.
func TestPlatform(t *testing.T) {
	for _, c := range []struct {
		url   string
		route string // "" for no match
	}{
		{"https://api.atlassian.com/oauth/token/accessible-resources", "GET /oauth/token/accessible-resources"},
		{"api.atlassian.com/me", "GET /me"},
		{"https://api.atlassian.com/me?x=1", "GET /me"},
		{"https://x.atlassian.net/me", ""},
		{"/me", ""},
		{strpat.WildMark + "/oauth/token/accessible-resources", ""},
		{"https://api.atlassian.com/ex/jira/1/me", ""},
	} {
		m := LookupString("GET", c.url)
		got := ""
		if m.Kind == Matched && !m.Loose && len(m.Ops) == 1 {
			got = m.Ops[0].Route()
		}
		if got != c.route {
			t.Errorf("Lookup(GET, %s) = %v %v, want %q", c.url, m.Kind, routes(m.Ops), c.route)
		}
		if c.route != "" && m.Host != HostGateway {
			t.Errorf("Lookup(GET, %s).Host = %v, want gateway", c.url, m.Host)
		}
	}
}

func TestHost(t *testing.T) {
	for url, want := range map[string]Host{
		"https://api.atlassian.com/ex/jira/1/rest/api/3/myself": HostGateway,
		"https://x.atlassian.net/rest/api/3/myself":             HostSite,
		"/rest/api/3/myself":                                    HostUnknown,
		strpat.WildMark + "/rest/api/3/myself":                  HostUnknown,
	} {
		if m := LookupString("GET", url); m.Kind != Matched || m.Host != want {
			t.Errorf("Lookup(GET, %s) = %v host %v, want a match on %v", url, m.Kind, m.Host, want)
		}
	}
}

// twins are the same route in Jira and in Confluence (under /wiki).
func twins(a, b *Operation) bool {
	return a.Method == b.Method && a.Product != b.Product &&
		strings.TrimPrefix(a.Path, "/wiki") == strings.TrimPrefix(b.Path, "/wiki")
}

// TestSpotChecks are the checks, answered by Atlassian's specs.
func TestSpotChecks(t *testing.T) {
	for _, c := range []struct {
		method, url string
		route       string
		scope       connect.Scope
		status      Status
	}{
		{"GET", "/rest/api/3/issue/{issueIdOrKey}", "GET /rest/api/3/issue/{issueIdOrKey}", connect.Read, Current},
		{"POST", "/rest/api/3/issue", "POST /rest/api/3/issue", connect.Write, Current},
		{"DELETE", "/rest/api/3/issue/{issueIdOrKey}", "DELETE /rest/api/3/issue/{issueIdOrKey}", connect.Delete, Current},
		{"GET", "/rest/api/3/user/email", "GET /rest/api/3/user/email", connect.AccessEmailAddresses, Current},
		{"GET", "/rest/api/3/mypreferences", "GET /rest/api/3/mypreferences", connect.ActAsUser, Current},
		{"POST", "/rest/api/3/user", "POST /rest/api/3/user", connect.Inaccessible, Current},
		{"GET", "/rest/agile/1.0/board", "GET /rest/agile/1.0/board", connect.Read, Current},
		{"GET", "/wiki/api/v2/pages/{id}", "GET /wiki/api/v2/pages/{id}", connect.Read, Current},
		{"GET", "/wiki/rest/api/content/12345", "GET /wiki/rest/api/content/{id}", connect.Read, Legacy},
		{"GET", "https://x.atlassian.net/wiki/rest/api/content/12345?expand=body.storage", "GET /wiki/rest/api/content/{id}", connect.Read, Legacy},
		{"GET", "/rest/api/2/issue/PROJ-1", "GET /rest/api/3/issue/{issueIdOrKey}", connect.Read, Current},
		{"GET", "https://api.atlassian.com/ex/jira/11223344-a1b2-3b33-c444-def123456789/rest/api/3/issue/PROJ-1", "GET /rest/api/3/issue/{issueIdOrKey}", connect.Read, Current},
		{"GET", "https://x.atlassian.net/rest/api/3/issue/PROJ-1?fields=summary&expand=names#top", "GET /rest/api/3/issue/{issueIdOrKey}", connect.Read, Current},
		{"GET", "/rest/api/3/issue/createmeta", "GET /rest/api/3/issue/createmeta", connect.Read, Current},
	} {
		m := LookupString(c.method, c.url)
		if m.Kind != Matched || len(m.Ops) != 1 {
			t.Errorf("Lookup(%s, %s) = %v %v, want %s", c.method, c.url, m.Kind, routes(m.Ops), c.route)
			continue
		}
		op := m.Ops[0]
		if op.Route() != c.route || op.Scope != c.scope || op.Status != c.status {
			t.Errorf("Lookup(%s, %s) = %s %v %v, want %s %v %v", c.method, c.url, op.Route(), op.Scope, op.Status, c.route, c.scope, c.status)
		}
	}
}

func TestLegacyReplacement(t *testing.T) {
	m := LookupString("GET", "/rest/api/3/workflow")
	if m.Kind != Matched || m.Ops[0].Status != Legacy {
		t.Fatalf("GET /rest/api/3/workflow = %v %v, want the legacy operation", m.Kind, routes(m.Ops))
	}
	r := m.Ops[0].ReplacedBy()
	if r == nil || r.Route() != "GET /rest/api/3/workflow/search" {
		t.Errorf("GET /rest/api/3/workflow is replaced by %q (%v), want GET /rest/api/3/workflow/search", m.Ops[0].Replacement, r)
	}
	m = LookupString("GET", "/wiki/rest/api/content/1")
	if rep := m.Ops[0].Replacement; !strings.Contains(rep, "v2") || m.Ops[0].ReplacedBy() != nil {
		t.Errorf("Confluence v1 content replacement = %q, want the v2 API page", rep)
	}
	for _, op := range Operations() {
		if strings.Contains(op.Replacement, " /") && !strings.Contains(op.Replacement, "(") && op.ReplacedBy() == nil {
			t.Errorf("%s: replacement %q is not in the table", op.Route(), op.Replacement)
		}
	}
}

func TestWildcards(t *testing.T) {
	W := strpat.WildMark
	for _, c := range []struct {
		method, url string
		want        []string // leading operations, best first
		loose       bool
	}{
		// A key inside a segment run.
		{"POST", "/rest/api/3/issue/" + W + "/comment", []string{"POST /rest/api/3/issue/{issueIdOrKey}/comment"}, false},
		{"GET", "/rest/api/3/issue/PROJ-" + W, []string{"GET /rest/api/3/issue/{issueIdOrKey}"}, false},
		{"DELETE", "/rest/api/3/issue/" + W, []string{"DELETE /rest/api/3/issue/{issueIdOrKey}"}, false},
		// A parameter first, then the literal siblings the wildcard could also be.
		{"GET", "/rest/api/3/issue/" + W, []string{"GET /rest/api/3/issue/{issueIdOrKey}", "GET /rest/api/3/issue/createmeta", "GET /rest/api/3/issue/picker"}, false},
		// A wildcard standing for several segments.
		{"POST", "/rest/api/3/" + W + "/comment", []string{"POST /rest/api/3/issue/{issueIdOrKey}/comment"}, true},
		{"GET", W + "/board/" + W + "/sprint", nil, false}, // no /rest root after the base
		{"GET", "https://" + W + ".atlassian.net/rest/agile/1.0/board/" + W + "/sprint", []string{"GET /rest/agile/1.0/board/{boardId}/sprint"}, false},
		{"GET", "https://" + W + "/rest/agile/1.0/board/" + W + "/sprint", []string{"GET /rest/agile/1.0/board/{boardId}/sprint"}, false},
		{"GET", W + "/rest/agile/1.0/board/" + W + "/sprint?state=active", []string{"GET /rest/agile/1.0/board/{boardId}/sprint"}, false},
		{"GET", W + "://x.atlassian.net/rest/api/3/myself", []string{"GET /rest/api/3/myself"}, false},
		// Confluence v1 after a base ending in /wiki.
		{"GET", W + "/rest/api/content/" + W, []string{"GET /wiki/rest/api/content/{id}"}, false},
		{"GET", W + "/api/v2/pages/" + W, []string{"GET /wiki/api/v2/pages/{id}"}, false},
		{"GET", "rest/api/space", []string{"GET /wiki/rest/api/space"}, false},
		// The gateway with an unknown cloud id.
		{"PUT", "https://api.atlassian.com/ex/jira/" + W + "/rest/api/3/issue/" + W, []string{"PUT /rest/api/3/issue/{issueIdOrKey}"}, false},
		{"GET", "https://api.atlassian.com/ex/confluence/" + W + "/wiki/api/v2/spaces", []string{"GET /wiki/api/v2/spaces"}, false},
		// A method unknown to the code.
		{"", "/rest/api/3/issue/A-1", []string{"GET /rest/api/3/issue/{issueIdOrKey}", "PUT /rest/api/3/issue/{issueIdOrKey}", "DELETE /rest/api/3/issue/{issueIdOrKey}"}, false},
		{"get", "/rest/api/3/myself", []string{"GET /rest/api/3/myself"}, false},
		{"HEAD", "/rest/api/3/myself", []string{"GET /rest/api/3/myself"}, false},
	} {
		m := LookupString(c.method, c.url)
		if c.want == nil {
			if m.Kind == Matched {
				t.Errorf("Lookup(%s, %s) = %v, want no match", c.method, c.url, routes(m.Ops))
			}
			continue
		}
		got := routes(m.Ops)
		if m.Kind != Matched || len(got) < len(c.want) || !slices.Equal(got[:len(c.want)], c.want) || m.Loose != c.loose {
			t.Errorf("Lookup(%s, %s) = %v %v loose=%v, want %v first, loose=%v", c.method, c.url, m.Kind, got, m.Loose, c.want, c.loose)
		}
	}
}

func TestNormalization(t *testing.T) {
	want := "GET /rest/api/3/issue/{issueIdOrKey}"
	for _, u := range []string{
		"rest/api/3/issue/A-1",
		"/rest/api/3/issue/A-1/",
		"//x.atlassian.net/rest/api/3/issue/A-1",
		"HTTPS://X.ATLASSIAN.NET:443/rest/api/3/issue/A-1",
		"https://user:token@x.atlassian.net/rest/api/3/issue/A-1",
		"x.atlassian.net/rest/api/3/issue/A-1",
		"/rest//api/3/./issue/A-1",
		"/rest/api/3/project/../issue/A-1",
		"/rest/api/3/%69ssue/A%2F1",
		"/rest/api/3/issue/%E2%9C%93",
		"/rest/api/3/issue/ключ",
		"https://x.jira.com/rest/api/latest/issue/A-1",
	} {
		m := LookupString("GET", u)
		if m.Kind != Matched || len(m.Ops) != 1 || m.Ops[0].Route() != want {
			t.Errorf("Lookup(GET, %s) = %v %v, want %s", u, m.Kind, routes(m.Ops), want)
		}
	}
}

func TestKinds(t *testing.T) {
	W := strpat.WildMark
	for _, c := range []struct {
		method, url string
		kind        MatchKind
		suggest     string // a route among the suggestions
	}{
		{"GET", "https://api.github.com/user", NotAtlassian, ""},
		{"POST", "https://hooks.slack.com/services/T000/B000/XXX", NotAtlassian, ""},
		{"GET", "http://localhost:8080/rest/api/3/issue/A-1", NotAtlassian, ""},
		{"GET", "ftp://x.atlassian.net/rest/api/3/issue/A-1", NotAtlassian, ""},
		{"GET", "https://x.atlassian.net", NotAtlassian, ""},
		{"GET", "https://x.atlassian.net/secure/Dashboard.jspa", NotAtlassian, ""},
		{"GET", "/api/users", NotAtlassian, ""},
		{"GET", W, NotAtlassian, ""},
		{"GET", "", NotAtlassian, ""},
		{"GET", "/rest/api/3/isue/A-1", Unknown, "GET /rest/api/3/issue/{issueIdOrKey}"},
		{"GET", "/rest/api/3/Myself", Unknown, "GET /rest/api/3/myself"},
		{"POST", "/rest/api/3/myself", Unknown, "GET /rest/api/3/myself"},
		{"BREW", "/rest/api/3/myself", Unknown, "GET /rest/api/3/myself"},
		{"GET", "/wiki/rest/api/contnt/1", Unknown, "GET /wiki/rest/api/content/{id}"},
		// Confluence v1 on a site URL without /wiki is Jira's /rest/api.
		{"GET", "https://x.atlassian.net/rest/api/content/1", Unknown, "GET /wiki/rest/api/content/{id}"},
		{"GET", "https://api.atlassian.com/ex/jira/c1/rest/api/3/issue/A-1/nope", Unknown, ""},
	} {
		m := LookupString(c.method, c.url)
		if m.Kind != c.kind {
			t.Errorf("Lookup(%s, %q) = %v %v, want %v", c.method, c.url, m.Kind, routes(m.Ops), c.kind)
			continue
		}
		if c.kind != Unknown {
			if len(m.Suggestions) > 0 {
				t.Errorf("Lookup(%s, %q) suggests %v", c.method, c.url, routes(m.Suggestions))
			}
			continue
		}
		if len(m.Suggestions) == 0 || c.suggest != "" && !slices.Contains(routes(m.Suggestions), c.suggest) {
			t.Errorf("Lookup(%s, %q) suggests %v, want %s among them", c.method, c.url, routes(m.Suggestions), c.suggest)
		}
	}
}

func TestBadInput(t *testing.T) {
	long := strings.Repeat("/a", 10000)
	wilds := strings.Repeat("/"+strpat.WildMark, 10000)
	for _, c := range []struct{ method, url string }{
		{"", ""},
		{"GET", "/"},
		{"GET", "//"},
		{"GET", "/../../.."},
		{"GET", "/rest/../../../etc/passwd"},
		{"GET", "/rest" + long},
		{"GET", "/rest/api/3" + wilds},
		{"GET", "/rest/api/3/issue/" + strings.Repeat("x"+strpat.WildMark, 5000)},
		{"GET", "/rest/api/3/issue/\x00\xff\xfe"},
		{"GET", "/rest/api/3/%zz/%"},
		{"G\x00T", "/rest/api/3/myself"},
		{strings.Repeat("GET", 1000), "/rest/api/3/myself"},
		{"GET", "https://"},
		{"GET", "https://" + strpat.WildMark},
		{"GET", "http://[::1"},
		{"GET", "/wiki" + long},
	} {
		m := LookupString(c.method, c.url)
		if m.Kind == Matched && len(m.Ops) == 0 {
			t.Errorf("Lookup(%.20q, %.40q) matched no operations", c.method, c.url)
		}
	}
	// The 10,000-segment Atlassian-looking path is answered as unknown.
	if m := LookupString("GET", "/rest"+long); m.Kind != Unknown {
		t.Errorf("a 10000-segment /rest path = %v, want unknown", m.Kind)
	}
	// Non-normalised patterns built by hand get the answer of their
	// normalised form.
	for _, p := range []strpat.Pattern{
		{{Wild: true}, {Wild: true}},
		{{Lit: ""}, {Wild: true}, {Lit: ""}},
		{{Wild: true}, {Lit: "://"}},
		{{Lit: "https://"}, {Wild: true}},
		{{Lit: "/rest/api/3/"}, {Lit: ""}, {Lit: "myself"}},
	} {
		got, want := Lookup("GET", p), Lookup("GET", strpat.Concat(p))
		if got.Kind != want.Kind || !slices.Equal(got.Ops, want.Ops) {
			t.Errorf("Lookup(GET, %#v) = %v %v, want %v %v as for %q", p, got.Kind, routes(got.Ops), want.Kind, routes(want.Ops), strpat.Concat(p))
		}
	}
}

// TestConcurrentLookups runs lookups from many goroutines: the recycled
// walkers must not leak state between them (run with -race).
func TestConcurrentLookups(t *testing.T) {
	urls := []string{
		"/rest/api/3/issue/A-1",
		"/rest/api/3/isue/A-1",
		"/rest/api/3/" + strpat.WildMark + "/comment",
		"https://x.atlassian.net/wiki/rest/api/content/1?x=y",
		"https://api.github.com/user",
	}
	want := make([]Match, len(urls))
	for i, u := range urls {
		want[i] = LookupString("GET", u)
	}
	done := make(chan bool)
	for g := 0; g < 8; g++ {
		go func() {
			defer func() { done <- true }()
			for n := 0; n < 50; n++ {
				i := (g + n) % len(urls)
				got := LookupString("GET", urls[i])
				if got.Kind != want[i].Kind || !slices.Equal(got.Ops, want[i].Ops) || !slices.Equal(got.Suggestions, want[i].Suggestions) {
					t.Errorf("concurrent Lookup(GET, %s) = %v %v, want %v %v", urls[i], got.Kind, routes(got.Ops), want[i].Kind, routes(want[i].Ops))
					return
				}
			}
		}()
	}
	for g := 0; g < 8; g++ {
		<-done
	}
}

func TestHostOf(t *testing.T) {
	W := strpat.WildMark
	for url, want := range map[string]Host{
		"https://x.atlassian.net" + W:             HostSite,
		"https://x.atlassian.net/" + W:            HostSite,
		"https://api.atlassian.com" + W:           HostGateway,
		"https://x.atlassian.net.example.com" + W: HostUnknown,
		"https://example.com/rest/api/3/myself":   HostUnknown,
		W + "/rest/api/3/myself":                  HostUnknown,
		"/rest/api/3/myself":                      HostUnknown,
		"https://x.atlass" + W:                    HostUnknown,
	} {
		if got := HostOf(strpat.Parse(url)); got != want {
			t.Errorf("HostOf(%s) = %v, want %v", url, got, want)
		}
	}
}

// TestWildcardNotLiteral: a wildcard segment (a value) that only a literal
// template segment can explain is not taken for it.
func TestWildcardNotLiteral(t *testing.T) {
	W := strpat.WildMark
	m := LookupString("GET", "/rest/api/3/workflow/"+W)
	if m.Kind != Unknown || len(m.Suggestions) == 0 || m.Suggestions[0].Route() != "GET /rest/api/3/workflow/search" {
		t.Errorf("GET workflow/… = %v %v suggestions %v; want no match, workflow/search suggested", m.Kind, routes(m.Ops), routes(m.Suggestions))
	}
	if m := LookupString("GET", "/rest/api/3/issue/"+W); m.Kind != Matched || m.Ops[0].Route() != "GET /rest/api/3/issue/{issueIdOrKey}" {
		t.Errorf("GET issue/… = %v %v; want the issue", m.Kind, routes(m.Ops))
	}
	if m := LookupString("GET", "/rest/api/3/workflow/search"); m.Kind != Matched {
		t.Errorf("the literal workflow/search = %v", m.Kind)
	}
}
