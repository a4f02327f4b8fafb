// A verifying middleware passed as a value (router.Use) guards every route.
package main

import (
	"net/http"
	"strings"

	"github.com/golang-jwt/jwt/v5"
)

var keys jwt.Keyfunc

type router struct {
	mux         *http.ServeMux
	middlewares []func(http.Handler) http.Handler
}

func (rt *router) Use(mw func(http.Handler) http.Handler) {
	rt.middlewares = append(rt.middlewares, mw)
}

func (rt *router) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	var h http.Handler = rt.mux
	for _, mw := range rt.middlewares {
		h = mw(h)
	}
	h.ServeHTTP(w, r)
}

func requireFIT(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		raw := strings.TrimPrefix(r.Header.Get("Authorization"), "Bearer ")
		if _, err := jwt.Parse(raw, keys, jwt.WithValidMethods([]string{"RS256"}), jwt.WithIssuer("forge/invocation-token"),
			jwt.WithAudience("ari:cloud:ecosystem::app/5d5a3c4e-0b1f-4c55-9d1e-2d7d0c2c9a11")); err != nil {
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
	rt := &router{mux: http.NewServeMux()}
	rt.Use(requireFIT)
	rt.mux.HandleFunc("/issue", issue)
	http.ListenAndServe(":8080", rt)
}
