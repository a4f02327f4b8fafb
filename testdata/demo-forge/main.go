// Command issue-digest is the Forge Remote backend of the Issue Digest
// app (see manifest.yml): Forge invokes it when an issue is updated and
// once a day.
package main

import (
	"context"
	"log"
	"net/http"
	"os"

	"github.com/MicahParks/keyfunc/v3"
)

// forgeJWKS holds Forge's published signing keys.
const forgeJWKS = "https://forge.cdn.prod.atlassian-dev.net/.well-known/jwks.json"

type server struct {
	appID string // app.id of manifest.yml
	keys  keyfunc.Keyfunc
}

func main() {
	keys, err := keyfunc.NewDefaultCtx(context.Background(), []string{forgeJWKS})
	if err != nil {
		log.Fatalf("forge keys: %v", err)
	}
	s := &server{appID: os.Getenv("FORGE_APP_ID"), keys: keys}

	mux := http.NewServeMux()
	mux.HandleFunc("POST /forge/issue-updated", s.issueUpdated)
	mux.HandleFunc("POST /forge/daily-report", s.dailyReport)
	log.Fatal(http.ListenAndServe(":"+os.Getenv("PORT"), mux))
}
