package main

import (
	_ "embed"
	"log"
	"net/http"
	"os"
	"time"
)

//go:embed atlassian-connect.json
var descriptor []byte

func main() {
	addr := os.Getenv("ADDR")
	if addr == "" {
		addr = ":8080"
	}
	app := &App{
		Tenants:   NewTenantStore(),
		Mailer:    logMailer{},
		StaleDays: 90,
	}

	mux := http.NewServeMux()
	mux.HandleFunc("GET /atlassian-connect.json", serveDescriptor)
	mux.HandleFunc("POST /installed", app.handleInstalled)
	mux.HandleFunc("POST /uninstalled", app.handleUninstalled)
	mux.Handle("POST /webhooks/issue-updated", app.requireJWT(http.HandlerFunc(app.handleIssueUpdated)))
	mux.Handle("GET /admin", app.requireJWT(http.HandlerFunc(app.handleAdmin)))
	mux.Handle("POST /admin/clean", app.requireJWT(http.HandlerFunc(app.handleClean)))

	srv := &http.Server{
		Addr:              addr,
		Handler:           mux,
		ReadHeaderTimeout: 10 * time.Second,
	}
	log.Printf("issue cleaner listening on %s", addr)
	log.Fatal(srv.ListenAndServe())
}

func serveDescriptor(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "application/json")
	w.Write(descriptor)
}
