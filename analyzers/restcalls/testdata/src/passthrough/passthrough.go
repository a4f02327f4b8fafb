// Package passthrough has a RoundTripper that copies the request it is
// given before sending it on: the copy is that request, made where the
// client is called, not a request of its own.
package passthrough

import "net/http"

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

func caller() {
	c := &http.Client{Transport: &transport{"t"}}
	c.Get("https://example.atlassian.net/rest/api/3/issue/A-1") // want `call GET https://example.atlassian.net/rest/api/3/issue/A-1`
}
