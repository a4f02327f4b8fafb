// Package oauth1app signs Jira requests with OAuth 1.0a.
package oauth1app

import (
	"crypto/rsa"

	"github.com/dghubble/oauth1"
)

func config(site string, key *rsa.PrivateKey) *oauth1.Config {
	return &oauth1.Config{ // want `OAuth 1.0a client \(dghubble/oauth1 Config\) aimed at Atlassian: OAuth 1.0a is deprecated for Atlassian Cloud; use OAuth 2.0 \(3LO\) with golang.org/x/oauth2 instead`
		ConsumerKey: "connectlint",
		Endpoint: oauth1.Endpoint{
			RequestTokenURL: site + "/plugins/servlet/oauth/request-token",
			AuthorizeURL:    site + "/plugins/servlet/oauth/authorize",
			AccessTokenURL:  site + "/plugins/servlet/oauth/access-token",
		},
		Signer: &oauth1.RSASigner{PrivateKey: key},
	}
}
