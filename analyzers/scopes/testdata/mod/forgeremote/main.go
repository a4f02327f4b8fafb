package main // want package:"\\) needs READ, WRITE}$"

// A Forge remote: it calls Jira with the app system token Forge passes in
// the x-forge-oauth-system header, so the manifest's OAuth 2.0 scopes
// govern its calls.

import (
	"net/http"
)

const api = "https://api.atlassian.com/ex/jira/"

func comment(w http.ResponseWriter, r *http.Request) {
	token := r.Header.Get("x-forge-oauth-system")
	cloudID := r.URL.Query().Get("cloudId")
	req, _ := http.NewRequest("GET", api+cloudID+"/rest/api/3/issue/A-1", nil) // want `a call with the Forge app system token needs OAuth 2.0 scope read:app-system-token; manifest.yml declares read:jira-work, manage:jira-configuration`
	req.Header.Set("Authorization", "Bearer "+token)
	http.DefaultClient.Do(req)
	post, _ := http.NewRequest("POST", api+cloudID+"/rest/api/3/issue/A-1/comment", nil) // want `POST /rest/api/3/issue/\{issueIdOrKey\}/comment needs OAuth 2.0 scope write:jira-work \(or the granular .*\); manifest.yml declares read:jira-work, manage:jira-configuration`
	post.Header.Set("Authorization", "Bearer "+token)
	http.DefaultClient.Do(post)
}

func main() {
	http.HandleFunc("/comment", comment)
	http.ListenAndServe(":8080", nil)
}
