// Package wrapuser calls Jira through another package's basic-auth wrapper.
package wrapuser

import (
	"net/http"
	"os"

	"plainpkg"
)

func search() {
	req, _ := http.NewRequest("GET", "https://example.atlassian.net/rest/api/3/search", nil)
	plainpkg.Authorize(req, os.Getenv("USER"), os.Getenv("TOKEN")) // want `plainpkg.Authorize sends basic auth \(through \(\*http.Request\).SetBasicAuth\) to Atlassian: use OAuth 2.0 \(3LO\) or Connect JWT instead`
	plainpkg.Authorize(req, "bot", "hunter2")                      // want `plainpkg.Authorize sends basic auth` `hard-coded password or API token \(7 chars\) passed to plainpkg.Authorize`
}
