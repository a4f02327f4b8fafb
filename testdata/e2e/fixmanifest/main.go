// A Forge remote that comments on issues with the app system token, whose
// manifest lacks write:jira-work.
package main

import (
	"fmt"
	"net/http"
)

func comment(w http.ResponseWriter, r *http.Request) {
	url := "https://api.atlassian.com/ex/jira/" + r.URL.Query().Get("cloudId") + "/rest/api/3/issue/A-1/comment"
	req, _ := http.NewRequest("POST", url, nil)
	req.Header.Set("Authorization", "Bearer "+r.Header.Get("x-forge-oauth-system"))
	resp, err := http.DefaultClient.Do(req)
	if err != nil || resp.StatusCode != http.StatusCreated {
		fmt.Fprintln(w, "comment failed")
	}
}

func main() {
	http.HandleFunc("/comment", comment)
	http.ListenAndServe(":8080", nil)
}
