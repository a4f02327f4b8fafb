// Package fitlib holds handlers that another package wires, perhaps
// behind a middleware: they are not judged here.
package fitlib

import "net/http"

func Issue(w http.ResponseWriter, r *http.Request) { // want Issue:`forge\(0x1 aud="" middleware=false\)`
	_ = r.Header.Get("x-forge-oauth-system")
}

func Routes(mux *http.ServeMux) {
	mux.HandleFunc("/issue", Issue)
}
