package main // want package:"\\) needs WRITE}$"

// Calls through api.atlassian.com take OAuth 2.0 tokens, not the Connect
// JWT: the descriptor's scopes do not judge them, and with no OAuth grant
// in the code nothing does.

import "net/http"

func main() {
	http.Post("https://api.atlassian.com/ex/jira/1/rest/api/3/issue/A-1/comment", "application/json", nil)
}
