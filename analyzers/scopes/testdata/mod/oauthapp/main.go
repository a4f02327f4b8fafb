package main // want package:"\\) needs READ, WRITE}$"

// An OAuth 2.0 (3LO) app: its calls go through api.atlassian.com with the
// client of its oauth2.Config, and are judged by that grant.

import (
	"context"
	"net/http"

	"golang.org/x/oauth2"
)

var conf = &oauth2.Config{
	Endpoint: oauth2.Endpoint{AuthURL: "https://auth.atlassian.com/authorize", TokenURL: "https://auth.atlassian.com/oauth/token"},
	Scopes: []string{
		"read:jira-work",
		"offline_access",
		"manage:jira-project", // want `OAuth 2.0 scope manage:jira-project is not needed; the code needs offline_access, read:jira-work, read:me, write:jira-work`
	},
}

const api = "https://api.atlassian.com/ex/jira/"

func cloud() string { return "11223344" }

func main() {
	client := conf.Client(context.Background(), nil) // refreshes: offline_access is needed
	client.Get(api + cloud() + "/rest/api/3/issue/A-1")
	req, _ := http.NewRequest("POST", api+cloud()+"/rest/api/3/issue/A-1/comment", nil) // want `POST /rest/api/3/issue/\{issueIdOrKey\}/comment needs OAuth 2.0 scope write:jira-work \(or the granular .*, \.\.\.\); the oauth2.Config at main.go:13 grants read:jira-work, offline_access, manage:jira-project`
	client.Do(req)
	client.Get("https://api.atlassian.com/ex/confluence/" + cloud() + "/wiki/api/v2/admin-key") // want `GET /wiki/api/v2/admin-key is not available to OAuth 2.0 apps: no OAuth scope grants it`
	client.Get("https://api.atlassian.com/me")                                                  // want `GET /me needs OAuth 2.0 scope read:me; the oauth2.Config`
	client.Get("https://api.atlassian.com/oauth/token/accessible-resources")
}
