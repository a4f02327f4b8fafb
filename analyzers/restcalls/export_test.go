package restcalls

import (
	"strings"

	"github.com/connectlint/connectlint/internal/apispec"
	"github.com/connectlint/connectlint/internal/strpat"
)

// FakeLookup stands in for the API table so that the discovery tests
// check method and URL patterns only: any URL with a /rest/ or /wiki/
// path on no fixed host, or on an Atlassian host, "looks Atlassian".
func FakeLookup(method string, url strpat.Pattern) apispec.Match {
	s := url.String()
	if !strings.Contains(s, "/rest/") && !strings.Contains(s, "/wiki/") {
		return apispec.Match{Kind: apispec.NotAtlassian}
	}
	if url.IsAbs() {
		host := strings.SplitN(strings.SplitN(s, "://", 2)[1], "/", 2)[0]
		if !strings.HasSuffix(host, ".atlassian.net") && host != "api.atlassian.com" && !strings.HasPrefix(host, strpat.WildMark) {
			return apispec.Match{Kind: apispec.NotAtlassian}
		}
	}
	return apispec.Match{Kind: apispec.Unknown}
}

// UseLookup replaces the API table matcher, returning a function that
// restores it.
func UseLookup(f func(string, strpat.Pattern) apispec.Match) func() {
	old := lookup
	lookup = f
	return func() { lookup = old }
}

// SetReport turns the inventory diagnostics on or off.
func SetReport(on bool) { report = on }

// Candidates returns every request found before the API table filtered them.
func Candidates(r *Result) []*Call { return r.candidates }
