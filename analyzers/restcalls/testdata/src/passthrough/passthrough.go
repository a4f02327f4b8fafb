// Package passthrough has a RoundTripper that copies the request it is
// given before sending it on: the copy is that request, made where the
// client is called, not a request of its own. So is a RoundTripper that
// forwards its request (or a clone) to the next one, whichever that is:
// the login sessionlib's transport would make is not its call.
package passthrough

import (
	"net/http"

	"sessionlib"
)

type transport struct{ token string }

func cloneRequest(r *http.Request) *http.Request {
	r2 := new(http.Request)
	*r2 = *r
	r2.Header = r.Header.Clone()
	return r2
}

func (t *transport) RoundTrip(req *http.Request) (*http.Response, error) {
	r2 := cloneRequest(req)
	r2.Header.Set("Authorization", "Bearer "+t.token)
	return http.DefaultTransport.RoundTrip(r2)
}

type forwarder struct{ base http.RoundTripper }

func (t *forwarder) RoundTrip(req *http.Request) (*http.Response, error) { // want RoundTrip:`^sends request <req>, response in result 0$`
	if req.Method == "GET" {
		return t.base.RoundTrip(req)
	}
	return t.base.RoundTrip(req.Clone(req.Context()))
}

// loginFirst builds a request of its own: that one is its call.
type loginFirst struct{ base http.RoundTripper }

func (t *loginFirst) RoundTrip(req *http.Request) (*http.Response, error) { // want RoundTrip:`^sends POST …/rest/auth/1/session; sends POST https://example.atlassian.net/rest/auth/1/session; sends request <req>, response in result 0$`
	login, _ := http.NewRequest("POST", "https://example.atlassian.net/rest/auth/1/session", nil) // want `call POST https://example.atlassian.net/rest/auth/1/session via \(\*sessionlib.CookieTransport\).RoundTrip`
	t.base.RoundTrip(login)                                                                       // want `call POST …/rest/auth/1/session via \(\*sessionlib.CookieTransport\).RoundTrip`
	return t.base.RoundTrip(req)
}

func caller() {
	c := &http.Client{Transport: &transport{"t"}}
	_ = &forwarder{&sessionlib.CookieTransport{}}
	c.Get("https://example.atlassian.net/rest/api/3/issue/A-1") // want `call GET https://example.atlassian.net/rest/api/3/issue/A-1`
}
