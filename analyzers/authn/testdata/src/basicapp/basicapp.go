// want package:"actsForUsers\\(a Connect app \\(atlassian-connect.json\\)\\)"

// Package basicapp is a Connect app (its atlassian-connect.json is next to
// it): it acts for the users of every tenant, so basic auth with one
// account's credentials is reported wherever its requests go to Atlassian.
package basicapp

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

func constantJiraURL() {
	req, _ := http.NewRequest("GET", site+"/rest/api/3/myself", nil)
	req.SetBasicAuth(os.Getenv("JIRA_USER"), os.Getenv("JIRA_TOKEN")) // want `basic auth with \(\*http.Request\).SetBasicAuth in a Connect app \(atlassian-connect.json\): the requests it makes for its users carry one account's credentials and permissions; call Atlassian as the app with its Connect JWT, or as the user through the JWT bearer grant \(scope ACT_AS_USER\)`
	http.DefaultClient.Do(req)
}

func serverPath(base string) {
	req, _ := http.NewRequest("GET", base+"/rest/api/2/issue/KEY-1", nil) // a REST path: Jira, wherever it runs
	req.SetBasicAuth(os.Getenv("JIRA_USER"), os.Getenv("JIRA_TOKEN"))     // want `basic auth with \(\*http.Request\).SetBasicAuth in a Connect app`
	http.DefaultClient.Do(req)
}

func otherService(user, token string) {
	// A constant URL of another service is not Atlassian's business.
	req, _ := http.NewRequest("GET", "https://api.github.com/user", nil)
	req.SetBasicAuth(user, token)
	http.DefaultClient.Do(req)
}

func unknownURL(url, user, token string) {
	// Where url points cannot be told: nothing is said.
	req, _ := http.NewRequest("GET", url, nil)
	req.SetBasicAuth(user, token)
	http.DefaultClient.Do(req)
}

// setAdminAuth sets one admin's API token on a request it is given: its
// callers say where the request goes.
func setAdminAuth(req *http.Request) {
	enc := base64.StdEncoding.EncodeToString([]byte(os.Getenv("ADMIN_EMAIL") + ":" + os.Getenv("ADMIN_TOKEN")))
	req.Header.Set("Authorization", "Basic "+enc) // want `basic auth with an Authorization header built as "Basic "\+\.\.\. in a Connect app`
}

func issueForAnyUser(key string) {
	req, _ := http.NewRequest("GET", site+"/rest/api/3/issue/"+key, nil)
	setAdminAuth(req)
	http.DefaultClient.Do(req)
}

// setBotAuth is only used for another service.
func setBotAuth(req *http.Request) {
	req.Header.Set("Authorization", fmt.Sprintf("Basic %s", os.Getenv("CI_BASIC")))
}

func triggerBuild() {
	req, _ := http.NewRequest("POST", "https://ci.example.com/job/build", nil)
	setBotAuth(req)
	http.DefaultClient.Do(req)
}

// client is the app's own Jira client: do builds the request from its
// callers' paths.
type client struct {
	base, user, token string
	http              *http.Client
}

func (c *client) do(method, path string) (*http.Response, error) {
	req, err := http.NewRequest(method, c.base+path, nil)
	if err != nil {
		return nil, err
	}
	req.SetBasicAuth(c.user, c.token) // want `basic auth with \(\*http.Request\).SetBasicAuth in a Connect app`
	return c.http.Do(req)
}

func (c *client) issue(key string) (*http.Response, error) {
	return c.do("GET", "/rest/api/3/issue/"+key)
}

// hookClient posts to a chat service the same way: its callers' paths are
// not Atlassian's.
type hookClient struct {
	base, user, token string
}

func (h *hookClient) post(path string) {
	req, _ := http.NewRequest("POST", h.base+path, nil)
	req.SetBasicAuth(h.user, h.token)
	http.DefaultClient.Do(req)
}

func (h *hookClient) notify() { h.post("/hooks/alerts") }

// storedHeader keeps the header value for later requests.
type storedHeader struct{ auth string }

func newStoredHeader(email, token string) *storedHeader {
	return &storedHeader{auth: "Basic " + base64.StdEncoding.EncodeToString([]byte(email+":"+token))} // want `basic auth with an Authorization header built as "Basic "\+\.\.\. in a Connect app`
}

