// Package usersimport is the Jira client of a Connect app whose routes
// live in another package: the evidence travels as a fact.
package usersimport

import (
	"connectroutes"
	"net/http"
	"os"
)

var _ = connectroutes.Routes

func myself() {
	req, _ := http.NewRequest("GET", "https://example.atlassian.net/rest/api/3/myself", nil)
	req.SetBasicAuth(os.Getenv("JIRA_USER"), os.Getenv("JIRA_TOKEN")) // want `basic auth with \(\*http.Request\).SetBasicAuth in a Connect app \(it serves atlassian-connect.json\)`
	http.DefaultClient.Do(req)
}
