// want package:"hasWrappers"

// Package jwtverifier verifies Connect JWTs for other packages.
package jwtverifier

import (
	"net/http"

	"github.com/golang-jwt/jwt/v5"
)

// Verify checks the token's signature with the tenant's secret.
func Verify(raw string, secret []byte) error { // want Verify:"verifiesJWT"
	_, err := jwt.Parse(raw, func(t *jwt.Token) (any, error) { return secret, nil }, jwt.WithValidMethods([]string{"HS256"}))
	return err
}

// Check verifies through Verify: the fact flows up to it.
func Check(raw string) error { return Verify(raw, nil) } // want Check:"verifiesJWT"

// Decode does not verify.
func Decode(raw string) jwt.MapClaims {
	claims := jwt.MapClaims{}
	jwt.NewParser().ParseUnverified(raw, claims) // want `nothing on this function's path verifies the token`
	return claims
}

// Middleware returns a middleware that verifies before calling next.
func Middleware(secret []byte) func(http.Handler) http.Handler { // want Middleware:"verifiesJWT"
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if Verify(r.URL.Query().Get("jwt"), secret) == nil {
				next.ServeHTTP(w, r)
			}
		})
	}
}
