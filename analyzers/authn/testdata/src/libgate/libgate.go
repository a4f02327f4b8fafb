// Package libgate imports a Jira client library, which makes its raw basic
// auth Atlassian-related too.
package libgate

import (
	"net/http"

	jira "github.com/andygrunwald/go-jira"
)

var _ *jira.Client

func call(req *http.Request, user, token string) {
	req.SetBasicAuth(user, token) // want `basic auth with \(\*http.Request\).SetBasicAuth`
}
