package broken

import "net/http"

// A missing closing parenthesis: the file does not parse.
func Get(c *http.Client) {
	c.Get("https://example.atlassian.net/rest/api/3/myself"
}
