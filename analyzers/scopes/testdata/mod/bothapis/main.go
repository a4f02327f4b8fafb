package main // want package:"\\) needs READ}$"

// Supports Cloud and Server/Data Center: the deprecated search on REST v2
// (all Jira Server has) next to its Cloud replacement on v3 is the Server
// branch and is not reported; a deprecated call on v3 still is, even next
// to its replacement (a half-done migration).

import "net/http"

var base string

func search(cloud bool, jql string) {
	if cloud {
		http.Get(base + "/rest/api/3/search/jql?jql=" + jql)
		return
	}
	http.Get(base + "/rest/api/2/search?jql=" + jql)
}

func main() {
	search(true, "")
	jiraCLI(false)
	jiraServerClient{}.projects()
	http.Get(base + "/rest/api/3/search?jql=x") // want `^GET /rest/api/3/search is deprecated$`
}

// jiraCLI chooses the API version by installation, like jira-cli: the v2
// call is the Server branch; the v3 one, deprecated on Cloud, is reported.
func jiraCLI(local bool) {
	if local {
		http.Get(base + "/rest/api/2/search?jql=a")
	} else {
		http.Get(base + "/rest/api/3/search?jql=a") // want `^GET /rest/api/3/search is deprecated$`
	}
}

// jiraServerClient is a client for Jira Server: its calls are not judged
// by Cloud's deprecations.
type jiraServerClient struct{}

func (jiraServerClient) projects() { http.Get(base + "/rest/api/2/project") }
