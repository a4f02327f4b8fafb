package oauthjira // want package:"\\) acts as user}$"

// This package acts as a user with golang.org/x/oauth2/jira, the JWT
// bearer grant.

import (
	"context"
	"net/http"

	"golang.org/x/oauth2/jira"
)

func Client(ctx context.Context, accountID string) *http.Client {
	cfg := &jira.Config{BaseURL: "https://x.atlassian.net", Subject: accountID}
	return cfg.Client(ctx)
}
