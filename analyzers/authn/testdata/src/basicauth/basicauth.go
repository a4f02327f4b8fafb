// Package basicauth is a single-user tool (a CLI, a bot): basic auth with
// an API token is what Atlassian supports there, so it is not reported.
// Its hard-coded secrets and a password sent to Atlassian Cloud are.
package basicauth

import (
	"encoding/base64"
	"fmt"
	"net/http"
	"os"

	jira "github.com/andygrunwald/go-jira"
	v3 "github.com/ctreminiom/go-atlassian/v2/jira/v3"
)

const site = "https://example.atlassian.net"

func constantJiraURL() {
	req, _ := http.NewRequest("GET", site+"/rest/api/3/myself", nil)
	req.SetBasicAuth(os.Getenv("JIRA_USER"), os.Getenv("JIRA_API_TOKEN"))
	http.DefaultClient.Do(req)
}

func header(req *http.Request, user, token string) {
	req.Header.Set("Authorization", "Basic "+base64.StdEncoding.EncodeToString([]byte(user+":"+token)))
}

func sprintfHeader(req *http.Request, encoded string) {
	req.Header.Set("Authorization", fmt.Sprintf("Basic %s", encoded))
}

func goJira() {
	tp := jira.BasicAuthTransport{
		Username: os.Getenv("JIRA_USER"),
		Password: os.Getenv("JIRA_TOKEN"),
	}
	jira.NewClient(tp.Client(), site)
}

func goAtlassian(password string) {
	client, _ := v3.New(nil, site)
	client.Auth.SetBasicAuth(os.Getenv("MAIL"), os.Getenv("TOKEN"))
	client.Auth.SetBasicAuth(os.Getenv("MAIL"), password) // a password, but where the client goes is not known: Server and Data Center accept it
}

// A password rather than an API token, sent to Atlassian Cloud, which
// refuses passwords for basic auth.
func cloudPassword() {
	req, _ := http.NewRequest("GET", site+"/rest/api/3/myself", nil)
	req.SetBasicAuth(os.Getenv("JIRA_USER"), os.Getenv("JIRA_PASSWORD")) // want `basic auth with \(\*http.Request\).SetBasicAuth sends a password \(os.Getenv\("JIRA_PASSWORD"\)\) to Atlassian Cloud, which accepts only API tokens for basic auth: use an API token, or a scoped API token through https://api.atlassian.com/ex/\{product\}/\{cloudId\}`
	http.DefaultClient.Do(req)
}

func serverPassword(base, password string) {
	req, _ := http.NewRequest("GET", base+"/rest/api/2/myself", nil)
	req.SetBasicAuth("bot", password) // Jira Server or Data Center: a password is accepted there
	http.DefaultClient.Do(req)
}

// Hard-coded credentials are reported whenever they go to Atlassian.
func hardcoded() {
	req, _ := http.NewRequest("GET", site+"/rest/api/3/myself", nil)
	req.SetBasicAuth("bot@example.com", "hunter2-but-longer") // want `hard-coded password or API token "hunt…" \(18 chars\) passed to \(\*http.Request\).SetBasicAuth`
	http.DefaultClient.Do(req)
}

func hardcodedElsewhere() {
	req, _ := http.NewRequest("GET", "https://ci.example.com/api/json", nil)
	req.SetBasicAuth("bot", "hunter2-but-longer") // another service's credential: not Atlassian's business
	http.DefaultClient.Do(req)
}

// Text that merely starts with "Basic " is not a credential: error and log
// messages are prose.
func messages(err error, user string) (string, string) {
	return fmt.Sprintf("Basic claims validation failed: %v", err), "Basic auth for " + user + " failed"
}

func headerFromMessage(req *http.Request, err error) {
	req.Header.Set("X-Reason", fmt.Sprintf("Basic check failed: %v", err))
}
