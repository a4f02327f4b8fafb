// Package connectinok verifies incoming Connect JWTs and their qsh.
package connectinok

import (
	"net/http"
	"strings"

	"github.com/golang-jwt/jwt/v5"
)

func secretOf(r *http.Request) []byte { return nil }

func queryStringHash(r *http.Request) string { return "" }

func authenticate(w http.ResponseWriter, r *http.Request) bool {
	raw := strings.TrimPrefix(r.Header.Get("Authorization"), "JWT ")
	token, err := jwt.Parse(raw, func(t *jwt.Token) (any, error) {
		return secretOf(r), nil
	}, jwt.WithValidMethods([]string{"HS256"}))
	if err != nil || !token.Valid {
		return false
	}
	claims := token.Claims.(jwt.MapClaims)
	return claims["qsh"] == queryStringHash(r)
}
