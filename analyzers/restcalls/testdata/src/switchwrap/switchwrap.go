// Package switchwrap picks the http.Client method by switching on its
// method parameter: a call with a constant method makes only that request.
package switchwrap

import (
	"net/http"
	"strings"
)

type Client struct {
	base string
	http *http.Client
}

func (c *Client) doRequest(method, path string) (*http.Response, error) {
	url := c.base + path
	switch method {
	case http.MethodGet:
		return c.http.Get(url)
	case http.MethodPost:
		return c.http.Post(url, "application/json", strings.NewReader("{}"))
	}
	req, _ := http.NewRequest(method, url, nil)
	return c.http.Do(req)
}

func (c *Client) Page(id string) { // want Page:`sends GET …/wiki/rest/api/content/<id>`
	c.doRequest(http.MethodGet, "/wiki/rest/api/content/"+id) // want `^call GET …/wiki/rest/api/content/… via \(\*Client\)\.doRequest; judged by any grant$`
}

func (c *Client) Comment(id string) { // want Comment:`sends POST …/wiki/rest/api/content/<id>/child/comment`
	c.doRequest("POST", "/wiki/rest/api/content/"+id+"/child/comment") // want `^call POST …/wiki/rest/api/content/…/child/comment via \(\*Client\)\.doRequest; judged by any grant$`
}

func (c *Client) Remove(id string) { // want Remove:`sends DELETE …/wiki/rest/api/content/<id>$`
	c.doRequest(http.MethodDelete, "/wiki/rest/api/content/"+id) // want `^call DELETE …/wiki/rest/api/content/… via \(\*Client\)\.doRequest; judged by any grant$`
}
