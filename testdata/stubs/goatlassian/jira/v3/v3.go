// Package v3 is a stub of go-atlassian v2's Jira v3 client constructor.
package v3

import (
	"net/http"

	"github.com/ctreminiom/go-atlassian/v2/service/common"
)

type Client struct{ Site string }

type ClientOption func(*Client) error

func WithOAuth(config *common.OAuth2Config) ClientOption { return nil }

func New(httpClient *http.Client, site string, options ...ClientOption) (*Client, error) {
	return &Client{Site: site}, nil
}
