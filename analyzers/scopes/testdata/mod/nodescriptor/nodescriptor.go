package nodescriptor // want package:"\\) needs READ, DELETE, ACT_AS_USER; 4 deferred}$"

import "net/http"

const base = "https://example.atlassian.net"

// Without a descriptor, the scope rules are silent: the program may not
// be a Connect app.
func Calls(key string) {
	req, _ := http.NewRequest(http.MethodDelete, base+"/rest/api/3/issue/"+key, nil)
	http.DefaultClient.Do(req)
	http.Get(base + "/rest/api/3/mypreferences")
	http.Get(base + "/rest/api/3/applicationrole")
	// Deprecation concerns every caller.
	http.Get(base + "/rest/api/3/search?jql=project=A") // want `GET /rest/api/3/search is deprecated`
}
