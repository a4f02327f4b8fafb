// go-jose v4.
package main

import (
	"net/http"
	"strings"

	jose "github.com/go-jose/go-jose/v4"
	"github.com/go-jose/go-jose/v4/jwt"
)

var keys jose.JSONWebKeySet

const appID = "ari:cloud:ecosystem::app/5d5a3c4e-0b1f-4c55-9d1e-2d7d0c2c9a11"

func full(w http.ResponseWriter, r *http.Request) {
	tok, err := jwt.ParseSigned(strings.TrimPrefix(r.Header.Get("Authorization"), "Bearer "), []jose.SignatureAlgorithm{jose.RS256})
	if err != nil {
		return
	}
	var claims jwt.Claims
	if err := tok.Claims(keys, &claims); err != nil {
		return
	}
	if err := claims.Validate(jwt.Expected{Issuer: "forge/invocation-token", AnyAudience: jwt.Audience{appID}}); err != nil {
		return
	}
	_ = r.Header.Get("x-forge-oauth-user")
}

func signatureOnly(w http.ResponseWriter, r *http.Request) {
	tok, err := jwt.ParseSigned(strings.TrimPrefix(r.Header.Get("Authorization"), "Bearer "), []jose.SignatureAlgorithm{jose.RS256})
	if err != nil {
		return
	}
	var claims jwt.Claims
	if err := tok.Claims(keys, &claims); err != nil { // want `handler signatureOnly verifies the Forge Invocation Token without checking its audience \(app.id ari:cloud:ecosystem::app/5d5a3c4e-0b1f-4c55-9d1e-2d7d0c2c9a11\), its expiry \(exp\) and its issuer \(forge/invocation-token\)`
		return
	}
	_ = r.Header.Get("x-forge-oauth-user")
}

func main() {
	http.HandleFunc("/full", full)
	http.HandleFunc("/signature-only", signatureOnly)
	http.ListenAndServe(":8080", nil)
}
