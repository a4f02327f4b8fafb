// Package sessionlib has a RoundTripper that logs in before sending on
// the request it is given, like go-jira's CookieAuthTransport.
package sessionlib

import "net/http"

type CookieTransport struct {
	BaseURL string
	Base    http.RoundTripper
}

func (t *CookieTransport) RoundTrip(req *http.Request) (*http.Response, error) { // want RoundTrip:`sends POST …/rest/auth/1/session`
	login, _ := http.NewRequest("POST", t.BaseURL+"/rest/auth/1/session", nil)
	http.DefaultClient.Do(login) // want `call POST …/rest/auth/1/session via net/http`
	return t.Base.RoundTrip(req)
}
