package main // want package:"\\) needs READ, WRITE, DELETE}$"

// A Connect app with an OAuth 2.0 client too: a call whose credential the
// code does not show is covered by either grant; a JWT-signed one only by
// the descriptor; one through api.atlassian.com only by the OAuth grant.

import (
	"net/http"

	"golang.org/x/oauth2"
)

var conf = &oauth2.Config{
	Endpoint: oauth2.Endpoint{AuthURL: "https://auth.atlassian.com/authorize"},
	Scopes:   []string{"write:jira-work"},
}

var base string

func main() {
	// Either grant may authorize it, and the OAuth one covers it.
	http.Post(base+"/rest/api/3/issue/A-1/comment", "application/json", nil)

	req, _ := http.NewRequest("DELETE", base+"/rest/api/3/issue/A-1", nil) // want `DELETE /rest/api/3/issue/\{issueIdOrKey\} needs scope DELETE; atlassian-connect.json declares READ`
	req.Header.Set("Authorization", "JWT "+token())
	http.DefaultClient.Do(req)

	http.Get("https://api.atlassian.com/ex/jira/1/rest/api/3/project/P") // want `GET /rest/api/3/project/\{projectIdOrKey\} needs OAuth 2.0 scope read:jira-work \(or the granular .*\); the oauth2.Config at main.go:13 grants write:jira-work`
}

func token() string { return "" }
