package main // want package:"\\) needs READ, ACT_AS_USER}$"

// Acts as a user through a framework's AsUser without ACT_AS_USER.

import (
	"net/http"

	"github.com/craftamap/atlas-gonnect/hostrequest"
)

func handle(h hostrequest.HostRequest, base string) {
	req, _ := http.NewRequest("GET", base+"/rest/api/3/myself", nil)
	req, _ = h.AsUser(req, "557058:1") // want `hostrequest.HostRequest.AsUser \(the JWT bearer grant: acting as a user\) needs scope ACT_AS_USER; atlassian-connect.json declares READ`
	http.DefaultClient.Do(req)
}

func main() { handle(hostrequest.HostRequest{}, "") }
