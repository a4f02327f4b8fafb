// Package descgate is a Connect app: its atlassian-connect.json makes it
// Atlassian-related although no string in the code names Atlassian.
package descgate

import "net/http"

func call(url, user, token string) {
	req, _ := http.NewRequest("GET", url, nil)
	req.SetBasicAuth(user, token) // want `basic auth with \(\*http.Request\).SetBasicAuth`
	http.DefaultClient.Do(req)
}
