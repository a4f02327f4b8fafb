package main // want package:"\\) needs ACT_AS_USER}$"

import "net/http"

// The code needs only ACT_AS_USER, but the webhook needs READ: READ is
// not excess.
func main() {
	http.Get("https://example.atlassian.net/rest/api/3/mypreferences/locale")
}
