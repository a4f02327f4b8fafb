// want package:"atlassianOAuth" package:"hasWrappers"

// Package oauthlib is a client library that offers its users the choice:
// an OAuth 2.0 flow or API-token basic auth. It runs no HTTP handler, so
// it is not an app that signs users in, and its basic auth is the
// caller's choice.
package oauthlib

import (
	"context"
	"encoding/base64"
	"net/http"

	"golang.org/x/oauth2"
)

type OAuth struct{ conf *oauth2.Config }

func NewOAuth(id, secret string) *OAuth {
	return &OAuth{conf: &oauth2.Config{ClientID: id, ClientSecret: secret, Endpoint: oauth2.Endpoint{
		AuthURL: "https://auth.atlassian.com/authorize", TokenURL: "https://auth.atlassian.com/oauth/token",
	}}}
}

func (o *OAuth) Exchange(ctx context.Context, code string) (*oauth2.Token, error) {
	return o.conf.Exchange(ctx, code)
}

type APIToken struct{ email, token string }

func (a *APIToken) Authenticate(req *http.Request) { // want Authenticate:`authWrapper\(an Authorization header built as "Basic "\+\.\.\., secrets \[\], request 0\)`
	req.Header.Set("Authorization", "Basic "+base64.StdEncoding.EncodeToString([]byte(a.email+":"+a.token)))
}

func Myself(a *APIToken) {
	req, _ := http.NewRequest("GET", "https://example.atlassian.net/rest/api/3/myself", nil)
	a.Authenticate(req)
	http.DefaultClient.Do(req)
}
