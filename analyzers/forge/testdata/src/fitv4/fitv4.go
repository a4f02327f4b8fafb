// golang-jwt v4: the audience and issuer are checked on the claims.
package main

import (
	"net/http"
	"strings"

	"github.com/golang-jwt/jwt/v4"
)

var keys jwt.Keyfunc

func checked(w http.ResponseWriter, r *http.Request) {
	claims := jwt.MapClaims{}
	raw := strings.TrimPrefix(r.Header.Get("Authorization"), "Bearer ")
	tok, err := jwt.ParseWithClaims(raw, claims, keys, jwt.WithValidMethods([]string{"RS256"}))
	if err != nil || !tok.Valid || !claims.VerifyAudience(appID(), true) || !claims.VerifyIssuer("forge/invocation-token", true) {
		http.Error(w, "unauthorized", http.StatusUnauthorized)
		return
	}
	_ = r.Header.Get("x-forge-oauth-system")
}

func issuerOnly(w http.ResponseWriter, r *http.Request) {
	claims := jwt.MapClaims{}
	raw := strings.TrimPrefix(r.Header.Get("Authorization"), "Bearer ")
	tok, err := jwt.ParseWithClaims(raw, claims, keys, jwt.WithValidMethods([]string{"RS256"})) // want `handler issuerOnly verifies the Forge Invocation Token without checking its audience`
	if err != nil || !tok.Valid || !claims.VerifyIssuer("forge/invocation-token", true) {
		return
	}
	_ = r.Header.Get("x-forge-oauth-system")
}

func appID() string { return "" }

func main() {
	http.HandleFunc("/checked", checked)
	http.HandleFunc("/issuer-only", issuerOnly)
	http.ListenAndServe(":8080", nil)
}