func (s *storedHeader) myself() {
	req, _ := http.NewRequest("GET", site+"/rest/api/3/myself", nil)
	req.Header.Set("Authorization", s.auth)
	http.DefaultClient.Do(req)
}

func literalHeader() {
	req, _ := http.NewRequest("GET", site+"/rest/api/3/myself", nil)
	req.Header.Set("Authorization", "Basic Ym90Omh1bnRlcjI=") // want `basic auth with an Authorization header "Basic \.\.\." in a Connect app` `hard-coded basic auth credentials \(16 chars of base64\)`
	http.DefaultClient.Do(req)
}

func placeholderHeader() {
	req, _ := http.NewRequest("GET", site+"/rest/api/3/myself", nil)
	req.Header.Set("Authorization", "Basic dXNlcjo8dG9rZW4+") // want `basic auth with an Authorization header "Basic \.\.\." in a Connect app`
	http.DefaultClient.Do(req)
}

func bearerHeader(token string) {
	req, _ := http.NewRequest("GET", site+"/rest/api/3/myself", nil)
	req.Header.Set("Authorization", "Bearer "+token) // not basic auth
	http.DefaultClient.Do(req)
}

// Text that merely starts with "Basic " is not a credential: error and log
// messages are prose.
func messages(err error, user string) (string, string) {
	return fmt.Sprintf("Basic claims validation failed: %v", err), "Basic auth for " + user + " failed"
}

func goJira() {
	tp := jira.BasicAuthTransport{ // want `basic auth with go-jira BasicAuthTransport in a Connect app`
		Username: os.Getenv("JIRA_USER"),
		Password: os.Getenv("JIRA_TOKEN"),
	}
	client, _ := jira.NewClient(tp.Client(), site)
	client.Authentication.SetBasicAuth("bot", os.Getenv("JIRA_TOKEN")) // want `basic auth with go-jira Authentication.SetBasicAuth in a Connect app`
}

func goJiraV2() {
	_ = cloud.BasicAuthTransport{Username: "bot@example.com", APIToken: os.Getenv("JIRA_TOKEN")} // want `basic auth with go-jira BasicAuthTransport in a Connect app`
	_ = &onpremise.BasicAuthTransport{Username: "bot", Password: os.Getenv("JIRA_PASSWORD")}     // want `basic auth with go-jira BasicAuthTransport in a Connect app`
}

func goAtlassian() {
	client, _ := v3.New(nil, site)
	client.Auth.SetBasicAuth(os.Getenv("MAIL"), os.Getenv("TOKEN")) // want `basic auth with go-atlassian Auth.SetBasicAuth in a Connect app`
	client.Auth.SetBearerToken(os.Getenv("TOKEN"))                  // OAuth 2.0 access token: fine
}

func essentialKaos(password string) {
	kaos.NewAPI(site, kaos.AuthBasic{"john", password})             // want `basic auth with essentialkaos jira.AuthBasic in a Connect app`
	kaos.NewAPI(site, kaos.AuthToken{Token: os.Getenv("JIRA_PAT")}) // a personal access token: fine
}

// authorize is a wrapper: the finding is its SetBasicAuth call, and a
// literal password passed by a caller is a hardcoded secret.
func authorize(req *http.Request, user, token string) {
	login := user
	req.SetBasicAuth(login, token) // want `basic auth with \(\*http.Request\).SetBasicAuth in a Connect app`
}

func callsWrapper() {
	req, _ := http.NewRequest("GET", site+"/rest/api/3/search/jql", nil)
	authorize(req, os.Getenv("USER"), os.Getenv("TOKEN"))
	authorize(req, "bot", "hunter2") // want `hard-coded password or API token \(7 chars\) passed to basicapp.authorize \(which hands it to \(\*http.Request\).SetBasicAuth\)`
}

// authorizeTwice wraps the wrapper.
func authorizeTwice(req *http.Request, secret string) {
	authorize(req, "bot", secret)
}

func callsWrapperOfWrapper() {
	req, _ := http.NewRequest("GET", site+"/rest/api/3/myself", nil)
	authorizeTwice(req, "correct-horse-battery-staple") // want `hard-coded password or API token "corr…" \(28 chars\) passed to basicapp.authorizeTwice`
}
