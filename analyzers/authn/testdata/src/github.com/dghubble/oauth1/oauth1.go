// Package oauth1 is a stub of github.com/dghubble/oauth1.
package oauth1

import "crypto/rsa"

type Signer interface{ Name() string }

type RSASigner struct{ PrivateKey *rsa.PrivateKey }

func (s *RSASigner) Name() string { return "RSA-SHA1" }

type Endpoint struct {
	RequestTokenURL string
	AuthorizeURL    string
	AccessTokenURL  string
}

type Config struct {
	ConsumerKey    string
	ConsumerSecret string
	CallbackURL    string
	Endpoint       Endpoint
	Signer         Signer
}

func NewConfig(consumerKey, consumerSecret string) *Config { return &Config{} }
