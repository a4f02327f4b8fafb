// Package fitcheck verifies Forge Invocation Tokens for the packages that
// import it.
package fitcheck

import (
	"net/http"
	"strings"

	"github.com/golang-jwt/jwt/v5"
)

var keys jwt.Keyfunc

func bearer(r *http.Request) string {
	return strings.TrimPrefix(r.Header.Get("Authorization"), "Bearer ")
}

// Verify checks everything.
func Verify(r *http.Request, appID string) error { // want Verify:`forge\(0x11e8 aud="" middleware=false\)`
	_, err := jwt.Parse(bearer(r), keys, jwt.WithValidMethods([]string{"RS256"}),
		jwt.WithIssuer("forge/invocation-token"), jwt.WithAudience(appID))
	return err
}

// SignatureOnly forgets the audience and the issuer.
func SignatureOnly(r *http.Request) error { // want SignatureOnly:`forge\(0x1068 aud="" middleware=false\)`
	_, err := jwt.Parse(bearer(r), keys, jwt.WithValidMethods([]string{"RS256"}))
	return err
}

// Middleware verifies and wraps.
func Middleware(appID string, next http.Handler) http.Handler { // want Middleware:`forge\(0x11e8 aud="" middleware=true\)`
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if Verify(r, appID) != nil {
			http.Error(w, "unauthorized", http.StatusUnauthorized)
			return
		}
		next.ServeHTTP(w, r)
	})
}

// SystemToken reads the app system token.
func SystemToken(r *http.Request) string { // want SystemToken:`forge\(0x1 aud="" middleware=false\)`
	return r.Header.Get("x-forge-oauth-system")
}

// Issue is a handler that main wires; it never verifies the token.
func Issue(w http.ResponseWriter, r *http.Request) { // want Issue:`forge\(0x1 aud="" middleware=false\)`
	_ = SystemToken(r)
}

// Checked is a handler that verifies the token itself.
func Checked(w http.ResponseWriter, r *http.Request) { // want Checked:`forge\(0x11e9 aud="" middleware=false\)`
	if Verify(r, "") != nil {
		return
	}
	_ = SystemToken(r)
}
