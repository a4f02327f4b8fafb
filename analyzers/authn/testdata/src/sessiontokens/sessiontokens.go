// Package sessiontokens signs its own HS256 session tokens: not Connect JWTs,
// so no qsh is needed.
package sessiontokens

import "github.com/golang-jwt/jwt/v5"

func session(user string, secret []byte) (string, error) {
	return jwt.NewWithClaims(jwt.SigningMethodHS256, jwt.MapClaims{"sub": user}).SignedString(secret)
}

func check(raw string, secret []byte) (*jwt.Token, error) {
	return jwt.Parse(raw, func(*jwt.Token) (any, error) { return secret, nil }, jwt.WithValidMethods([]string{"HS256"}))
}
