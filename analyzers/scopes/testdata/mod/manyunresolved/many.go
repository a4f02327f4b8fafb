package main // want package:"\\) needs READ; 4 unresolved}$"

import (
	"net/http"
	"os"
)

const base = "https://example.atlassian.net"

func main() {
	http.Get(base + "/rest/api/3/myself")
	http.Get(base + "/rest/api/3/" + os.Getenv("A"))
	http.Get(base + "/rest/api/3/" + os.Getenv("B"))
	http.Get(base + "/rest/api/3/" + os.Getenv("C"))
	http.Get(base + "/rest/api/3/" + os.Getenv("D"))
}
