package middleware

import (
	"net/http"

	gonnect "github.com/craftamap/atlas-gonnect"
)

// NewTokenMiddleware checks the framework's own session tokens, which carry
// no qsh: skipping qsh here is by design and not reported.
func NewTokenMiddleware(addon *gonnect.Addon) func(h http.Handler) http.Handler { // want NewTokenMiddleware:"verifiesJWT"
	return NewAuthenticationMiddleware(addon, true)
}
