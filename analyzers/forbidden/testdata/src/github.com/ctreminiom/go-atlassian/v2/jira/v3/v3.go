// Package v3 is a small stub of go-atlassian's jira/v3 client.
package v3

import (
	"context"
	"net/http"
	"net/url"

	"github.com/ctreminiom/go-atlassian/v2/jira/internal"
	"github.com/ctreminiom/go-atlassian/v2/pkg/infra/models"
)

type Client struct {
	HTTP  *http.Client
	Site  *url.URL
	Issue *internal.IssueService
}

func New(httpClient *http.Client, site string) (*Client, error) {
	u, err := url.Parse(site)
	if err != nil {
		return nil, err
	}
	c := &Client{HTTP: httpClient, Site: u}
	c.Issue = internal.NewIssueService(c, "3")
	return c, nil
}

func (c *Client) NewRequest(ctx context.Context, method, urlStr, contentType string, body interface{}) (*http.Request, error) {
	rel, err := url.Parse(urlStr)
	if err != nil {
		return nil, err
	}
	return http.NewRequestWithContext(ctx, method, c.Site.ResolveReference(rel).String(), nil)
}

func (c *Client) Call(request *http.Request, structure interface{}) (*models.ResponseScheme, error) { // want Call:`returns response in result 0; status examined; status error in result 1`
	response, err := c.HTTP.Do(request)
	if err != nil {
		return nil, err
	}
	return c.processResponse(response)
}

func (c *Client) processResponse(response *http.Response) (*models.ResponseScheme, error) {
	res := &models.ResponseScheme{Response: response, Code: response.StatusCode}
	if response.StatusCode < 200 || response.StatusCode >= 300 {
		return res, models.ErrStatus
	}
	return res, nil
}
