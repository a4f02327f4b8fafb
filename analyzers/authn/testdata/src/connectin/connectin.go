// Package connectin verifies incoming Connect JWTs but never looks at qsh.
package connectin

import (
	"net/http"
	"strings"

	"github.com/golang-jwt/jwt/v5"
)

func secretOf(r *http.Request) []byte { return nil }

func authenticate(w http.ResponseWriter, r *http.Request) bool {
	raw := strings.TrimPrefix(r.Header.Get("Authorization"), "JWT ")
	if raw == "" {
		raw = r.URL.Query().Get("jwt")
	}
	token, err := jwt.Parse(raw, func(t *jwt.Token) (any, error) { // want `Connect JWT verified without checking its qsh claim: compare claims\["qsh"\] with the query string hash of this request`
		return secretOf(r), nil
	}, jwt.WithValidMethods([]string{"HS256"}))
	return err == nil && token.Valid
}
