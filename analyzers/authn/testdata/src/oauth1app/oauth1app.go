// Package oauth1app signs Jira requests with OAuth 1.0a against a site it
// is given: Jira Server and Data Center application links use OAuth 1.0a,
// so nothing is said.
package oauth1app

import (
	"crypto/rsa"

	"github.com/dghubble/oauth1"
)

func config(site string, key *rsa.PrivateKey) *oauth1.Config {
	return &oauth1.Config{
		ConsumerKey: "connectlint",
		Endpoint: oauth1.Endpoint{
			RequestTokenURL: site + "/plugins/servlet/oauth/request-token",
			AuthorizeURL:    site + "/plugins/servlet/oauth/authorize",
			AccessTokenURL:  site + "/plugins/servlet/oauth/access-token",
		},
		Signer: &oauth1.RSASigner{PrivateKey: key},
	}
}
