// Package jwtquery reads its own tokens from a jwt query parameter: nothing
// here is Atlassian's, so no qsh is expected.
package jwtquery

import (
	"net/http"

	"github.com/golang-jwt/jwt/v5"
)

func session(r *http.Request, secret []byte) (*jwt.Token, error) {
	raw := r.URL.Query().Get("jwt")
	return jwt.Parse(raw, func(*jwt.Token) (any, error) { return secret, nil }, jwt.WithValidMethods([]string{"HS256"}))
}
