// Package oauth2 is a stub of golang.org/x/oauth2 with the API the grants
// analyzer reads.
package oauth2

import (
	"context"
	"net/http"
)

type Endpoint struct {
	AuthURL, DeviceAuthURL, TokenURL string
}

type Config struct {
	ClientID, ClientSecret string
	Endpoint               Endpoint
	RedirectURL            string
	Scopes                 []string
}

type Token struct{ AccessToken, RefreshToken string }

type TokenSource interface{ Token() (*Token, error) }

type AuthCodeOption interface{ option() }

type param struct{ k, v string }

func (param) option() {}

func SetAuthURLParam(key, value string) AuthCodeOption { return param{key, value} }

func (c *Config) AuthCodeURL(state string, opts ...AuthCodeOption) string { return "" }

func (c *Config) Exchange(ctx context.Context, code string, opts ...AuthCodeOption) (*Token, error) {
	return nil, nil
}

func (c *Config) TokenSource(ctx context.Context, t *Token) TokenSource { return nil }

func (c *Config) Client(ctx context.Context, t *Token) *http.Client { return nil }

func NewClient(ctx context.Context, src TokenSource) *http.Client { return nil }

func ReuseTokenSource(t *Token, src TokenSource) TokenSource { return nil }
