// Package jwt is a stub of github.com/lestrrat-go/jwx/v2/jwt.
package jwt

import (
	"time"

	"github.com/lestrrat-go/jwx/v2/jwa"
	"github.com/lestrrat-go/jwx/v2/jwk"
)

type Token interface {
	Audience() []string
	Issuer() string
	Expiration() time.Time
	PrivateClaims() map[string]any
}

type ParseOption interface{ parseOption() }

type ValidateOption interface{ validateOption() }

type option struct{}

func (option) parseOption()    {}
func (option) validateOption() {}

func Parse(s []byte, options ...ParseOption) (Token, error)         { return nil, nil }
func ParseString(s string, options ...ParseOption) (Token, error)   { return nil, nil }
func ParseInsecure(s []byte, options ...ParseOption) (Token, error) { return nil, nil }

func WithKey(alg jwa.SignatureAlgorithm, key any) ParseOption { return option{} }
func WithKeySet(set jwk.Set) ParseOption                      { return option{} }
func WithVerify(v bool) ParseOption                           { return option{} }
func WithValidate(v bool) ParseOption                         { return option{} }
func WithIssuer(s string) option                              { return option{} }
func WithAudience(s string) option                            { return option{} }

func Validate(t Token, options ...ValidateOption) error { return nil }
