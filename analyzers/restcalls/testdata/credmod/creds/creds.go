// Package creds makes requests with each kind of credential the scope
// rules tell apart.
package creds

import (
	"context"
	"net/http"

	"golang.org/x/oauth2"
)

var conf = &oauth2.Config{}

// sign is a wrapper that signs with the Connect JWT: calls through it
// carry the JWT.
func sign(method, path, jwt string) (*http.Response, error) {
	req, _ := http.NewRequest(method, "https://x.atlassian.net"+path, nil)
	req.Header.Set("Authorization", "JWT "+jwt)
	return http.DefaultClient.Do(req)
}

func calls(ctx context.Context, tok *oauth2.Token, base string) {
	sign("GET", "/rest/api/3/myself", "t") // want `call GET https://x.atlassian.net/rest/api/3/myself via sign: GET /rest/api/3/myself; judged by Connect scopes \(a Connect JWT\)`

	client := conf.Client(ctx, tok)
	client.Get("https://api.atlassian.com/ex/jira/1/rest/api/3/myself") // want `judged by OAuth 2.0 scopes \(an OAuth 2.0 client\)`

	req, _ := http.NewRequest("GET", base+"/rest/api/3/myself", nil) // want `judged by OAuth 2.0 scopes \(an OAuth 2.0 access token\)`
	req.Header.Set("Authorization", "Bearer "+tok.AccessToken)
	http.DefaultClient.Do(req)

	other, _ := http.NewRequest("GET", base+"/rest/api/3/myself", nil) // want `judged by any grant \(a bearer token\)`
	other.Header.Set("Authorization", "Bearer "+base)
	http.DefaultClient.Do(other)

	basic, _ := http.NewRequest("GET", base+"/rest/api/3/myself", nil) // want `judged by any grant \(basic auth\)`
	basic.SetBasicAuth("me", base)
	http.DefaultClient.Do(basic)

	http.Get("https://x.atlassian.net/rest/api/3/myself")                              // want `judged by Connect scopes \(a site URL\)`
	http.Get("https://api.atlassian.com/ex/jira/1/rest/api/3/myself")                  // want `judged by OAuth 2.0 scopes \(api.atlassian.com\)`
	http.Get(base + "/rest/api/3/myself")                                              // want `judged by any grant$`
	oauth2.NewClient(ctx, conf.TokenSource(ctx, tok)).Get(base + "/rest/api/3/myself") // want `judged by OAuth 2.0 scopes \(an OAuth 2.0 client\)`
}

// remote is a Forge remote's handler: it calls the product with the token
// Forge passes it.
func remote(w http.ResponseWriter, r *http.Request) {
	sys, _ := http.NewRequest("GET", r.URL.Query().Get("base")+"/rest/api/3/myself", nil) // want `judged by OAuth 2.0 scopes \(the Forge app system token\)`
	sys.Header.Set("Authorization", "Bearer "+r.Header.Get("X-Forge-OAuth-System"))
	http.DefaultClient.Do(sys)
	token := r.Header.Get("x-forge-oauth-user")
	user, _ := http.NewRequest("GET", r.URL.Query().Get("base")+"/rest/api/3/myself", nil) // want `judged by OAuth 2.0 scopes \(the Forge app user token\)`
	user.Header.Set("Authorization", "Bearer "+token)
	http.DefaultClient.Do(user)
}
