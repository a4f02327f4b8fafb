package main // want package:"\\) needs READ, WRITE, PROJECT_ADMIN}$"

// -fix adds the missing OAuth 2.0 scopes to the Scopes literal, one per
// line like the others.

import (
	"context"
	"net/http"

	"golang.org/x/oauth2"
)

var conf = &oauth2.Config{
	Endpoint: oauth2.Endpoint{AuthURL: "https://auth.atlassian.com/authorize"},
	Scopes: []string{
		"read:jira-work",
	},
}

func main() {
	c := conf.Client(context.Background(), nil)
	c.Get("https://api.atlassian.com/ex/jira/1/rest/api/3/project/P")
	c.Post("https://api.atlassian.com/ex/jira/1/rest/api/3/issue/A-1/comment", "application/json", nil)  // want `needs OAuth 2.0 scope write:jira-work`
	req, _ := http.NewRequest("DELETE", "https://api.atlassian.com/ex/jira/1/rest/api/3/project/P", nil) // want `needs OAuth 2.0 scope manage:jira-configuration`
	c.Do(req)
}
