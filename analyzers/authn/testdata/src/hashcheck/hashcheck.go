// Package hashcheck compares qsh through another package's helper (a fact):
// its verification is not reported.
package hashcheck

import (
	"net/http"
	"strings"

	"github.com/golang-jwt/jwt/v5"

	"connecthash"
)

func secretOf(r *http.Request) []byte { return nil }

func handle(w http.ResponseWriter, r *http.Request) {
	raw := strings.TrimPrefix(r.Header.Get("Authorization"), "JWT ")
	claims := jwt.MapClaims{}
	_, err := jwt.ParseWithClaims(raw, claims, func(t *jwt.Token) (any, error) {
		return secretOf(r), nil
	}, jwt.WithValidMethods([]string{"HS256"}))
	if err != nil || !connecthash.Matches(claims, r) {
		http.Error(w, "unauthorized", http.StatusUnauthorized)
	}
}
