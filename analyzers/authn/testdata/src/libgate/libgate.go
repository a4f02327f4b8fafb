// want package:"hasWrappers"

// Package libgate imports a Jira client library, but that does not make
// every request of it Atlassian's: its own basic auth goes to a request it
// is given, from nowhere in this package.
package libgate

import (
	"net/http"

	jira "github.com/andygrunwald/go-jira"
)

var _ *jira.Client

func Call(req *http.Request, user, token string) { // want Call:`authWrapper\(\(\*http.Request\).SetBasicAuth, secrets \[2\], request 0\)`
	req.SetBasicAuth(user, token)
}
