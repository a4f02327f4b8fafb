// The body of a route a manifest endpoint invokes is the invocation payload.
package main

import (
	"encoding/json"
	"net/http"
	"strings"

	"github.com/golang-jwt/jwt/v5"
)

var keys jwt.Keyfunc

func issueUpdated(w http.ResponseWriter, r *http.Request) {
	var event map[string]any
	json.NewDecoder(r.Body).Decode(&event) // want `handler issueUpdated uses the invocation payload of endpoint route /events/issue-updated without verifying`
}

// webhook serves another route: its body is not Forge's.
func webhook(w http.ResponseWriter, r *http.Request) {
	var event map[string]any
	json.NewDecoder(r.Body).Decode(&event)
}

// issueCreated verifies the token before it reads the payload.
func issueCreated(w http.ResponseWriter, r *http.Request) {
	raw := strings.TrimPrefix(r.Header.Get("Authorization"), "Bearer ")
	if _, err := jwt.Parse(raw, keys, jwt.WithValidMethods([]string{"RS256"}), jwt.WithIssuer("forge/invocation-token"),
		jwt.WithAudience("ari:cloud:ecosystem::app/5d5a3c4e-0b1f-4c55-9d1e-2d7d0c2c9a11")); err != nil {
		return
	}
	var event map[string]any
	json.NewDecoder(r.Body).Decode(&event)
}

func main() {
	http.HandleFunc("POST /events/issue-created", issueCreated)
	http.HandleFunc("POST /events/issue-updated", issueUpdated)
	http.HandleFunc("POST /github/webhook", webhook)
	http.ListenAndServe(":8080", nil)
}
