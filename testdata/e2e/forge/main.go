// A Forge remote with one handler per way of handling the invocation token.
package main

import (
	"net/http"

	"example.com/forgee2e/fit"
)

func unverified(w http.ResponseWriter, r *http.Request) {
	_ = r.Header.Get("x-forge-oauth-system")
}

func verified(w http.ResponseWriter, r *http.Request) {
	if fit.Verify(r) != nil {
		return
	}
	_ = r.Header.Get("x-forge-oauth-system")
}

func anyApp(w http.ResponseWriter, r *http.Request) {
	if fit.SignatureOnly(r) != nil {
		return
	}
	_ = r.Header.Get("x-forge-oauth-system")
}

func wrapped(w http.ResponseWriter, r *http.Request) {
	_ = r.Header.Get("x-forge-oauth-system")
}

// asUser reads the user token, which the manifest never enables.
func asUser(w http.ResponseWriter, r *http.Request) {
	if fit.Verify(r) != nil {
		return
	}
	_ = r.Header.Get("x-forge-oauth-user")
}

func main() {
	http.HandleFunc("/unverified", unverified)
	http.HandleFunc("/verified", verified)
	http.HandleFunc("/any-app", anyApp)
	http.Handle("/wrapped", fit.Require(http.HandlerFunc(wrapped)))
	http.HandleFunc("/as-user", asUser)
	http.ListenAndServe(":8080", nil)
}
