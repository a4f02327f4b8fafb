// Package oauth2 is a stub of go-atlassian v2's OAuth 2.0 service. Like
// the real one, it builds the authorize URL from the scopes its caller
// passes: a library's URL is not a grant of its own.
package oauth2

import (
	"net/url"
	"strings"

	"github.com/ctreminiom/go-atlassian/v2/service/common"
)

type Service struct{ config *common.OAuth2Config }

func NewOAuth2Service(config *common.OAuth2Config) *Service { return &Service{config} }

func (s *Service) GetAuthorizationURL(scopes []string, state string) (*url.URL, error) {
	q := url.Values{}
	q.Set("audience", "api.atlassian.com")
	q.Set("scope", strings.Join(scopes, " "))
	q.Set("state", state)
	return url.Parse("https://auth.atlassian.com/authorize?" + q.Encode())
}
