package main // want package:"\\) needs READ; 1 unresolved}$"

import (
	"net/http"
	"os"
)

const base = "https://example.atlassian.net"

// The request may be GET (READ), PUT (WRITE) or DELETE (DELETE): the least
// of them is asked for.
func anyMethod(key string) {
	method := os.Getenv("JIRA_METHOD")
	req, _ := http.NewRequest(method, base+"/rest/api/3/issue/"+key, nil) // want `a request of any method to https://example.atlassian.net/rest/api/3/issue/… matches \d+ operations; the least scope any of them needs is READ \(GET /rest/api/3/issue/\{issueIdOrKey\}\); atlassian-connect.json declares no scopes`
	http.DefaultClient.Do(req)
}

func myself() {
	http.Get(base + "/rest/api/3/myself") // want `GET /rest/api/3/myself needs scope READ; atlassian-connect.json declares no scopes`
}

func main() {
	anyMethod("A-1")
	myself()
}
