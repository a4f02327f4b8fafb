// Command oauthe2e is an OAuth 2.0 (3LO) app whose REST calls live in
// another package: the end-to-end fixture of the OAuth 2.0 grant checks.
package main

import (
	"context"
	"fmt"

	"example.com/oauthe2e/jira"

	"golang.org/x/oauth2"
)

var conf = &oauth2.Config{
	Endpoint: oauth2.Endpoint{
		AuthURL:  "https://auth.atlassian.com/authorize",
		TokenURL: "https://auth.atlassian.com/oauth/token",
	},
	Scopes: []string{
		"read:jira-work",
		"read:jira-users",
		"manage:jira-configuration",
	},
}

func main() {
	ctx := context.Background()
	tok, err := conf.Exchange(ctx, "code")
	if err != nil {
		return
	}
	client := conf.Client(ctx, tok)
	c := &jira.Client{HTTP: client, Base: "https://api.atlassian.com/ex/jira/11223344"}
	if err := c.Comment(ctx, "A-1", "hello"); err != nil {
		fmt.Println(err)
	}
	if err := c.Delete(ctx, "A-2"); err != nil {
		fmt.Println(err)
	}
	issue, err := c.Issue(ctx, "A-3")
	fmt.Println(issue, err)
	resp, err := client.Get("https://example.atlassian.net/rest/api/3/myself")
	if err == nil && resp.StatusCode == 200 {
		resp.Body.Close()
	}
}
