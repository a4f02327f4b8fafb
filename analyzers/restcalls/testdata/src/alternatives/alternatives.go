// Package alternatives builds a URL in a helper that returns its argument
// as it is when it already has a scheme: at a call with a relative path
// only the alternative that matches an operation is a call, not the
// argument taken as a whole URL.
package alternatives

import (
	"net/http"
	"net/url"
)

const site = "https://example.atlassian.net"

func endpointURL(endpoint string) string {
	if u, err := url.Parse(endpoint); err == nil && u.Scheme != "" {
		return endpoint
	}
	return site + "/rest/api/" + endpoint
}

func get(endpoint, token string) (*http.Response, error) {
	req, _ := http.NewRequest("GET", endpointURL(endpoint), nil)
	req.Header.Set("Authorization", "JWT "+token)
	return http.DefaultClient.Do(req)
}

func caller(token string) {
	get("2/user?accountId=1", token) // want `^call GET https://example.atlassian.net/rest/api/2/user\?accountId=1 via get: GET /rest/api/3/user; judged by Connect scopes \(a Connect JWT\)$`
}
