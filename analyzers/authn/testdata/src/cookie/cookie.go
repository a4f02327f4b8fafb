// Package cookie logs in to Jira with session cookies.
package cookie

import (
	"net/http"
	"os"
	"strings"

	jira "github.com/andygrunwald/go-jira"
	"github.com/andygrunwald/go-jira/v2/onpremise"
)

func transport() {
	tp := jira.CookieAuthTransport{ // want `cookie-based auth with go-jira CookieAuthTransport is deprecated for Atlassian Cloud and sends the user's password: use OAuth 2.0 \(3LO\) or Connect JWT instead`
		Username: "bot",
		Password: os.Getenv("JIRA_PASSWORD"),
		AuthURL:  "https://jira.example.com/rest/auth/1/session", // want `request to /rest/auth/1/session uses cookie-based auth, deprecated for Atlassian Cloud`
	}
	jira.NewClient(tp.Client(), "https://jira.example.com")
	_ = onpremise.CookieAuthTransport{Username: "bot", Password: "s3cret-Passw0rd!"} // want `cookie-based auth with go-jira CookieAuthTransport` `hard-coded password "s3cr…" \(16 chars\) passed to go-jira CookieAuthTransport`
}

func acquire(client *jira.Client) {
	client.Authentication.AcquireSessionCookie("bot", os.Getenv("JIRA_PASSWORD")) // want `cookie-based auth with go-jira Authentication.AcquireSessionCookie`
}

func rawSession(base string) {
	body := strings.NewReader(`{"username":"bot","password":"x"}`)
	http.Post(base+"/rest/auth/1/session", "application/json", body) // want `request to /rest/auth/1/session`
}

func joined(base string) {
	http.Post(join(base, "rest/auth/1/session"), "application/json", nil) // want `request to /rest/auth/1/session`
}

func join(base, path string) string { return base + "/" + path }

func other(base string) {
	http.Get(base + "/rest/api/2/myself") // not a session request
}

const message = "request to /rest/auth/1/session failed" // prose
