// Package jwtv4 has custom claims (golang-jwt v4).
package jwtv4

import (
	"errors"
	"time"

	"github.com/golang-jwt/jwt/v4"
)

type LaxClaims struct {
	jwt.StandardClaims
	Context string `json:"context"`
}

func (c LaxClaims) Valid() error { // want `custom Valid\(\) accepts a token without exp \(VerifyExpiresAt\(..., false\)\), so a token never expires: require it with VerifyExpiresAt\(now, true\)`
	if !c.VerifyExpiresAt(time.Now().Unix(), false) {
		return errors.New("expired")
	}
	return nil
}

type NoExpClaims struct {
	jwt.StandardClaims
	Context string `json:"context"`
}

func (c NoExpClaims) Valid() error { // want `custom Valid\(\) never checks exp, so expired tokens are accepted`
	if c.Context == "" {
		return errors.New("no context")
	}
	return nil
}

type StrictClaims struct {
	jwt.StandardClaims
}

func (c StrictClaims) Valid() error {
	if !c.VerifyExpiresAt(time.Now().Unix(), true) {
		return errors.New("expired or no exp")
	}
	return nil
}

type DelegatingClaims struct {
	jwt.StandardClaims
	Qsh string `json:"qsh"`
}

func (c DelegatingClaims) Valid() error {
	if c.Qsh == "" {
		return errors.New("no qsh")
	}
	return c.StandardClaims.Valid()
}

// NotClaims has a Valid method but is not a JWT claims type.
type NotClaims struct{ Name string }

func (n NotClaims) Valid() error { return nil }

func parse(raw string, secret []byte) {
	p := &jwt.Parser{ValidMethods: []string{"HS256"}, SkipClaimsValidation: true} // want `Parser\{SkipClaimsValidation: true\} turns off the exp and nbf checks`
	p.ParseWithClaims(raw, &StrictClaims{}, func(t *jwt.Token) (any, error) { return secret, nil })

	q := jwt.Parser{}
	q.SkipClaimsValidation = true                                        // want `SkipClaimsValidation = true turns off the exp and nbf checks`
	q.Parse(raw, func(t *jwt.Token) (any, error) { return secret, nil }) // want `\(\*jwt.Parser\).Parse accepts whichever signing algorithm`
}
