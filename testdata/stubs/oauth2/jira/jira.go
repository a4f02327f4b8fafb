// Package jira is a stub of golang.org/x/oauth2/jira, Atlassian's JWT
// bearer grant for Connect apps acting as a user.
package jira

import (
	"context"
	"net/http"

	"golang.org/x/oauth2"
)

type Config struct {
	BaseURL string
	Subject string
	oauth2.Config
}

func (c *Config) TokenSource(ctx context.Context) oauth2.TokenSource { return nil }

func (c *Config) Client(ctx context.Context) *http.Client { return nil }
