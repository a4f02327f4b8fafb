// Package oauth1cloud signs requests to Jira Cloud with OAuth 1.0a.
package oauth1cloud

import (
	"crypto/rsa"

	"github.com/dghubble/oauth1"
)

const site = "https://example.atlassian.net"

func config(key *rsa.PrivateKey) *oauth1.Config {
	return &oauth1.Config{ // want `OAuth 1.0a client \(dghubble/oauth1 Config\) aimed at Atlassian Cloud, where OAuth 1.0a is deprecated: use OAuth 2.0 \(3LO\) with golang.org/x/oauth2 instead`
		ConsumerKey: "connectlint",
		Endpoint: oauth1.Endpoint{
			RequestTokenURL: site + "/plugins/servlet/oauth/request-token",
			AuthorizeURL:    site + "/plugins/servlet/oauth/authorize",
			AccessTokenURL:  site + "/plugins/servlet/oauth/access-token",
		},
		Signer: &oauth1.RSASigner{PrivateKey: key},
	}
}
