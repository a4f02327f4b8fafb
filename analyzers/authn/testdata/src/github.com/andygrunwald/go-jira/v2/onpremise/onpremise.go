// Package onpremise is a stub of github.com/andygrunwald/go-jira/v2/onpremise.
package onpremise

import "net/http"

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
