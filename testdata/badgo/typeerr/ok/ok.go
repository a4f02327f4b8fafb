// Package ok does not depend on the broken package: it is still checked.
package ok

import "net/http"

func Myself(c *http.Client) error {
	resp, err := c.Get("https://example.atlassian.net/rest/api/3/myself")
	if err != nil {
		return err
	}
	return resp.Body.Close()
}
