package fieldwise // want package:"\\) oauth2.Config read:jira-user manage:jira-project; scope parameter read:jira-work offline_access}$"

// This package sets its config field by field and asks for scopes
// with the authorize URL's parameters.

import "golang.org/x/oauth2"

var endpoint = oauth2.Endpoint{AuthURL: "https://auth.atlassian.com/authorize"}

func Config() *oauth2.Config {
	var c oauth2.Config
	c.Endpoint = endpoint
	scopes := []string{"read:jira-user"}
	scopes = append(scopes, "manage:jira-project")
	c.Scopes = scopes
	return &c
}

func URL() string {
	c := &oauth2.Config{ClientID: "id"}
	return c.AuthCodeURL("state",
		oauth2.SetAuthURLParam("audience", "api.atlassian.com"),
		oauth2.SetAuthURLParam("scope", "read:jira-work offline_access"))
}
