package main // want package:"\\) needs READ, DELETE, ACCESS_EMAIL_ADDRESSES}$"

import "net/http"

const base = "https://example.atlassian.net"

// A scope decided at deploy time may be anything: neither missing-scope
// nor excess-scope can tell.
func main() {
	http.Get(base + "/rest/api/3/myself")
	req, _ := http.NewRequest(http.MethodDelete, base+"/rest/api/3/issue/A-1", nil)
	http.DefaultClient.Do(req)
	http.Get(base + "/rest/api/3/user/email?accountId=1")
}
