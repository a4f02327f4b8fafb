// Command triage is an OAuth 2.0 (3LO) web app: a user signs in with their
// Atlassian account, and the app lists the issues assigned to them and
// marks one as triaged with a comment.
package main

import (
	"log"
	"net/http"
	"os"
	"time"

	"golang.org/x/oauth2"
)

// atlassian is Atlassian's authorization server.
var atlassian = oauth2.Endpoint{
	AuthURL:  "https://auth.atlassian.com/authorize",
	TokenURL: "https://auth.atlassian.com/oauth/token",
}

var conf = &oauth2.Config{
	ClientID:     os.Getenv("TRIAGE_CLIENT_ID"),
	ClientSecret: os.Getenv("TRIAGE_CLIENT_SECRET"),
	RedirectURL:  "https://triage.example.com/callback",
	Endpoint:     atlassian,
	Scopes: []string{
		"read:jira-work",
		"read:jira-user",
		"manage:jira-configuration",
		"offline_access",
	},
}

func main() {
	app := &App{Sessions: NewSessions()}
	mux := http.NewServeMux()
	mux.HandleFunc("GET /login", app.handleLogin)
	mux.HandleFunc("GET /callback", app.handleCallback)
	mux.HandleFunc("GET /issues", app.handleIssues)
	mux.HandleFunc("POST /issues/{key}/triage", app.handleTriage)
	srv := &http.Server{Addr: ":8080", Handler: mux, ReadHeaderTimeout: 10 * time.Second}
	log.Fatal(srv.ListenAndServe())
}
