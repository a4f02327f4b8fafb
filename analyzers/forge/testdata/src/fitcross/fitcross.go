// Verification and token reads in another package, through facts.
package main

import (
	"net/http"
	"os"

	"example.com/fitcheck"
)

var appID = os.Getenv("FORGE_APP_ID")

func verified(w http.ResponseWriter, r *http.Request) {
	if fitcheck.Verify(r, appID) != nil {
		return
	}
	_ = fitcheck.SystemToken(r)
}

func partial(w http.ResponseWriter, r *http.Request) {
	if fitcheck.SignatureOnly(r) != nil { // want `handler partial verifies the Forge Invocation Token without checking its audience .* and its issuer`
		return
	}
	_ = fitcheck.SystemToken(r)
}

func unverified(w http.ResponseWriter, r *http.Request) {
	_ = fitcheck.SystemToken(r) // want `handler unverified uses the app system token \(x-forge-oauth-system\) without verifying`
}

func wrapped(w http.ResponseWriter, r *http.Request) {
	_ = fitcheck.SystemToken(r)
}

func main() {
	http.HandleFunc("/verified", verified)
	http.HandleFunc("/partial", partial)
	http.HandleFunc("/unverified", unverified)
	http.Handle("/wrapped", fitcheck.Middleware(appID, http.HandlerFunc(wrapped)))
	http.HandleFunc("/issue", fitcheck.Issue) // want `handler fitcheck.Issue uses the app system token \(x-forge-oauth-system\) without verifying`
	http.HandleFunc("/checked", fitcheck.Checked)
	http.Handle("/issue-wrapped", fitcheck.Middleware(appID, http.HandlerFunc(fitcheck.Issue)))
	http.ListenAndServe(":8080", nil)
}
