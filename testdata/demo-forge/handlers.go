package main

import (
	"encoding/json"
	"fmt"
	"log"
	"net/http"
)

// issueEvent is the payload of the avi:jira:updated:issue trigger.
type issueEvent struct {
	Issue struct {
		ID  string `json:"id"`
		Key string `json:"key"`
	} `json:"issue"`
}

// issueUpdated posts a digest comment on the updated issue. It trusts the
// request as it comes: the invocation token is never verified.
func (s *server) issueUpdated(w http.ResponseWriter, r *http.Request) {
	var ev issueEvent
	if err := json.NewDecoder(r.Body).Decode(&ev); err != nil {
		http.Error(w, "bad event", http.StatusBadRequest)
		return
	}
	token := r.Header.Get("x-forge-oauth-system")
	base := apiBaseURL(r)
	issue, err := getIssue(base, token, ev.Issue.Key)
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadGateway)
		return
	}
	if err := addComment(base, token, ev.Issue.Key, digestOf(issue)); err != nil {
		http.Error(w, err.Error(), http.StatusBadGateway)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

// dailyReport logs the issues updated in the last day, for the site the
// invocation token names.
func (s *server) dailyReport(w http.ResponseWriter, r *http.Request) {
	inv, err := s.verifyInvocation(r)
	if err != nil {
		http.Error(w, "invalid invocation token", http.StatusUnauthorized)
		return
	}
	keys, err := updatedIssues(inv.App.APIBaseURL, r.Header.Get("x-forge-oauth-system"))
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadGateway)
		return
	}
	log.Printf("%s: %d issues updated in the last day: %v", inv.App.APIBaseURL, len(keys), keys)
	w.WriteHeader(http.StatusNoContent)
}

func digestOf(issue *issue) string {
	return fmt.Sprintf("%s: %s (%s)", issue.Key, issue.Fields.Summary, issue.Fields.Status.Name)
}
