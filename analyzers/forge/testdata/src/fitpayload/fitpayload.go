// The body of a route a manifest endpoint invokes is the invocation payload.
package main

import (
	"encoding/json"
	"net/http"
)

func issueUpdated(w http.ResponseWriter, r *http.Request) {
	var event map[string]any
	json.NewDecoder(r.Body).Decode(&event) // want `handler issueUpdated uses the invocation payload of endpoint route /events/issue-updated without verifying`
}

// webhook serves another route: its body is not Forge's.
func webhook(w http.ResponseWriter, r *http.Request) {
	var event map[string]any
	json.NewDecoder(r.Body).Decode(&event)
}

func main() {
	http.HandleFunc("POST /events/issue-updated", issueUpdated)
	http.HandleFunc("POST /github/webhook", webhook)
	http.ListenAndServe(":8080", nil)
}
