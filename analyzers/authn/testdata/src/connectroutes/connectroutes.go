// want package:"actsForUsers\\(a Connect app \\(it serves atlassian-connect.json\\)\\)"

// Package connectroutes serves a Connect app's descriptor and install
// hook; its importers are part of a Connect app.
package connectroutes

import "net/http"

type Installation struct {
	ClientKey    string `json:"clientKey"`
	SharedSecret string `json:"sharedSecret"`
}

func Routes(mux *http.ServeMux) {
	mux.HandleFunc("/atlassian-connect.json", func(w http.ResponseWriter, r *http.Request) {})
}
