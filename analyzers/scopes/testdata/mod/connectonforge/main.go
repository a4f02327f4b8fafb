package main // want package:"\\) needs READ, WRITE}$"

// Connect on Forge: a call signed with the Connect JWT is judged by the
// manifest's Connect scopes, a call with the app system token by its
// OAuth 2.0 scopes; the descriptor's WRITE does not count.

import "net/http"

const site = "https://example.atlassian.net"

func handle(w http.ResponseWriter, r *http.Request) {
	jwt := sign("POST", "/rest/api/3/issue/A-1/comment")
	req, _ := http.NewRequest("POST", site+"/rest/api/3/issue/A-1/comment", nil) // want `POST /rest/api/3/issue/\{issueIdOrKey\}/comment needs scope WRITE; manifest.yml declares read:connect-jira$`
	req.Header.Set("Authorization", "JWT "+jwt)
	http.DefaultClient.Do(req)

	get, _ := http.NewRequest("GET", "https://api.atlassian.com/ex/jira/"+r.URL.Query().Get("cloudId")+"/rest/api/3/issue/A-1", nil) // want `a call with the Forge app system token needs OAuth 2.0 scope read:app-system-token`
	get.Header.Set("Authorization", "Bearer "+r.Header.Get("x-forge-oauth-system"))
	http.DefaultClient.Do(get)
}

func sign(method, path string) string { return method + path }

func main() {
	http.HandleFunc("/handle", handle)
	http.ListenAndServe(":8080", nil)
}
