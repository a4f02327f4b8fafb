// Package jwtpaths has strict and loose JWT handlers side by side: each
// function is judged by what its own path verifies.
package jwtpaths

import (
	"net/http"

	"github.com/golang-jwt/jwt/v5"

	"jwtverifier"
)

func secretOf(clientKey string) []byte { return nil }

func unverifiedClaims(raw string) jwt.MapClaims {
	claims := jwt.MapClaims{}
	jwt.NewParser().ParseUnverified(raw, claims)
	return claims
}

func verify(raw string) error {
	_, err := jwt.Parse(raw, func(t *jwt.Token) (any, error) {
		return secretOf(""), nil
	}, jwt.WithValidMethods([]string{"HS256"}))
	return err
}

// strict verifies before reading the claims.
func strict(w http.ResponseWriter, r *http.Request) {
	raw := r.URL.Query().Get("jwt")
	if verify(raw) != nil {
		return
	}
	claims := jwt.MapClaims{}
	jwt.NewParser().ParseUnverified(raw, claims)
	_ = claims["sub"]
}

// loose trusts the claims: the strict handler beside it does not help.
func loose(w http.ResponseWriter, r *http.Request) {
	claims := jwt.MapClaims{}
	jwt.NewParser().ParseUnverified(r.URL.Query().Get("jwt"), claims) // want `jwt ParseUnverified reads the claims without checking the signature, and nothing on this function's path verifies the token`
	_ = claims["sub"]
}

// lookup calls a helper that does not verify either.
func lookup(raw string) string {
	sub, _ := claimsOf(raw)["sub"].(string)
	return sub
}

func claimsOf(raw string) jwt.MapClaims {
	claims := jwt.MapClaims{}
	jwt.NewParser().ParseUnverified(raw, claims) // want `nothing on this function's path verifies the token`
	return claims
}

// viaHelper verifies through a helper and then reads the claims.
func viaHelper(raw string) jwt.MapClaims {
	if verify(raw) != nil {
		return nil
	}
	return unverifiedClaims(raw)
}

// viaFact verifies through another package's helper (a fact).
func viaFact(raw string) string {
	if jwtverifier.Check(raw) != nil {
		return ""
	}
	claims := jwt.MapClaims{}
	jwt.NewParser().ParseUnverified(raw, claims)
	sub, _ := claims["sub"].(string)
	return sub
}

// preRead reads the issuer unverified to pick the tenant's secret, then
// verifies the same token.
func preRead(raw string) error {
	claims := jwt.MapClaims{}
	jwt.NewParser().ParseUnverified(raw, claims)
	iss, _ := claims["iss"].(string)
	return jwtverifier.Verify(raw, secretOf(iss))
}

// afterCaller is only called once its caller has verified.
func afterCaller(raw string) string {
	claims := jwt.MapClaims{}
	jwt.NewParser().ParseUnverified(raw, claims)
	sub, _ := claims["sub"].(string)
	return sub
}

func caller(raw string) string {
	if verify(raw) != nil {
		return ""
	}
	return afterCaller(raw)
}

func routes() {
	http.HandleFunc("/strict", strict)
	http.HandleFunc("/loose", loose)
	_ = lookup
	_ = viaHelper
	_ = viaFact
	_ = preRead
	_ = caller
}
