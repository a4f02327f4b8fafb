// want package:"hasWrappers"

// Package middleware is a stub of github.com/craftamap/atlas-gonnect/middleware.
package middleware

import (
	"net/http"

	gonnect "github.com/craftamap/atlas-gonnect"
)

func NewAuthenticationMiddleware(addon *gonnect.Addon, skipQsh bool) func(h http.Handler) http.Handler {
	return nil
}
