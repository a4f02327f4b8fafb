// Package connecthash compares a Connect JWT's qsh for other packages.
package connecthash

import "net/http"

// Matches reports whether the claims' qsh matches the request's hash.
func Matches(claims map[string]any, r *http.Request) bool { return claims["qsh"] == hashOf(r) } // want Matches:"checksQSH"

func hashOf(r *http.Request) string { return "" }
