package main // want package:"\\) needs READ}$"

// OAuth 2.0 tokens work only through api.atlassian.com.

import (
	"context"
	"net/http"

	v3 "github.com/ctreminiom/go-atlassian/v2/jira/v3"
	"github.com/ctreminiom/go-atlassian/v2/service/common"
	"golang.org/x/oauth2"
)

var conf = &oauth2.Config{
	Endpoint: oauth2.Endpoint{AuthURL: "https://auth.atlassian.com/authorize"},
	Scopes:   []string{"read:jira-user"},
}

func main() {
	ctx := context.Background()
	client := conf.Client(ctx, nil)
	client.Get("https://example.atlassian.net/rest/api/3/myself")              // want `GET https://example.atlassian.net/rest/api/3/myself carries an OAuth 2.0 client to a site URL: Atlassian accepts OAuth 2.0 tokens only through https://api.atlassian.com/ex/\{product\}/\{cloudId\}, so the call fails with 401`
	client.Get("https://api.atlassian.com/ex/jira/11223344/rest/api/3/myself") // the gateway: right

	tok, _ := conf.Exchange(ctx, "code")
	req, _ := http.NewRequest("GET", "https://example.atlassian.net/rest/api/3/myself", nil) // want `carries an OAuth 2.0 access token to a site URL`
	req.Header.Set("Authorization", "Bearer "+tok.AccessToken)
	http.DefaultClient.Do(req)

	basic, _ := http.NewRequest("GET", "https://example.atlassian.net/rest/api/3/myself", nil) // basic auth may use the site URL
	basic.SetBasicAuth("me@example.com", token())
	http.DefaultClient.Do(basic)

	var res common.AccessibleResource
	cfg := &common.OAuth2Config{ClientID: "id"}
	v3.New(http.DefaultClient, res.URL, v3.WithOAuth(cfg))                                     // want `v3.New pairs an OAuth 2.0 token with the site URL res.URL \(an accessible resource's site URL\)`
	v3.New(client, "https://example.atlassian.net")                                            // want `v3.New pairs an OAuth 2.0 token with the site URL https://example.atlassian.net`
	v3.New(http.DefaultClient, "https://api.atlassian.com/ex/jira/"+res.ID, v3.WithOAuth(cfg)) // the gateway: right
	v3.New(http.DefaultClient, "https://example.atlassian.net")                                // basic auth or a Connect JWT: right
}

func token() string { return "" }
