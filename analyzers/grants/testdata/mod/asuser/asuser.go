package asuser // want package:"\\) acts as user}$"

// This package acts as users: through a framework's AsUser, and through
// its own exchange.

import (
	"net/http"
	"net/url"

	"github.com/craftamap/atlas-gonnect/hostrequest"
)

const tokenURL = "https://oauth-2-authorization-server.services.atlassian.com/oauth2/token"

func Handler(h hostrequest.HostRequest, r *http.Request) { // want Handler:"acts as user"
	req, _ := http.NewRequest("GET", "/rest/api/3/myself", nil)
	h.AsUser(req, "557058:abc")
	h.AsAddon(req)
}

func exchange(assertion string) (*http.Response, error) {
	return http.PostForm(tokenURL, url.Values{
		"grant_type": {"urn:ietf:params:oauth:grant-type:jwt-bearer"},
		"assertion":  {assertion},
	})
}

// Impersonate wraps the app's own exchange.
func Impersonate(a string) { // want Impersonate:"acts as user"
	exchange(a)
}
