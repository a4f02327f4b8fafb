// Package cookie is a single-user tool that logs in to Jira with session
// cookies: supported by Jira Server and Data Center, so reported only
// where it is aimed at Atlassian Cloud, which no longer accepts passwords.
package cookie

import (
	"net/http"
	"os"
	"strings"

	jira "github.com/andygrunwald/go-jira"
	"github.com/andygrunwald/go-jira/v2/onpremise"
)

func server() {
	tp := jira.CookieAuthTransport{
		Username: "bot",
		Password: os.Getenv("JIRA_PASSWORD"),
		AuthURL:  "https://jira.example.com/rest/auth/1/session",
	}
	jira.NewClient(tp.Client(), "https://jira.example.com")
	_ = onpremise.CookieAuthTransport{Username: "bot", Password: "s3cret-Passw0rd!"} // want `hard-coded password "s3cr…" \(16 chars\) passed to go-jira CookieAuthTransport`
}

func cloud() {
	tp := jira.CookieAuthTransport{ // want `cookie-based auth with go-jira CookieAuthTransport against Atlassian Cloud, which no longer accepts passwords: use an API token with basic auth, or a scoped API token through https://api.atlassian.com/ex/\{product\}/\{cloudId\}`
		Username: "bot",
		Password: os.Getenv("JIRA_PASSWORD"),
		AuthURL:  "https://example.atlassian.net/rest/auth/1/session", // want `request to /rest/auth/1/session uses cookie-based auth, which Atlassian Cloud no longer accepts with a password`
	}
	jira.NewClient(tp.Client(), "https://example.atlassian.net")
}

func acquire(client *jira.Client) {
	client.Authentication.AcquireSessionCookie("bot", os.Getenv("JIRA_PASSWORD")) // where client goes is not known
}

func rawSession(base string) {
	body := strings.NewReader(`{"username":"bot","password":"x"}`)
	http.Post(base+"/rest/auth/1/session", "application/json", body)
}

func cloudSession(tenant string) {
	http.Post("https://"+tenant+".atlassian.net/rest/auth/1/session", "application/json", nil) // want `request to /rest/auth/1/session uses cookie-based auth, which Atlassian Cloud no longer accepts`
}

func other(base string) {
	http.Get(base + "/rest/api/2/myself") // not a session request
}

const message = "request to /rest/auth/1/session failed" // prose
