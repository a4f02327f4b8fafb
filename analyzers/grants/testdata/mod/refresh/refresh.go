package refresh // want package:"\\) refreshes}$"

// This package refreshes tokens by hand against Atlassian's token
// endpoint.

import (
	"net/http"
	"net/url"
)

func Refresh(rt string) (*http.Response, error) {
	return http.PostForm("https://auth.atlassian.com/oauth/token", url.Values{
		"grant_type":    {"refresh_token"},
		"refresh_token": {rt},
	})
}
