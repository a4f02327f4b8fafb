// Package direct makes requests with net/http directly.
package direct

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"path"
	"strings"
)

const apiBase = "/rest/api/3"

type Config struct {
	BaseURL string
	Site    *url.URL
}

func Get(ctx context.Context, base, key string) { // want Get:`sends GET <base>/rest/api/3/issue/<key>`
	req, _ := http.NewRequestWithContext(ctx, http.MethodGet, base+"/rest/api/3/issue/"+key, nil) // want `call GET …/rest/api/3/issue/… via net/http`
	resp, err := http.DefaultClient.Do(req)
	_, _ = resp, err
}

func constants(cfg Config) {
	http.Get(cfg.BaseURL + apiBase + "/myself")                                    // want `call GET …/rest/api/3/myself via net/http`
	http.Post(cfg.BaseURL+"/rest/api/3/issue", "application/json", nil)            // want `call POST …/rest/api/3/issue via net/http`
	http.Head("https://example.atlassian.net/rest/api/3/serverInfo")               // want `call HEAD https://example.atlassian.net/rest/api/3/serverInfo via net/http`
	http.PostForm("https://example.atlassian.net/rest/api/3/search", url.Values{}) // want `call POST https://example.atlassian.net/rest/api/3/search via net/http`
	c := &http.Client{}
	c.Get(cfg.BaseURL + "/wiki/rest/api/space") // want `call GET …/wiki/rest/api/space via net/http`
}

func sprintf(cfg Config, key string, n int) {
	u := fmt.Sprintf("%s/rest/api/%d/issue/%s/comment?maxResults=%d&x=100%%", cfg.BaseURL, 3, key, n)
	req, _ := http.NewRequest("POST", u, nil) // want `call POST …/rest/api/3/issue/…/comment\?maxResults=…&x=100% via net/http`
	http.DefaultClient.Do(req)
}

func parsed(cfg Config, key string) {
	rel, _ := url.Parse("rest/api/3/issue/" + key)
	u := cfg.Site.ResolveReference(rel)
	req, _ := http.NewRequest(http.MethodDelete, u.String(), nil) // want `call DELETE …/rest/api/3/issue/… via net/http`
	http.DefaultClient.Do(req)

	abs, _ := url.Parse("https://example.atlassian.net/wiki/x")
	v := abs.ResolveReference(&url.URL{Path: "/wiki/api/v2/pages"})
	req2, _ := http.NewRequest(http.MethodGet, v.String(), nil) // want `call GET https://example.atlassian.net/wiki/api/v2/pages via net/http`
	http.DefaultClient.Do(req2)
}

func joins(cfg Config, id string) {
	p := path.Join("/rest/api/3", "project", id)
	http.Get(cfg.BaseURL + p) // want `call GET …/rest/api/3/project/… via net/http`

	s, _ := url.JoinPath(cfg.BaseURL, "rest/agile/1.0/board/", id)
	http.Get(s) // want `call GET …/rest/agile/1.0/board/… via net/http`

	u := cfg.Site.JoinPath("rest", "api", "3", "field")
	http.Get(u.String()) // want `call GET …/rest/api/3/field via net/http`
}

func builder(cfg Config, key string) {
	var b strings.Builder
	b.WriteString(cfg.BaseURL)
	b.WriteString("/rest/api/3/issue/")
	b.WriteString(key)
	b.WriteByte('/')
	b.WriteString("transitions")
	http.Get(b.String()) // want `call GET …/rest/api/3/issue/…/transitions via net/http`
}

func urlLiteral(cfg Config, jql string) {
	q := url.Values{}
	q.Set("jql", jql)
	u := &url.URL{Scheme: "https", Host: cfg.Site.Host, Path: "/rest/api/3/search/jql", RawQuery: q.Encode()}
	http.Get(u.String()) // want `call GET https://…/rest/api/3/search/jql\?… via net/http`

	v, _ := url.Parse(cfg.BaseURL)
	v.Path = "/rest/api/3/dashboard"
	http.Get(v.String()) // want `call GET …/rest/api/3/dashboard via net/http`
}

func setAfter(ctx context.Context, cfg Config) {
	req, _ := http.NewRequest(http.MethodGet, cfg.BaseURL, nil) // want `call PUT …/rest/api/3/issue/K-1/assignee via net/http`
	req.Method = http.MethodPut
	req.URL, _ = url.Parse(cfg.BaseURL + "/rest/api/3/issue/" + "K-1" + "/assignee")
	http.DefaultClient.Do(req.WithContext(ctx))

	r2 := &http.Request{Method: "PATCH", Header: http.Header{}}
	r2.URL, _ = url.Parse(cfg.BaseURL + "/rest/api/3/x")
	http.DefaultClient.Do(r2) // want `call PATCH …/rest/api/3/x via net/http`
}

func branches(cfg Config, del bool, key string) {
	method := http.MethodGet
	if del {
		method = http.MethodDelete
	}
	p := "/rest/api/3/issue/" + key
	if key == "" {
		p = "/rest/api/3/issue/bulk"
	}
	req, _ := http.NewRequest(method, cfg.BaseURL+p, nil) // want `call GET …/rest/api/3/issue/… via net/http` `call GET …/rest/api/3/issue/bulk via net/http` `call DELETE …/rest/api/3/issue/… via net/http` `call DELETE …/rest/api/3/issue/bulk via net/http`
	http.DefaultClient.Do(req)
}

