package partial // want package:"\\) oauth2.Config read:jira-work …; oauth2.Config …}$"

// This package reads its scopes from configuration: the grant is
// partial.

import (
	"os"
	"strings"

	"golang.org/x/oauth2"
)

var atlassian = oauth2.Endpoint{AuthURL: "https://auth.atlassian.com/authorize"}

func FromEnv() *oauth2.Config {
	return &oauth2.Config{
		Endpoint: atlassian,
		Scopes:   append([]string{"read:jira-work"}, strings.Fields(os.Getenv("SCOPES"))...),
	}
}

func NoScopes() *oauth2.Config {
	return &oauth2.Config{Endpoint: atlassian}
}
