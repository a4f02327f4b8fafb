// Package hostrequest reconstructs a Connect framework's request helper
// whose AsUser acts as a user through the JWT bearer grant.
package hostrequest

import (
	"net/http"

	atlasoauth2 "github.com/craftamap/atlas-gonnect/atlas-oauth2"
)

type HostRequest struct{ Scopes []string }

func (h HostRequest) AsUser(req *http.Request, accountID string) (*http.Request, error) { // want AsUser:"acts as user"
	resp, err := atlasoauth2.GetAccessToken(accountID, h.Scopes)
	if err != nil {
		return nil, err
	}
	resp.Body.Close()
	req.Header.Set("Authorization", "Bearer token")
	return req, nil
}

func (h HostRequest) AsAddon(req *http.Request) (*http.Request, error) { return req, nil }
