package main // want package:"\\) needs READ, DELETE}$"

// Messages name the path as the code spells it: /rest/api/2, not the v3
// template the table keeps.

import "net/http"

const site = "https://example.atlassian.net"

func main() {
	http.Get(site + "/rest/api/2/search?jql=project=A")                         // want `^GET /rest/api/2/search is deprecated$`
	req, _ := http.NewRequest("DELETE", site+"/rest/api/latest/issue/A-1", nil) // want `DELETE /rest/api/latest/issue/\{issueIdOrKey\} needs scope DELETE; atlassian-connect.json declares READ`
	http.DefaultClient.Do(req)
}
