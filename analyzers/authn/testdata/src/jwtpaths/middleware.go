package jwtpaths

import (
	"net/http"

	"github.com/golang-jwt/jwt/v5"
)

// requireJWT verifies the token and then calls the wrapped handler.
func requireJWT(next http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if verify(r.URL.Query().Get("jwt")) != nil {
			return
		}
		next(w, r)
	}
}

// behindMiddleware reads claims its middleware has verified.
func behindMiddleware(w http.ResponseWriter, r *http.Request) {
	claims := jwt.MapClaims{}
	jwt.NewParser().ParseUnverified(r.URL.Query().Get("jwt"), claims)
	_ = claims["sub"]
}

func wrappedRoutes() {
	http.Handle("/wrapped", requireJWT(http.HandlerFunc(behindMiddleware)))
}
