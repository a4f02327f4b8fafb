// Package common is a stub of go-atlassian v2's OAuth 2.0 types.
package common

import "net/url"

type OAuth2Config struct {
	ClientID, ClientSecret, RedirectURI string
	Scopes                              []string
}

type OAuth2Service interface {
	GetAuthorizationURL(scopes []string, state string) (*url.URL, error)
}

type OAuth2Token struct {
	AccessToken, RefreshToken string
}

type AccessibleResource struct {
	ID, URL, Name string
}
