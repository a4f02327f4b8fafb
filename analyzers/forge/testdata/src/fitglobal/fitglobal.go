// A partial middleware wraps the whole mux: the handlers are protected,
// and the middleware itself is reported for what it misses.
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
		if _, err := jwt.Parse(raw, keys, jwt.WithValidMethods([]string{"RS256"})); err != nil { // want `middleware requireFIT verifies the Forge Invocation Token without checking its audience`
			http.Error(w, "unauthorized", http.StatusUnauthorized)
			return
		}
		next.ServeHTTP(w, r)
	})
}

func issue(w http.ResponseWriter, r *http.Request) {
	_ = r.Header.Get("x-forge-oauth-system")
}

func main() {
	mux := http.NewServeMux()
	mux.HandleFunc("/issue", issue)
	http.ListenAndServe(":8080", requireFIT(mux))
}
