package main

import "net/http"

// The app makes no REST call from Go: its pages may call the API from
// the browser (AP.request), so ADMIN is not reported as excess.
func main() {
	http.Get("https://api.github.com/zen")
	http.ListenAndServe(":8080", http.FileServer(http.Dir("static")))
}
