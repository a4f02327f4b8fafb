// want package:"actsForUsers\\(a Connect app \\(atlassian-connect.json\\)\\)"

// Package descgate is a Connect app, but the URL its basic auth goes to
// cannot be told: nothing is said.
package descgate

import "net/http"

func call(url, user, token string) {
	req, _ := http.NewRequest("GET", url, nil)
	req.SetBasicAuth(user, token)
	http.DefaultClient.Do(req)
}
