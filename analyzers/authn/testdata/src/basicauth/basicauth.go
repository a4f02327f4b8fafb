// Package basicauth talks to Jira Cloud with basic auth in every way the
// basic-auth rule knows.
package basicauth

import (
	"encoding/base64"
	"fmt"
	"net/http"
	"os"

	jira "github.com/andygrunwald/go-jira"
	"github.com/andygrunwald/go-jira/v2/cloud"
	"github.com/andygrunwald/go-jira/v2/onpremise"
	v3 "github.com/ctreminiom/go-atlassian/v2/jira/v3"
	kaos "github.com/essentialkaos/go-jira/v2"
)

const site = "https://example.atlassian.net"

func rawRequest(url, user, token string) (*http.Response, error) {
	req, err := http.NewRequest("GET", url, nil)
	if err != nil {
		return nil, err
	}
	req.SetBasicAuth(user, token) // want `basic auth with \(\*http.Request\).SetBasicAuth sends the user's credentials with every Atlassian request: use OAuth 2.0 \(3LO\) or Connect JWT instead \(API-token basic auth is meant for personal scripts and bots\)`
	return http.DefaultClient.Do(req)
}

func otherService(user, token string) {
	// A constant URL of another service is not Atlassian's business.
	req, _ := http.NewRequest("GET", "https://api.github.com/user", nil)
	req.SetBasicAuth(user, token)
	http.DefaultClient.Do(req)
}

func constantJiraURL() {
	req, _ := http.NewRequest("GET", site+"/rest/api/3/myself", nil)
	req.SetBasicAuth(os.Getenv("JIRA_USER"), os.Getenv("JIRA_TOKEN")) // want `basic auth with \(\*http.Request\).SetBasicAuth`
	http.DefaultClient.Do(req)
}

func header(req *http.Request, user, token string) {
	req.Header.Set("Authorization", "Basic "+base64.StdEncoding.EncodeToString([]byte(user+":"+token))) // want `basic auth with an Authorization header built as "Basic "\+\.\.\.`
}

func sprintfHeader(req *http.Request, encoded string) {
	req.Header.Set("Authorization", fmt.Sprintf("Basic %s", encoded)) // want `basic auth with an Authorization header built as "Basic "`
}

func literalHeader(req *http.Request) {
	req.Header.Set("Authorization", "Basic Ym90Omh1bnRlcjI=") // want `basic auth with an Authorization header "Basic \.\.\."` `hard-coded basic auth credentials \(16 chars of base64\)`
}

func bearerHeader(req *http.Request, token string) {
	req.Header.Set("Authorization", "Bearer "+token) // not basic auth
}

func goJira() {
	tp := jira.BasicAuthTransport{ // want `basic auth with go-jira BasicAuthTransport`
		Username: os.Getenv("JIRA_USER"),
		Password: os.Getenv("JIRA_TOKEN"),
	}
	client, _ := jira.NewClient(tp.Client(), site)
	client.Authentication.SetBasicAuth("bot", os.Getenv("JIRA_TOKEN")) // want `basic auth with go-jira Authentication.SetBasicAuth`
}

func goJiraV2() {
	_ = cloud.BasicAuthTransport{Username: "bot@example.com", APIToken: os.Getenv("JIRA_TOKEN")} // want `basic auth with go-jira BasicAuthTransport`
	_ = &onpremise.BasicAuthTransport{Username: "bot", Password: os.Getenv("JIRA_PASSWORD")}     // want `basic auth with go-jira BasicAuthTransport`
}

func goAtlassian() {
	client, _ := v3.New(nil, site)
	client.Auth.SetBasicAuth(os.Getenv("MAIL"), os.Getenv("TOKEN")) // want `basic auth with go-atlassian Auth.SetBasicAuth`
	client.Auth.SetBearerToken(os.Getenv("TOKEN"))                  // OAuth 2.0 access token: fine
}

func essentialKaos(password string) {
	kaos.NewAPI(site, kaos.AuthBasic{"john", password})             // want `basic auth with essentialkaos jira.AuthBasic`
	kaos.NewAPI(site, kaos.AuthToken{Token: os.Getenv("JIRA_PAT")}) // a personal access token: fine
}

// authorize is a wrapper: the finding is its SetBasicAuth call, and a literal
// password passed by a caller is a hardcoded secret.
func authorize(req *http.Request, user, token string) {
	login := user
	req.SetBasicAuth(login, token) // want `basic auth with \(\*http.Request\).SetBasicAuth`
}

func callsWrapper(req *http.Request) {
	authorize(req, os.Getenv("USER"), os.Getenv("TOKEN"))
	authorize(req, "bot", "hunter2") // want `hard-coded password or API token \(7 chars\) passed to basicauth.authorize \(which hands it to \(\*http.Request\).SetBasicAuth\)`
}

// authorizeTwice wraps the wrapper.
func authorizeTwice(req *http.Request, secret string) {
	authorize(req, "bot", secret)
}

func callsWrapperOfWrapper(req *http.Request) {
	authorizeTwice(req, "correct-horse-battery-staple") // want `hard-coded password or API token "corr…" \(28 chars\) passed to basicauth.authorizeTwice`
}

// Text that merely starts with "Basic " is not a credential: error and log
// messages are prose.
func messages(err error, user string) (string, string) {
	return fmt.Sprintf("Basic claims validation failed: %v", err), "Basic auth for " + user + " failed"
}

func headerFromMessage(req *http.Request, err error) {
	req.Header.Set("X-Reason", fmt.Sprintf("Basic check failed: %v", err))
}
