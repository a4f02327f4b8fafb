package main // want package:"\\) needs READ; 1 unresolved}$"

import (
	"net/http"
	"os"
)

const base = "https://example.atlassian.net"

// The method is not known: the call needs READ, WRITE or DELETE. WRITE and
// DELETE may be needed; ADMIN is not, whatever the method.
func main() {
	http.Get(base + "/rest/api/3/myself")
	req, _ := http.NewRequest(os.Getenv("METHOD"), base+"/rest/api/3/issue/A-1", nil)
	http.DefaultClient.Do(req)
}
