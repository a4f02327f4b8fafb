// Package jira stands for a fork of a Jira client library: the library
// implements basic and cookie auth for its users and is not blamed for it.
package jira

import "net/http"

const sessionPath = "/rest/auth/1/session"

type BasicAuthTransport struct{ Username, Password string }

func (t *BasicAuthTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	req.SetBasicAuth(t.Username, t.Password)
	req.Header.Set("X-Site", "https://example.atlassian.net")
	return http.DefaultTransport.RoundTrip(req)
}

func (t *BasicAuthTransport) login(base string) {
	http.Post(base+sessionPath, "application/json", nil)
}
