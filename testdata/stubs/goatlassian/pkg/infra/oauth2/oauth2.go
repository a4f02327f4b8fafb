// Package oauth2 is a stub of go-atlassian v2's OAuth 2.0 service.
package oauth2

import (
	"net/url"

	"github.com/ctreminiom/go-atlassian/v2/service/common"
)

type Service struct{ config *common.OAuth2Config }

func NewOAuth2Service(config *common.OAuth2Config) *Service { return &Service{config} }

func (s *Service) GetAuthorizationURL(scopes []string, state string) (*url.URL, error) {
	return url.Parse("https://auth.atlassian.com/authorize")
}
