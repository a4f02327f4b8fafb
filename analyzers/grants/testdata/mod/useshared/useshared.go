package useshared // want package:"\\) oauth2.Config read:jira-work read:jira-user}$"

// This package builds its config from another package's endpoint
// and scopes.

import (
	"example.com/app/shared"

	"golang.org/x/oauth2"
)

var Conf = oauth2.Config{Endpoint: shared.Endpoint, Scopes: shared.Scopes}
