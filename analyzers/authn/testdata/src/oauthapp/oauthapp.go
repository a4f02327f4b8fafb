// want package:"actsForUsers\\(an OAuth 2.0 \\(3LO\\) app \\(its HTTP handlers sign users in with Atlassian\\)\\)" package:"atlassianOAuth"

// Package oauthapp signs its users in with Atlassian (OAuth 2.0 3LO) in
// its HTTP handlers, and then also calls Jira with one account's API
// token.
package oauthapp

import (
	"net/http"
	"os"

	"golang.org/x/oauth2"
)

var conf = &oauth2.Config{
	ClientID: os.Getenv("CLIENT_ID"),
	Endpoint: oauth2.Endpoint{
		AuthURL:  "https://auth.atlassian.com/authorize",
		TokenURL: "https://auth.atlassian.com/oauth/token",
	},
}

func callback(w http.ResponseWriter, r *http.Request) {
	tok, _ := conf.Exchange(r.Context(), r.FormValue("code"))
	_ = tok
}

func adminSearch() {
	req, _ := http.NewRequest("GET", "https://api.atlassian.com/ex/jira/cloud-id/rest/api/3/search/jql", nil)
	req.SetBasicAuth(os.Getenv("ADMIN_EMAIL"), os.Getenv("ADMIN_TOKEN")) // want `basic auth with \(\*http.Request\).SetBasicAuth in an OAuth 2.0 \(3LO\) app \(its HTTP handlers sign users in with Atlassian\): the requests it makes for its users carry one account's credentials and permissions; call Atlassian with the signed-in user's OAuth 2.0 access token`
	http.DefaultClient.Do(req)
}
