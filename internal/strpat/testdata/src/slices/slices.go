// Package slices joins slices whose elements are known at the join.
package slices

import (
	"fmt"
	"net/url"
	"path"
	"strings"
)

func use(string) {}

func joinLiteral(key string) {
	use(strings.Join([]string{"", "rest", "api", "3", "issue", key}, "/")) // want "/rest/api/3/issue/<key>"
	parts := []string{"rest", "api", "2", "search"}
	use("/" + strings.Join(parts, "/")) // want "/rest/api/2/search"
	use(strings.Join(parts, ""))        // want "restapi2search"
	use(strings.Join(nil, "/"))         // want ""
}

func appendChain(key string, more bool) {
	parts := []string{"", "rest", "api", "3"}
	parts = append(parts, "issue", key)
	parts = append(parts, []string{"comment"}...)
	use(strings.Join(parts, "/")) // want "/rest/api/3/issue/<key>/comment"
	var none []string
	none = append(none, "wiki", "rest", "api", "space")
	use("/" + strings.Join(none, "/")) // want "/wiki/rest/api/space"
	made := make([]string, 0, 4)
	made = append(made, "rest", "agile", "1.0", "board")
	use("/" + path.Join(made...)) // want "/rest/agile/1.0/board"
}

func pathJoin(base string, id int) {
	segs := []string{"rest", "api", "3", "project", fmt.Sprint(id)}
	use(path.Join(segs...))            // want "rest/api/3/project/…"
	use(path.Join("/", "rest/", "/x")) // want "/rest/x"
	u, _ := url.JoinPath(base, segs...)
	use(u) // want "<base>/rest/api/3/project/…"
	site, _ := url.Parse("https://x.atlassian.net/")
	use(site.JoinPath([]string{"wiki", "rest", "api", "content"}...).String()) // want "https://x.atlassian.net/wiki/rest/api/content"
}

// A constant index into a known slice, and strings.Split of a constant.
func index(key string) {
	roots := []string{"/rest/api/2", "/rest/api/3"}
	use(roots[1] + "/issue/" + key) // want "/rest/api/3/issue/<key>"
	segs := strings.Split("rest/servicedeskapi/request", "/")
	use("/" + strings.Join(segs, "/")) // want "/rest/servicedeskapi/request"
	use("/" + segs[2])                 // want "/request"
}

// An index the code computes: one of the elements.
func anyIndex(i int) {
	roots := []string{"/rest/api/2", "/rest/api/3"}
	use(roots[i] + "/myself") // want "/rest/api/2/myself" "/rest/api/3/myself"
}

// An element overwritten by constant index: either value.
func overwritten(v3 bool) {
	parts := []string{"rest", "api", "2", "search"}
	if v3 {
		parts[2] = "3"
	}
	use("/" + strings.Join(parts, "/")) // want "/rest/api/2/search" "/rest/api/3/search"
}

// A slice passed to a function that takes a []string (not variadic).
func joined(parts []string) string {
	return "/rest/api/3/" + strings.Join(parts, "/") // summary "/rest/api/3/<parts... sep \"/\">"
}

func passSlice(key string) {
	use(joined([]string{"issue", key, "worklog"})) // want "/rest/api/3/issue/<key>/worklog"
	use(joined(nil))                               // want "/rest/api/3/"
}

// A sub-slice with constant bounds.
func subSlice() {
	all := []string{"rest", "api", "3", "issue", "createmeta"}
	use("/" + strings.Join(all[:3], "/") + "/field") // want "/rest/api/3/field"
	use(strings.Join(all[3:], "/"))                  // want "issue/createmeta"
}