func unknownMethod(cfg Config, methods []string) {
	req, _ := http.NewRequest(methods[0], cfg.BaseURL+"/rest/api/3/myself", nil) // want `call \(any method\) …/rest/api/3/myself via net/http`
	http.DefaultClient.Do(req)
}

func builtOnly(cfg Config) *http.Client {
	req, _ := http.NewRequest("GET", cfg.BaseURL+"/rest/api/3/status", nil) // want `call GET …/rest/api/3/status via net/http \(request built, not sent here\)`
	_ = req
	return nil
}

// Negative cases: other hosts, strings that never reach a request, paths
// that are not Atlassian REST paths.
func negatives(cfg Config, key string) {
	http.Get("https://api.github.com/repos/x/y/issues")
	http.Post("https://hooks.slack.com/services/T/B/X", "application/json", nil)
	fmt.Println("GET /rest/api/3/issue/" + key) // a log line
	_ = cfg.BaseURL + "/rest/api/3/issue/" + key
	http.Get(cfg.BaseURL + "/healthz")
	req, _ := http.NewRequest("GET", "https://example.com/rest/of/the/world", nil)
	http.DefaultClient.Do(req)
}

// A loop-carried string (cyclic phi) terminates.
func loop(cfg Config, parts []string) {
	u := cfg.BaseURL + "/rest/api/3"
	for _, p := range parts {
		u = u + "/" + p
	}
	http.Get(u) // want `call GET …/rest/api/3… via net/http`
}

func retry(n int, f func() (*http.Response, error)) (*http.Response, error) {
	for range n {
		if resp, err := f(); err == nil {
			return resp, nil
		}
	}
	return nil, nil
}

// A request sent by a closure that captures it.
func withRetry(cfg Config) {
	req, _ := http.NewRequest("GET", cfg.BaseURL+"/rest/api/3/mypermissions", nil)
	resp, _ := retry(3, func() (*http.Response, error) {
		return http.DefaultClient.Do(req) // want `call GET …/rest/api/3/mypermissions via net/http`
	})
	_ = resp
	req.Header.Set("X", "y")
}

func fieldsAfter(cfg Config, key string) {
	req, _ := http.NewRequest("GET", cfg.BaseURL, nil) // want `call GET …/rest/api/3/issue/…/changelog\?… via net/http`
	req.URL.Path = "/rest/api/3/issue/" + key + "/changelog"
	q := req.URL.Query()
	q.Set("startAt", "0")
	req.URL.RawQuery = q.Encode()
	http.DefaultClient.Do(req)

	u := *cfg.Site
	u.Path = path.Join(u.Path, "rest/api/3/groups/picker")
	http.Get(u.String()) // want `call GET …/rest/api/3/groups/picker via net/http`

	http.Get(strings.Join([]string{cfg.BaseURL, "rest", "api", "3", "label"}, "/")) // want `call GET …/rest/api/3/label via net/http`
}

func conditionalMethod(cfg Config, del bool) {
	req, _ := http.NewRequest("GET", cfg.BaseURL+"/rest/api/3/version/1", nil) // want `call GET …/rest/api/3/version/1 via net/http` `call DELETE …/rest/api/3/version/1 via net/http`
	if del {
		req.Method = "DELETE"
	}
	http.DefaultClient.Do(req)
}

var site = "https://example.atlassian.net"

func init() {
	http.Get(site + "/rest/api/3/configuration") // want `call GET https://example.atlassian.net/rest/api/3/configuration via net/http`
}

var probe = func() { http.Head(site + "/rest/api/3/serverInfo") } // want `call HEAD https://example.atlassian.net/rest/api/3/serverInfo via net/http`

var jiraBase = "https://example.atlassian.net"

func setBase(s string) { jiraBase = s }

func useGlobal() {
	http.Get(jiraBase + "/rest/api/3/workflow") // want `call GET https://example.atlassian.net/rest/api/3/workflow via net/http` `call GET …/rest/api/3/workflow via net/http`
}

const issueCommentTemplate = "/rest/api/3/issue/{issueIdOrKey}/comment/{id}"

func templates(cfg Config, key, id string) {
	p := strings.Replace(issueCommentTemplate, "{issueIdOrKey}", key, 1)
	p = strings.ReplaceAll(p, "{id}", "10")
	http.Get(cfg.BaseURL + p) // want `call GET …/rest/api/3/issue/…/comment/10 via net/http`
}

func valueLiteral(jql string) {
	u := url.URL{Path: "rest/api/3/search/jql"}
	q := url.Values{}
	q.Set("jql", jql)
	u.RawQuery = q.Encode()
	http.Get("https://example.atlassian.net/" + u.String()) // want `call GET https://example.atlassian.net/rest/api/3/search/jql\?… via net/http`
}

func opaque(cfg Config) {
	http.Get(cfg.BaseURL) // the URL is all configuration: listed as opaque
}
