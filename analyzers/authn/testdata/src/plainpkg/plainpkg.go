// want package:"hasWrappers"

// Package plainpkg has nothing to do with Atlassian: its basic auth is not
// reported, but its wrapper is summarised for the packages that call it.
package plainpkg

import "net/http"

// Authorize sets basic auth on a request.
func Authorize(req *http.Request, user, token string) { // want Authorize:`authWrapper\(\(\*http.Request\).SetBasicAuth, secrets \[2\]\)`
	req.SetBasicAuth(user, token)
}

func jenkins(req *http.Request, user, token string) {
	req.SetBasicAuth(user, token)
}
