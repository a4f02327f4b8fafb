package main // want package:"\\) needs READ, ACT_AS_USER}$"

// Acts as a user with ACT_AS_USER declared: nothing is missing, and
// ACT_AS_USER is not excess.

import (
	"net/http"

	"github.com/craftamap/atlas-gonnect/hostrequest"
)

func main() {
	var h hostrequest.HostRequest
	req, _ := http.NewRequest("GET", "https://x.atlassian.net/rest/api/3/myself", nil)
	req, _ = h.AsUser(req, "557058:1")
	http.DefaultClient.Do(req)
}
