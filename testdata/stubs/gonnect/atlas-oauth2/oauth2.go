// Package atlasoauth2 reconstructs the shape of a Connect framework's JWT
// bearer grant: constants for the server and the grant type, and an
// exchange function.
package atlasoauth2

import (
	"net/http"
	"net/url"
	"strings"
)

const AuthorizationServerURL = "https://oauth-2-authorization-server.services.atlassian.com"
const GrantType = "urn:ietf:params:oauth:grant-type:jwt-bearer"

func GetAccessToken(assertion string, scopes []string) (*http.Response, error) { // want GetAccessToken:"acts as user"
	form := url.Values{"grant_type": {GrantType}, "assertion": {assertion}, "scope": {strings.Join(scopes, " ")}}
	return http.PostForm(AuthorizationServerURL+"/oauth2/token", form)
}
