package tokenuser

import "net/http"

func Tokens(r *http.Request) (string, string) { // want Tokens:`forge\(0x3 aud="" middleware=false\)`
	return r.Header.Get("x-forge-oauth-system"),
		r.Header.Get("x-forge-oauth-user") // want `x-forge-oauth-user never arrives: no endpoint module or remote of manifest.yml enables auth.appUserToken`
}
