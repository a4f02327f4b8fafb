// want package:"hasWrappers"

// Package plainpkg has nothing to do with Atlassian: its basic auth is not
// reported, but its wrappers are summarised for the packages that call
// them, with what decides where their requests go.
package plainpkg

import "net/http"

// Authorize sets basic auth on a request its caller builds.
func Authorize(req *http.Request, user, token string) { // want Authorize:`authWrapper\(\(\*http.Request\).SetBasicAuth, secrets \[2\], request 0\)`
	req.SetBasicAuth(user, token)
}

// Fetch sends a request to the URL its caller gives.
func Fetch(url, user, token string) (*http.Response, error) { // want Fetch:`authWrapper\(\(\*http.Request\).SetBasicAuth, secrets \[2\], URL from the caller\)`
	req, err := http.NewRequest("GET", url, nil)
	if err != nil {
		return nil, err
	}
	req.SetBasicAuth(user, token)
	return http.DefaultClient.Do(req)
}

// Client holds its own credentials; Get sends to the path its caller
// gives.
type Client struct{ Base, User, Token string }

func (c *Client) Get(path string) (*http.Response, error) { // want Get:`authWrapper\(\(\*http.Request\).SetBasicAuth, secrets \[\], URL from the caller\)`
	req, err := http.NewRequest("GET", c.Base+path, nil)
	if err != nil {
		return nil, err
	}
	req.SetBasicAuth(c.User, c.Token)
	return http.DefaultClient.Do(req)
}

func jenkins(req *http.Request, user, token string) {
	req.SetBasicAuth(user, token)
}
