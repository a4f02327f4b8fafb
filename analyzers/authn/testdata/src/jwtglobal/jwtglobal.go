// Package jwtglobal puts every handler behind another package's verifying
// middleware, built once: the handlers' unverified reads are not reported.
package jwtglobal

import (
	"net/http"

	"github.com/golang-jwt/jwt/v5"

	"jwtverifier"
)

func handler(w http.ResponseWriter, r *http.Request) {
	claims := jwt.MapClaims{}
	jwt.NewParser().ParseUnverified(r.URL.Query().Get("jwt"), claims)
	_ = claims["sub"]
}

func routes(secret []byte) {
	verified := jwtverifier.Middleware(secret)
	http.Handle("/", verified(http.HandlerFunc(handler)))
}
