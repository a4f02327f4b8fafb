package main // want package:"\\) needs READ}$"

// Asks for offline_access but never refreshes: the token is used by hand.

import (
	"net/http"

	"golang.org/x/oauth2"
)

var conf = &oauth2.Config{
	Endpoint: oauth2.Endpoint{AuthURL: "https://auth.atlassian.com/authorize"},
	Scopes:   []string{"read:jira-work", "offline_access"}, // want `OAuth 2.0 scope offline_access is not needed: the code never refreshes a token`
}

func main() {
	tok, _ := conf.Exchange(nil, "code")
	req, _ := http.NewRequest("GET", "https://api.atlassian.com/ex/jira/1/rest/api/3/issue/A-1", nil)
	req.Header.Set("Authorization", "Bearer "+tok.AccessToken)
	http.DefaultClient.Do(req)
}
