package shared

// This package holds an endpoint and a scope list other packages use.

import "golang.org/x/oauth2"

var Endpoint = oauth2.Endpoint{ // want Endpoint:"atlassian endpoint"
	AuthURL:  "https://auth.atlassian.com/authorize",
	TokenURL: "https://auth.atlassian.com/oauth/token",
}

var Scopes = []string{"read:jira-work", "read:jira-user"} // want Scopes:"scopes read:jira-work read:jira-user"

var Colors = []string{"red", "green"}
