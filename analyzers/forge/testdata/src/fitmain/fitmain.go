// A Forge remote: one handler per way of (not) verifying the invocation
// token with golang-jwt v5.
package main

import (
	"net/http"
	"strings"

	"github.com/golang-jwt/jwt/v5"
)

const appID = "ari:cloud:ecosystem::app/5d5a3c4e-0b1f-4c55-9d1e-2d7d0c2c9a11"

var forgeKeys jwt.Keyfunc

func unverified(w http.ResponseWriter, r *http.Request) {
	token := r.Header.Get("x-forge-oauth-system") // want `handler unverified uses the app system token \(x-forge-oauth-system\) without verifying the Forge Invocation Token: .*audience ari:cloud:ecosystem::app/5d5a3c4e-0b1f-4c55-9d1e-2d7d0c2c9a11`
	_ = token
}

// verified checks everything: not reported.
func verified(w http.ResponseWriter, r *http.Request) {
	if !verifyFIT(r) {
		http.Error(w, "unauthorized", http.StatusUnauthorized)
		return
	}
	_ = r.Header.Get("x-forge-oauth-system")
}

func verifyFIT(r *http.Request) bool {
	raw := strings.TrimPrefix(r.Header.Get("Authorization"), "Bearer ")
	tok, err := jwt.Parse(raw, forgeKeys,
		jwt.WithValidMethods([]string{"RS256"}),
		jwt.WithIssuer("forge/invocation-token"),
		jwt.WithAudience(appID))
	return err == nil && tok.Valid
}

// noAudience verifies the signature but accepts any app's token.
func noAudience(w http.ResponseWriter, r *http.Request) {
	raw := strings.TrimPrefix(r.Header.Get("Authorization"), "Bearer ")
	tok, err := jwt.Parse(raw, forgeKeys, jwt.WithValidMethods([]string{"RS256"})) // want `handler noAudience verifies the Forge Invocation Token without checking its audience \(app.id ari:cloud:ecosystem::app/5d5a3c4e-0b1f-4c55-9d1e-2d7d0c2c9a11\) and its issuer \(forge/invocation-token\): a token Forge issued for another app`
	if err != nil || !tok.Valid {
		return
	}
	_ = r.Header.Get("x-forge-oauth-user")
}

// noIssuer misses only hardening checks: a warning.
func noIssuer(w http.ResponseWriter, r *http.Request) {
	raw := strings.TrimPrefix(r.Header.Get("Authorization"), "Bearer ")
	_, err := jwt.Parse(raw, forgeKeys, jwt.WithAudience(appID)) // want `handler noIssuer verifies the Forge Invocation Token without checking its issuer \(forge/invocation-token\) and its algorithm \(RS256\): pin them`
	if err != nil {
		return
	}
	_ = r.Header.Get("x-forge-oauth-system")
}

// expiredOK turns the exp check off.
func expiredOK(w http.ResponseWriter, r *http.Request) {
	raw := strings.TrimPrefix(r.Header.Get("Authorization"), "Bearer ")
	_, err := jwt.Parse(raw, forgeKeys, jwt.WithValidMethods([]string{"RS256"}), jwt.WithIssuer("forge/invocation-token"), // want `handler expiredOK verifies the Forge Invocation Token without checking its expiry \(exp\)`
		jwt.WithAudience(appID), jwt.WithoutClaimsValidation())
	if err != nil {
		return
	}
	_ = r.Header.Get("x-forge-oauth-system")
}

// otherApp checks an audience that is not the manifest's app.id.
func otherApp(w http.ResponseWriter, r *http.Request) {
	raw := strings.TrimPrefix(r.Header.Get("Authorization"), "Bearer ")
	_, err := jwt.Parse(raw, forgeKeys, jwt.WithValidMethods([]string{"RS256"}), jwt.WithIssuer("forge/invocation-token"), // want `its audience against app.id ari:cloud:ecosystem::app/5d5a3c4e-0b1f-4c55-9d1e-2d7d0c2c9a11 \(it checks ari:cloud:ecosystem::app/00000000-0000-0000-0000-000000000000\)`
		jwt.WithAudience("ari:cloud:ecosystem::app/00000000-0000-0000-0000-000000000000"))
	if err != nil {
		return
	}
	_ = r.Header.Get("x-forge-oauth-system")
}

// unverifiedParse reads the claims without checking the signature.
func unverifiedParse(w http.ResponseWriter, r *http.Request) {
	raw := strings.TrimPrefix(r.Header.Get("Authorization"), "Bearer ")
	claims := jwt.MapClaims{}
	_, _, _ = jwt.NewParser().ParseUnverified(raw, claims)
	_ = r.Header.Get("x-forge-oauth-system") // want `handler unverifiedParse uses the app system token`
}

// health reads no token: not judged.
func health(w http.ResponseWriter, r *http.Request) {
	w.Write([]byte("ok"))
}

// A handler method, wired as a method value.
type server struct{}

func (s *server) comment(w http.ResponseWriter, r *http.Request) {
	_ = r.Header.Get("X-Forge-Oauth-User") // want `handler comment uses the app user token`
}

func main() {
	s := &server{}
	http.HandleFunc("/unverified", unverified)
	http.HandleFunc("/verified", verified)
	http.HandleFunc("/no-audience", noAudience)
	http.HandleFunc("/no-issuer", noIssuer)
	http.HandleFunc("/expired", expiredOK)
	http.HandleFunc("/other-app", otherApp)
	http.HandleFunc("/unverified-parse", unverifiedParse)
	http.HandleFunc("/health", health)
	http.HandleFunc("/comment", s.comment)
	http.HandleFunc("/inline", func(w http.ResponseWriter, r *http.Request) {
		_ = r.Header["X-Forge-Oauth-System"] // want `this handler uses the app system token`
	})
	http.ListenAndServe(":8080", nil)
}
