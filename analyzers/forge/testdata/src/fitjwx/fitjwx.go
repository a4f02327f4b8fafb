// lestrrat-go/jwx v2.
package main

import (
	"context"
	"net/http"
	"os"
	"strings"

	"github.com/lestrrat-go/jwx/v2/jwa"
	"github.com/lestrrat-go/jwx/v2/jwk"
	"github.com/lestrrat-go/jwx/v2/jwt"
)

var keys jwk.Set

func init() {
	keys, _ = jwk.Fetch(context.Background(), "https://forge.cdn.prod.atlassian-dev.net/.well-known/jwks.json")
}

func bearer(r *http.Request) []byte {
	return []byte(strings.TrimPrefix(r.Header.Get("Authorization"), "Bearer "))
}

func full(w http.ResponseWriter, r *http.Request) {
	if _, err := jwt.Parse(bearer(r), jwt.WithKeySet(keys), jwt.WithIssuer("forge/invocation-token"), jwt.WithAudience(os.Getenv("FORGE_APP_ID"))); err != nil {
		return
	}
	_ = r.Header.Get("x-forge-oauth-system")
}

func anyApp(w http.ResponseWriter, r *http.Request) {
	if _, err := jwt.Parse(bearer(r), jwt.WithKey(jwa.RS256, keys), jwt.WithIssuer("forge/invocation-token")); err != nil { // want `handler anyApp verifies the Forge Invocation Token without checking its audience \(app.id ari:cloud:ecosystem::app/5d5a3c4e-0b1f-4c55-9d1e-2d7d0c2c9a11\): a token`
		return
	}
	_ = r.Header.Get("x-forge-oauth-system")
}

func noSignature(w http.ResponseWriter, r *http.Request) {
	if _, err := jwt.Parse(bearer(r), jwt.WithVerify(false), jwt.WithIssuer("forge/invocation-token"), jwt.WithAudience(os.Getenv("FORGE_APP_ID"))); err != nil { // want `handler noSignature verifies the Forge Invocation Token without checking its signature \(jwt.WithVerify\(false\)\) and its algorithm \(RS256\)`
		return
	}
	_ = r.Header.Get("x-forge-oauth-system")
}

func insecure(w http.ResponseWriter, r *http.Request) {
	tok, _ := jwt.ParseInsecure(bearer(r))
	_ = tok
	_ = r.Header.Get("x-forge-oauth-system") // want `handler insecure uses the app system token \(x-forge-oauth-system\) without verifying`
}

func main() {
	http.HandleFunc("/full", full)
	http.HandleFunc("/any-app", anyApp)
	http.HandleFunc("/no-signature", noSignature)
	http.HandleFunc("/insecure", insecure)
	http.ListenAndServe(":8080", nil)
}
