package tokendisabled

import "net/http"

func SystemToken(r *http.Request) string { // want SystemToken:`forge\(0x1 aud="" middleware=false\)`
	return r.Header.Get("X-Forge-OAuth-System") // want `X-Forge-OAuth-System never arrives: no endpoint module or remote of manifest.yml enables auth.appSystemToken, so Forge sends no app system token`
}

func UserTokens(r *http.Request) []string { // want UserTokens:`forge\(0x2 aud="" middleware=false\)`
	_ = r.Header["X-Forge-Oauth-User"]           // want `X-Forge-Oauth-User never arrives: no endpoint module or remote of manifest.yml enables auth.appUserToken`
	return r.Header.Values("x-forge-oauth-user") // want `x-forge-oauth-user never arrives`
}
