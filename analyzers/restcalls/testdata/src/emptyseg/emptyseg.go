// Package emptyseg passes a key that may be "" to a wrapper whose path
// ends in it: the empty key is not taken for the list operation, while an
// optional suffix keeps both forms.
package emptyseg

import (
	"net/http"
	"os"
)

const base = "https://example.atlassian.net"

func project(method, key string) (*http.Response, error) {
	req, _ := http.NewRequest(method, base+"/rest/api/3/project/"+key, nil)
	return http.DefaultClient.Do(req)
}

func projectSuffix(method, key, suffix string) (*http.Response, error) {
	req, _ := http.NewRequest(method, base+"/rest/api/3/project/"+key+suffix, nil)
	return http.DefaultClient.Do(req)
}

func caller() {
	id := ""
	if v := os.Getenv("P"); v != "" {
		id = v
	}
	project("GET", id) // want `^call GET https://example.atlassian.net/rest/api/3/project/… via project; judged by any grant$`
	suffix := ""
	if os.Getenv("X") != "" {
		suffix = "/components"
	}
	projectSuffix("GET", "P", suffix) // want `call GET https://example.atlassian.net/rest/api/3/project/P via projectSuffix` `call GET https://example.atlassian.net/rest/api/3/project/P/components via projectSuffix`
}
