package main // want package:"\\) needs DELETE, ACT_AS_USER}$"

import "net/http"

const base = "https://example.atlassian.net"

// ADMIN implies DELETE: nothing is missing.
func deleteIssue(key string) {
	req, _ := http.NewRequest(http.MethodDelete, base+"/rest/api/3/issue/"+key, nil)
	http.DefaultClient.Do(req)
}

// ADMIN does not imply ACT_AS_USER.
func locale() {
	http.Get(base + "/rest/api/3/mypreferences/locale") // want `GET /rest/api/3/mypreferences/locale needs scope ACT_AS_USER; atlassian-connect.json declares READ, ADMIN`
}

func main() {
	deleteIssue("A-1")
	locale()
}
