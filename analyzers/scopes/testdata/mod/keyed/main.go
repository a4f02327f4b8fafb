package main // want package:"\\) needs READ, WRITE}$"

// Two clients: a call through one is judged by its own grant only.

import (
	"context"

	"golang.org/x/oauth2"
)

var endpoint = oauth2.Endpoint{AuthURL: "https://auth.atlassian.com/authorize"}

var reader = &oauth2.Config{Endpoint: endpoint, Scopes: []string{"read:jira-work"}}

var writer = &oauth2.Config{Endpoint: endpoint, Scopes: []string{"write:jira-work"}}

func main() {
	r := reader.Client(context.Background(), nil)
	r.Get("https://api.atlassian.com/ex/jira/1/rest/api/3/project/P")
	r.Post("https://api.atlassian.com/ex/jira/1/rest/api/3/issue/A-1/comment", "application/json", nil) // want `needs OAuth 2.0 scope write:jira-work .*; the oauth2.Config at main.go:13 grants read:jira-work$`
	w := writer.Client(context.Background(), nil)
	w.Post("https://api.atlassian.com/ex/jira/1/rest/api/3/issue/A-1/comment", "application/json", nil)
}
