// Package oauth1other uses OAuth 1.0a with a service that is not Atlassian's.
package oauth1other

import "github.com/dghubble/oauth1"

func twitter() *oauth1.Config {
	return oauth1.NewConfig("key", "secret")
}
