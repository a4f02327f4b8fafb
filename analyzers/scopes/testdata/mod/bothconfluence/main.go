package main // want package:"\\) needs READ}$"

// Confluence Cloud's v2 API next to a v1 call in one function is a choice
// between Cloud and Server / Data Center, which has no v2 API; a v1 call
// alone in its function is reported.

import "net/http"

var base string

func space(cloud bool) {
	if cloud {
		http.Get(base + "/wiki/api/v2/spaces")
		return
	}
	http.Get(base + "/wiki/rest/api/space/KEY")
}

func main() {
	space(true)
	http.Get(base + "/wiki/rest/api/space") // want `^GET /wiki/rest/api/space is no longer in Atlassian's current API`
}
