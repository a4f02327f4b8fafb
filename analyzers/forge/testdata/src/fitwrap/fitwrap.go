// A verifying middleware wraps one route; the other route is unprotected.
package main

import (
	"net/http"
	"strings"

	"github.com/golang-jwt/jwt/v5"
)

var keys jwt.Keyfunc

func requireFIT(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		raw := strings.TrimPrefix(r.Header.Get("Authorization"), "Bearer ")
		if _, err := jwt.Parse(raw, keys, jwt.WithValidMethods([]string{"RS256"}),
			jwt.WithIssuer("forge/invocation-token"), jwt.WithAudience("ari:cloud:ecosystem::app/5d5a3c4e-0b1f-4c55-9d1e-2d7d0c2c9a11")); err != nil {
			http.Error(w, "unauthorized", http.StatusUnauthorized)
			return
		}
		next.ServeHTTP(w, r)
	})
}

func wrapped(w http.ResponseWriter, r *http.Request) {
	_ = r.Header.Get("x-forge-oauth-system")
}

func bare(w http.ResponseWriter, r *http.Request) {
	_ = r.Header.Get("x-forge-oauth-system") // want `handler bare uses the app system token`
}

func main() {
	mux := http.NewServeMux()
	mux.Handle("POST /wrapped", requireFIT(http.HandlerFunc(wrapped)))
	mux.Handle("POST /inline", requireFIT(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		_ = r.Header.Get("x-forge-oauth-user")
	})))
	mux.HandleFunc("POST /bare", bare)
	http.ListenAndServe(":8080", mux)
}
