// Package connectquery is a Connect app page: the jwt query parameter of an
// iframe load, verified without qsh.
package connectquery

import (
	"net/http"

	"github.com/golang-jwt/jwt/v5"
)

const hostSuffix = ".atlassian.net"

func page(r *http.Request, secret []byte) (*jwt.Token, error) {
	raw := r.FormValue("jwt")
	return jwt.Parse(raw, func(*jwt.Token) (any, error) { return secret, nil }, jwt.WithValidMethods([]string{"HS256"})) // want `Connect JWT verified without checking its qsh claim`
}
