package threelo // want package:"\\) oauth2.Config read:jira-work write:jira-work offline_access; refreshes}$"

// This package declares an OAuth 2.0 (3LO) client the usual way.

import (
	"context"
	"net/http"

	"golang.org/x/oauth2"
)

const readWork = "read:jira-work"

var conf = &oauth2.Config{
	ClientID: "id",
	Endpoint: oauth2.Endpoint{
		AuthURL:  "https://auth.atlassian.com/authorize",
		TokenURL: "https://auth.atlassian.com/oauth/token",
	},
	Scopes: []string{
		readWork,
		"write:jira-work",
		"offline_access",
	},
}

// github is another vendor's client: not a grant.
var github = &oauth2.Config{
	Endpoint: oauth2.Endpoint{AuthURL: "https://github.com/login/oauth/authorize"},
	Scopes:   []string{"repo", "read:jira-works"},
}

func Client(ctx context.Context, tok *oauth2.Token) *http.Client {
	github.AuthCodeURL("x")
	return conf.Client(ctx, tok)
}
