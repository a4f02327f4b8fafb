package main // want package:"\\) needs READ}$"

import "net/http"

func issue(w http.ResponseWriter, r *http.Request) {
	req, _ := http.NewRequest("GET", "https://api.atlassian.com/ex/jira/"+r.URL.Query().Get("cloudId")+"/rest/api/3/issue/A-1", nil)
	req.Header.Set("Authorization", "Bearer "+r.Header.Get("x-forge-oauth-user"))
	http.DefaultClient.Do(req)
}

func main() {
	http.HandleFunc("/issue", issue)
	http.ListenAndServe(":8080", nil)
}
