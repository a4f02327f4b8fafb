// Package jiraclient is a small Jira client: many methods, of which an app
// calls a few.
package jiraclient

import (
	"fmt"
	"io"
	"net/http"
)

type Client struct{ base string }

func New(base string) *Client { return &Client{base: base} }

func (c *Client) send(method, path string) (string, error) {
	req, err := http.NewRequest(method, c.base+path, nil)
	if err != nil {
		return "", err
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return "", err
	}
	defer resp.Body.Close()
	if resp.StatusCode >= 300 {
		return "", fmt.Errorf("%s %s: %s", method, path, resp.Status)
	}
	b, err := io.ReadAll(resp.Body)
	return string(b), err
}

func (c *Client) Issue(key string) (string, error) {
	return c.send(http.MethodGet, "/rest/api/3/issue/"+key)
}

func (c *Client) DeleteIssue(key string) error {
	_, err := c.send(http.MethodDelete, "/rest/api/3/issue/"+key)
	return err
}

func (c *Client) SetApplicationProperty(id string) error {
	_, err := c.send(http.MethodPut, "/rest/api/3/application-properties/"+id)
	return err
}
