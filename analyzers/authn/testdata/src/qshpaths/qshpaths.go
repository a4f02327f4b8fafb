// Package qshpaths has a handler that checks qsh and one that does not.
package qshpaths

import (
	"net/http"
	"strings"

	"github.com/golang-jwt/jwt/v5"
)

func secretOf(r *http.Request) []byte { return nil }

func queryStringHash(r *http.Request) string { return "" }

func parse(r *http.Request) (jwt.MapClaims, error) {
	raw := strings.TrimPrefix(r.Header.Get("Authorization"), "JWT ")
	claims := jwt.MapClaims{}
	_, err := jwt.ParseWithClaims(raw, claims, func(t *jwt.Token) (any, error) {
		return secretOf(r), nil
	}, jwt.WithValidMethods([]string{"HS256"}))
	return claims, err
}

// strict verifies through parse and compares qsh: parse is covered by it.
func strict(w http.ResponseWriter, r *http.Request) {
	claims, err := parse(r)
	if err != nil || claims["qsh"] != queryStringHash(r) {
		http.Error(w, "unauthorized", http.StatusUnauthorized)
	}
}

// loose verifies on its own and never looks at qsh.
func loose(w http.ResponseWriter, r *http.Request) {
	raw := strings.TrimPrefix(r.Header.Get("Authorization"), "JWT ")
	_, err := jwt.Parse(raw, func(t *jwt.Token) (any, error) { // want `Connect JWT verified without checking its qsh claim on this path \(the qsh check elsewhere in the package does not run here\)`
		return secretOf(r), nil
	}, jwt.WithValidMethods([]string{"HS256"}))
	if err != nil {
		http.Error(w, "unauthorized", http.StatusUnauthorized)
	}
}

// checked verifies, then calls a helper that compares qsh.
func checked(w http.ResponseWriter, r *http.Request) {
	raw := strings.TrimPrefix(r.Header.Get("Authorization"), "JWT ")
	token, err := jwt.Parse(raw, func(t *jwt.Token) (any, error) {
		return secretOf(r), nil
	}, jwt.WithValidMethods([]string{"HS256"}))
	if err != nil || !qshMatches(token, r) {
		http.Error(w, "unauthorized", http.StatusUnauthorized)
	}
}

func qshMatches(token *jwt.Token, r *http.Request) bool {
	claims, _ := token.Claims.(jwt.MapClaims)
	return claims["qsh"] == queryStringHash(r)
}
