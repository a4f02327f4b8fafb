// Package jwt is a stub of github.com/go-jose/go-jose/v4/jwt.
package jwt

import (
	"time"

	jose "github.com/go-jose/go-jose/v4"
)

type JSONWebToken struct{}

func ParseSigned(s string, signatureAlgorithms []jose.SignatureAlgorithm) (*JSONWebToken, error) {
	return nil, nil
}

func (t *JSONWebToken) Claims(key any, out ...any) error                 { return nil }
func (t *JSONWebToken) UnsafeClaimsWithoutVerification(out ...any) error { return nil }

type Audience []string

func (a Audience) Contains(v string) bool { return false }

type NumericDate int64

type Claims struct {
	Issuer   string       `json:"iss,omitempty"`
	Audience Audience     `json:"aud,omitempty"`
	Expiry   *NumericDate `json:"exp,omitempty"`
}

type Expected struct {
	Issuer      string
	AnyAudience Audience
	Time        time.Time
}

func (c Claims) Validate(e Expected) error                                 { return nil }
func (c Claims) ValidateWithLeeway(e Expected, leeway time.Duration) error { return nil }
