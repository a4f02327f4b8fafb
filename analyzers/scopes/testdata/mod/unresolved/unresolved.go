package main // want package:"\\) needs READ; 1 unresolved}$"

import (
	"net/http"
	"os"
)

const base = "https://example.atlassian.net"

func main() {
	http.Get(base + "/rest/api/3/myself")
	// The method and the operation come from the environment: any
	// operation may be called, so ADMIN may be needed.
	req, _ := http.NewRequest(os.Getenv("METHOD"), base+"/rest/api/3/"+os.Getenv("OP"), nil)
	http.DefaultClient.Do(req)
}
