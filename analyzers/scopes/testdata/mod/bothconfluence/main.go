package main // want package:"\\) needs READ}$"

// Confluence Cloud's v2 API next to v1 calls: the v1 calls are the Server /
// Data Center client, which has no v2 API.

import "net/http"

var base string

func main() {
	http.Get(base + "/wiki/api/v2/spaces")
	http.Get(base + "/wiki/rest/api/space/KEY")
}
