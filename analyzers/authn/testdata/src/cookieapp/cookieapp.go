// want package:"actsForUsers\\(a Connect app \\(it receives installations' shared secrets\\)\\)"

// Package cookieapp is a Connect app (it receives installations) that
// logs in to Jira with one account's session.
package cookieapp

import (
	"net/http"
	"os"

	jira "github.com/andygrunwald/go-jira"
)

type installation struct {
	BaseURL      string `json:"baseUrl"`
	SharedSecret string `json:"sharedSecret"`
}

func acquire(client *jira.Client) {
	client.Authentication.AcquireSessionCookie("bot", os.Getenv("JIRA_PASSWORD")) // want `cookie-based auth with go-jira Authentication.AcquireSessionCookie in a Connect app \(it receives installations' shared secrets\): the session is one account's, created with its password, and every user acts with it; call Atlassian as the app with its Connect JWT`
}

func rawSession(base string) {
	http.Post(base+"/rest/auth/1/session", "application/json", nil) // want `request to /rest/auth/1/session in a Connect app \(it receives installations' shared secrets\)`
}

func transport() {
	_ = jira.CookieAuthTransport{Username: "bot", Password: os.Getenv("JIRA_PASSWORD")} // want `cookie-based auth with go-jira CookieAuthTransport in a Connect app`
}
