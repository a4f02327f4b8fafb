// Package ok compiles: it is still checked when its sibling does not parse.
package ok

import "net/http"

func Myself(c *http.Client) error {
	resp, err := c.Get("https://example.atlassian.net/rest/api/3/myself")
	if err != nil {
		return err
	}
	return resp.Body.Close()
}
