package jira // want package:"\\) needs READ, DELETE}$"

// The app's client: its calls count toward the program's needs through a
// package fact.

import "net/http"

type Client struct{ Base string }

func (c *Client) do(method, path string) (*http.Response, error) {
	req, err := http.NewRequest(method, c.Base+path, nil)
	if err != nil {
		return nil, err
	}
	return http.DefaultClient.Do(req)
}

func (c *Client) Delete(key string) error {
	resp, err := c.do(http.MethodDelete, "/rest/api/3/issue/"+key)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func (c *Client) Get(key string) error {
	resp, err := c.do(http.MethodGet, "/rest/api/3/issue/"+key)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}
