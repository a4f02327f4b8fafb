package main

import (
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"html/template"
	"net/http"
	"sync"

	"golang.org/x/oauth2"
)

// App serves the signed-in users.
type App struct {
	Sessions *Sessions
}

// Sessions keeps each browser's token and Jira site.
type Sessions struct {
	mu   sync.Mutex
	byID map[string]*Session
}

// Session is one signed-in user.
type Session struct {
	State  string
	Token  *oauth2.Token
	Client *Jira
}

func NewSessions() *Sessions { return &Sessions{byID: map[string]*Session{}} }

func (s *Sessions) get(r *http.Request) *Session {
	c, err := r.Cookie("triage")
	if err != nil {
		return nil
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.byID[c.Value]
}

func (s *Sessions) start(w http.ResponseWriter) *Session {
	id := randomHex()
	sess := &Session{State: randomHex()}
	s.mu.Lock()
	s.byID[id] = sess
	s.mu.Unlock()
	http.SetCookie(w, &http.Cookie{Name: "triage", Value: id, HttpOnly: true, Secure: true, SameSite: http.SameSiteLaxMode})
	return sess
}

func randomHex() string {
	b := make([]byte, 16)
	rand.Read(b)
	return hex.EncodeToString(b)
}

func (a *App) handleLogin(w http.ResponseWriter, r *http.Request) {
	sess := a.Sessions.start(w)
	url := conf.AuthCodeURL(sess.State,
		oauth2.SetAuthURLParam("audience", "api.atlassian.com"),
		oauth2.SetAuthURLParam("prompt", "consent"))
	http.Redirect(w, r, url, http.StatusFound)
}

func (a *App) handleCallback(w http.ResponseWriter, r *http.Request) {
	sess := a.Sessions.get(r)
	if sess == nil || r.FormValue("state") != sess.State {
		http.Error(w, "bad state", http.StatusBadRequest)
		return
	}
	tok, err := conf.Exchange(r.Context(), r.FormValue("code"))
	if err != nil {
		http.Error(w, "sign-in failed", http.StatusBadGateway)
		return
	}
	jira, err := Connect(r.Context(), conf.Client(r.Context(), tok))
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadGateway)
		return
	}
	sess.Token, sess.Client = tok, jira
	http.Redirect(w, r, "/issues", http.StatusFound)
}

var issuesPage = template.Must(template.New("issues").Parse(`<h1>Hello {{.Me}}</h1>
<ul>{{range .Issues}}<li>{{.Key}} {{.Fields.Summary}}
<form method="post" action="/issues/{{.Key}}/triage"><button>Triaged</button></form></li>{{end}}</ul>`))

func (a *App) handleIssues(w http.ResponseWriter, r *http.Request) {
	sess := a.Sessions.get(r)
	if sess == nil || sess.Client == nil {
		http.Redirect(w, r, "/login", http.StatusFound)
		return
	}
	me, err := sess.Client.Myself(r.Context())
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadGateway)
		return
	}
	issues, err := sess.Client.Assigned(r.Context())
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadGateway)
		return
	}
	issuesPage.Execute(w, map[string]any{"Me": me, "Issues": issues})
}

func (a *App) handleTriage(w http.ResponseWriter, r *http.Request) {
	sess := a.Sessions.get(r)
	if sess == nil || sess.Client == nil {
		http.Error(w, "sign in first", http.StatusUnauthorized)
		return
	}
	if err := sess.Client.Comment(r.Context(), r.PathValue("key"), "Triaged."); err != nil {
		http.Error(w, err.Error(), http.StatusBadGateway)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	json.NewEncoder(w).Encode(map[string]string{"status": "triaged"})
}
