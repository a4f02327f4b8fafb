package other // want package:"\\) oauth2.Config read:jira-works WRITE read:issue:jira custom:thing:example}$"

// This package has misspelt scopes.

import "golang.org/x/oauth2"

var Conf = &oauth2.Config{
	Endpoint: oauth2.Endpoint{AuthURL: "https://auth.atlassian.com/authorize"},
	Scopes: []string{
		"read:jira-works", // want `unknown scope "read:jira-works"; did you mean read:jira-work\?`
		"WRITE",           // want `unknown OAuth 2.0 scope "WRITE": WRITE is a Connect scope, which belongs in atlassian-connect.json`
		"read:issue:jira",
		"custom:thing:example",
	},
}
