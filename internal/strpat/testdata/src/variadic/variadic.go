// Package variadic builds paths in helpers that take the path's segments
// as a variadic (or slice) parameter; their summaries resolve at calls.
package variadic

import (
	"net/url"
	"path"
	"strings"
)

func use(string) {}

func joinHelper(parts ...string) string {
	return "/rest/api/2/" + strings.Join(parts, "/") // summary "/rest/api/2/<parts... sep \"/\">"
}

func loopHelper(parts ...string) string {
	s := "/rest/api/3"
	for _, p := range parts {
		s += "/" + p
	}
	return s // summary "/rest/api/3<parts... pre \"/\">"
}

func builderHelper(parts ...string) string {
	var b strings.Builder
	b.WriteString("/wiki/rest/api")
	for _, p := range parts {
		b.WriteString("/")
		b.WriteString(p)
	}
	return b.String() // summary "/wiki/rest/api<parts... pre \"/\">"
}

func separatorHelper(parts ...string) string {
	var b strings.Builder
	for i, p := range parts {
		if i > 0 {
			b.WriteByte('/')
		}
		b.WriteString(p)
	}
	return "/rest/agile/1.0/" + b.String() // summary "/rest/agile/1.0/<parts... sep \"/\">"
}

func pathHelper(more ...string) string {
	return "/" + path.Join(append([]string{"rest", "api", "3"}, more...)...) // summary "/rest/api/3<more... pre \"/\">"
}

func joinPathHelper(base string, elems ...string) string {
	u, _ := url.JoinPath(base, elems...)
	return u // summary "<base><elems... pre \"/\">"
}

func callers(key string) {
	use(joinHelper("search"))                                                   // want "/rest/api/2/search"
	use(joinHelper("issue", key, "comment"))                                    // want "/rest/api/2/issue/<key>/comment"
	use(joinHelper())                                                           // want "/rest/api/2/"
	use(loopHelper("issue", url.PathEscape(key)))                               // want "/rest/api/3/issue/…"
	use(loopHelper())                                                           // want "/rest/api/3"
	use(builderHelper("space", key, "content"))                                 // want "/wiki/rest/api/space/<key>/content"
	use(separatorHelper("board", key, "sprint"))                                // want "/rest/agile/1.0/board/<key>/sprint"
	use(pathHelper("issue", key))                                               // want "/rest/api/3/issue/<key>"
	use(joinPathHelper("https://x.atlassian.net", "rest", "api", "3", "field")) // want "https://x.atlassian.net/rest/api/3/field"
	parts := []string{"project", key, "versions"}
	use(loopHelper(parts...)) // want "/rest/api/3/project/<key>/versions"
}

// A helper that forwards its segments to another one.
func forward(parts ...string) string {
	return loopHelper(append([]string{"issue"}, parts...)...) // summary "/rest/api/3/issue<parts... pre \"/\">"
}

func forwarding(key string) {
	use(forward(key, "changelog")) // want "/rest/api/3/issue/<key>/changelog"
}

// Elements around a forwarded slice.
func around(parts ...string) string {
	return strings.Join(append(append([]string{"", "rest"}, parts...), "x"), "/") // summary "/rest<parts... pre \"/\">/x"
}

func aroundCalls() {
	use(around("api", "3")) // want "/rest/api/3/x"
	use(around())           // want "/rest/x"
}

// String() inside a loop over a slice parameter: each prefix of the path,
// which the summary cannot express.
func prefixes(parts ...string) string {
	var b strings.Builder
	b.WriteString("/rest/api/3")
	last := ""
	for _, p := range parts {
		b.WriteString("/" + p)
		last = b.String()
	}
	return last // summary "" "/rest/api/3…"
}
