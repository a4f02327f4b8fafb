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

func (c DelegatingClaims) Valid() error { // want Valid:"checksQSH"
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

// GuardedClaims checks exp only when the token carries one.
type GuardedClaims struct {
	jwt.StandardClaims
}

func (c GuardedClaims) Valid() error { // want `custom Valid\(\) checks exp only when the token has one, so it accepts a token without exp, which never expires: return an error when exp is missing`
	if c.ExpiresAt != 0 && c.ExpiresAt < time.Now().Unix() {
		return errors.New("expired")
	}
	return nil
}

// RequiredClaims refuses a token without exp, then checks it.
type RequiredClaims struct {
	jwt.StandardClaims
}

func (c RequiredClaims) Valid() error {
	if c.ExpiresAt == 0 {
		return errors.New("no exp")
	}
	if c.ExpiresAt < time.Now().Unix() {
		return errors.New("expired")
	}
	return nil
}

// SignedClaims are only signed here, never parsed: their Valid() never runs
// on an incoming token.
type SignedClaims struct {
	jwt.StandardClaims
	Context string `json:"context"`
}

func (c SignedClaims) Valid() error { return nil }

// UnusedClaims are never parsed either.
type UnusedClaims struct {
	jwt.StandardClaims
}

func (c UnusedClaims) Valid() error { return nil }

func sign(secret []byte) (string, error) {
	return jwt.NewWithClaims(jwt.SigningMethodHS256, SignedClaims{Context: "x"}).SignedString(secret)
}

func parseCustom(raw string, secret []byte) {
	key := func(t *jwt.Token) (any, error) { return secret, nil }
	pin := jwt.WithValidMethods([]string{"HS256"})
	jwt.ParseWithClaims(raw, &LaxClaims{}, key, pin)
	jwt.ParseWithClaims(raw, &NoExpClaims{}, key, pin)
	jwt.ParseWithClaims(raw, &DelegatingClaims{}, key, pin)
	jwt.ParseWithClaims(raw, &GuardedClaims{}, key, pin)
	jwt.ParseWithClaims(raw, &RequiredClaims{}, key, pin)
	jwt.ParseWithClaims(raw, &NotClaims{}, key, pin)
}
