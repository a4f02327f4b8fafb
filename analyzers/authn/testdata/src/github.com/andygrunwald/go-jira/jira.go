// Package jira is a stub of github.com/andygrunwald/go-jira (v1): only the
// signatures the authn tests use.
package jira

import "net/http"

type Client struct {
	Authentication *AuthenticationService
}

func NewClient(httpClient *http.Client, baseURL string) (*Client, error) { return &Client{}, nil }

type AuthenticationService struct{}

func (s *AuthenticationService) SetBasicAuth(username, password string) {}

func (s *AuthenticationService) AcquireSessionCookie(username, password string) (bool, error) {
	return true, nil
}

type BasicAuthTransport struct {
	Username  string
	Password  string
	Transport http.RoundTripper
}

func (t *BasicAuthTransport) Client() *http.Client { return &http.Client{} }

type CookieAuthTransport struct {
	Username  string
	Password  string
	AuthURL   string
	Transport http.RoundTripper
}

func (t *CookieAuthTransport) Client() *http.Client { return &http.Client{} }

type JWTAuthTransport struct {
	Secret    []byte
	Issuer    string
	Transport http.RoundTripper
}

type PATAuthTransport struct {
	Token     string
	Transport http.RoundTripper
}
