package main

import (
	"errors"
	"net/http"
	"strings"

	"github.com/golang-jwt/jwt/v5"
)

// invocation is the part of the Forge Invocation Token the backend uses.
type invocation struct {
	App struct {
		ID         string `json:"id"`
		APIBaseURL string `json:"apiBaseUrl"`
	} `json:"app"`
	jwt.RegisteredClaims
}

// verifyInvocation checks the Forge Invocation Token of a request: signed
// by Forge (RS256, Forge's JWKS), issued for this app, not expired.
func (s *server) verifyInvocation(r *http.Request) (*invocation, error) {
	raw, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
	if !ok {
		return nil, errors.New("no invocation token")
	}
	var inv invocation
	_, err := jwt.ParseWithClaims(raw, &inv, s.keys.Keyfunc,
		jwt.WithValidMethods([]string{"RS256"}),
		jwt.WithIssuer("forge/invocation-token"),
		jwt.WithAudience(s.appID),
		jwt.WithExpirationRequired())
	if err != nil {
		return nil, err
	}
	return &inv, nil
}

// apiBaseURL reads the site's API base URL from the invocation token
// without verifying it (the caller must have done so, or not).
func apiBaseURL(r *http.Request) string {
	raw := strings.TrimPrefix(r.Header.Get("Authorization"), "Bearer ")
	var inv invocation
	if _, _, err := jwt.NewParser().ParseUnverified(raw, &inv); err != nil {
		return ""
	}
	return inv.App.APIBaseURL
}
