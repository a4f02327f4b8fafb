// No manifest.yml anywhere above: nothing to judge the headers by.
package nomanifest

import "net/http"

func Tokens(r *http.Request) (string, string) { // want Tokens:`forge\(0x3 aud="" middleware=false\)`
	return r.Header.Get("x-forge-oauth-system"), r.Header.Get("x-forge-oauth-user")
}
