package goatl // want package:"\\) go-atlassian OAuth read:jira-work write:jira-work}$"

// This package asks for scopes through go-atlassian's OAuth service.

import (
	"github.com/ctreminiom/go-atlassian/v2/pkg/infra/oauth2"
	"github.com/ctreminiom/go-atlassian/v2/service/common"
)

func URL() string {
	cfg := &common.OAuth2Config{ClientID: "id", Scopes: []string{"read:jira-work", "write:jira-work"}}
	svc := oauth2.NewOAuth2Service(cfg)
	u, _ := svc.GetAuthorizationURL(cfg.Scopes, "state")
	return u.String()
}
