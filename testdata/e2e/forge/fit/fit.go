// Package fit verifies Forge Invocation Tokens for the handlers of the
// main package, which it sees through facts.
package fit

import (
	"net/http"
	"os"
	"strings"

	"github.com/golang-jwt/jwt/v5"
)

var keys jwt.Keyfunc

func bearer(r *http.Request) string {
	return strings.TrimPrefix(r.Header.Get("Authorization"), "Bearer ")
}

// Verify checks signature, algorithm, issuer, audience and expiry.
func Verify(r *http.Request) error {
	_, err := jwt.Parse(bearer(r), keys, jwt.WithValidMethods([]string{"RS256"}),
		jwt.WithIssuer("forge/invocation-token"), jwt.WithAudience(os.Getenv("FORGE_APP_ID")))
	return err
}

// SignatureOnly accepts a token Forge issued for any app.
func SignatureOnly(r *http.Request) error {
	_, err := jwt.Parse(bearer(r), keys, jwt.WithValidMethods([]string{"RS256"}))
	return err
}

// Require verifies every request before the handler it wraps.
func Require(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if Verify(r) != nil {
			http.Error(w, "unauthorized", http.StatusUnauthorized)
			return
		}
		next.ServeHTTP(w, r)
	})
}
