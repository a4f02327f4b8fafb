package main

import (
	"context"
	"encoding/json"
	"fmt"
	"html/template"
	"log"
	"net/http"
	"slices"
	"time"
)

type App struct {
	Tenants   *TenantStore
	Mailer    Mailer
	StaleDays int
}

type Mailer interface {
	Send(to, subject, body string)
}

type logMailer struct{}

func (logMailer) Send(to, subject, body string) {
	log.Printf("mail to %s: %s", to, subject)
}

type issueEvent struct {
	WebhookEvent string `json:"webhookEvent"`
	Issue        Issue  `json:"issue"`
}

func (a *App) handleIssueUpdated(w http.ResponseWriter, r *http.Request) {
	t, ok := tenantFrom(r.Context())
	if !ok {
		http.Error(w, "no tenant", http.StatusUnauthorized)
		return
	}
	var ev issueEvent
	if err := json.NewDecoder(r.Body).Decode(&ev); err != nil {
		http.Error(w, "bad webhook payload", http.StatusBadRequest)
		return
	}
	w.WriteHeader(http.StatusNoContent)

	if !slices.Contains(ev.Issue.Fields.Labels, "cleanup") {
		return
	}
	go func(key string) {
		ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
		defer cancel()
		c := NewClient(t)
		issue, err := c.GetIssue(ctx, key)
		if err != nil {
			log.Printf("webhook %s: %v", key, err)
			return
		}
		msg := fmt.Sprintf("Issue Cleaner: %s is labelled for cleanup and will be removed in %d days.", issue.Key, a.StaleDays)
		if err := c.AddComment(ctx, issue.Key, msg); err != nil {
			log.Printf("webhook %s: %v", key, err)
			return
		}
		email, err := c.UserEmail(ctx, issue.Fields.Reporter.AccountID)
		if err != nil {
			log.Printf("webhook %s: reporter: %v", key, err)
			return
		}
		a.Mailer.Send(email, "Issue "+issue.Key+" will be cleaned up", msg)
	}(ev.Issue.Key)
}

var adminPage = template.Must(template.New("admin").Parse(`<!DOCTYPE html>
<html>
<head>
<script src="https://connect-cdn.atl-paas.net/all.js"></script>
<title>Issue Cleaner</title>
</head>
<body>
<h1>Stale issues</h1>
<p>Issues not updated for {{.Days}} days.</p>
<table>
{{range .Issues}}<tr><td>{{.Key}}</td><td>{{.Fields.Summary}}</td><td>{{.Fields.Updated}}</td></tr>
{{end}}
</table>
<form method="post" action="/admin/clean?jwt={{.Token}}">
<button type="submit">Delete all</button>
</form>
</body>
</html>
`))

func (a *App) handleAdmin(w http.ResponseWriter, r *http.Request) {
	t, _ := tenantFrom(r.Context())
	issues, err := NewClient(t).SearchStale(r.Context(), a.StaleDays)
	if err != nil {
		http.Error(w, "search failed", http.StatusBadGateway)
		return
	}
	data := struct {
		Days   int
		Issues []Issue
		Token  string
	}{a.StaleDays, issues, r.URL.Query().Get("jwt")}
	if err := adminPage.Execute(w, data); err != nil {
		log.Printf("admin page: %v", err)
	}
}

func (a *App) handleClean(w http.ResponseWriter, r *http.Request) {
	t, _ := tenantFrom(r.Context())
	c := NewClient(t)
	issues, err := c.SearchStale(r.Context(), a.StaleDays)
	if err != nil {
		http.Error(w, "search failed", http.StatusBadGateway)
		return
	}
	deleted := 0
	for _, issue := range issues {
		if err := c.DeleteIssue(r.Context(), issue.Key); err != nil {
			log.Printf("clean %s: %v", issue.Key, err)
			continue
		}
		deleted++
	}
	fmt.Fprintf(w, "deleted %d of %d stale issues\n", deleted, len(issues))
}
