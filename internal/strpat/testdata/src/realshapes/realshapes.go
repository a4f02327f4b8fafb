// Package realshapes rebuilds, in its own words, three ways public Jira
// clients written in Go assemble request paths from segments.
package realshapes

import (
	"fmt"
	"net/url"
	"path"
	"strings"
)

func use(string) {}

// 1. A variadic helper writes a fixed API root, then "/" and each
// segment that is not empty once its slashes are trimmed (an MCP server
// for Jira Data Center and Cloud).

const root = "/rest/api/latest/"

func endpoint(segments ...string) string {
	var sb strings.Builder
	sb.WriteString(strings.TrimSuffix(root, "/"))
	for _, seg := range segments {
		s := strings.Trim(seg, "/")
		if s != "" {
			sb.WriteByte('/')
			sb.WriteString(s)
		}
	}
	return sb.String() // summary "/rest/api/latest<segments... pre \"/\">"
}

func projects(max int) {
	p := endpoint("project")
	if max > 0 {
		p += "?maxResults=" + fmt.Sprint(max)
	}
	use(p) // want "/rest/api/latest/project" "/rest/api/latest/project?maxResults=…"
}

func comment(key string) {
	use(endpoint("issue", url.PathEscape(key), "comment")) // want "/rest/api/latest/issue/…/comment"
}

// 2. Methods pass the path as a slice of segments through two helpers
// down to (*url.URL).JoinPath; one appends an optional ID on some paths
// only (a Jira Data Center client).

type Client struct{ Site string }

func buildURL(site string, segments []string, query url.Values) string {
	u, _ := url.Parse(site)
	u = u.JoinPath(segments...)
	u.RawQuery = query.Encode()
	return u.String()
}

func (c *Client) do(method string, segments []string, query url.Values) string {
	return method + " " + buildURL(c.Site, segments, query)
}

func (c *Client) issue(key string) {
	use(c.do("GET", []string{"rest", "api", "2", "issue", key}, nil)) // want "GET …/rest/api/2/issue/<key>?…"
}

func (c *Client) worklogs(key string, id ...string) {
	segs := []string{"rest", "api", "2", "issue", key, "worklog"}
	if len(id) > 0 && id[0] != "" {
		segs = append(segs, id[0])
	}
	use(c.do("GET", segs, nil)) // want "GET …/rest/api/2/issue/<key>/worklog/…?…" "GET …/rest/api/2/issue/<key>/worklog?…"
}

// 3. A generic helper joins a base URL and path elements with path.Join
// and fmt.Sprintf (REST clients in several projects).

func joinURL(base string, elems ...string) string {
	p := path.Join(elems...)
	return fmt.Sprintf("%s/%s", strings.TrimRight(base, "/"), strings.TrimLeft(p, "/")) // summary "<base>/<elems... sep \"/\">"
}

func transitions(site, key string) {
	use(joinURL(site, "rest/api/3", "issue", key, "transitions")) // want "<site>/rest/api/3/issue/<key>/transitions"
}
