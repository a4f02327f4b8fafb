package main // want package:"\\) needs READ; 3 unresolved}$"

// Requests connectlint cannot place in the API table are listed, each
// where it is made; a request elsewhere is not.

import "net/http"

const site = "https://example.atlassian.net"

func main() {
	http.Get(site + "/rest/api/3/isue/A-1")       // want `GET https://example.atlassian.net/rest/api/3/isue/A-1 matches no operation of Atlassian's API: connectlint cannot check its scopes; the nearest is GET /rest/api/3/issue/\{issueIdOrKey\}`
	http.Get(site + path())                       // want `GET https://example.atlassian.net… goes to Atlassian, but its path is not known here: connectlint cannot check its scopes`
	req, _ := http.NewRequest("GET", path(), nil) // want `GET … goes to Atlassian, but its path is not known here`
	req.Header.Set("Authorization", "JWT "+path())
	http.DefaultClient.Do(req)
	http.Get("https://example.com/" + path()) // not Atlassian
	http.Get(path())                          // nothing says where it goes
	http.Get(site + "/rest/api/3/myself")
}

func path() string { return "" }
