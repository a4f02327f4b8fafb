// want package:"actsForUsers\\(a Forge remote \\(it receives Forge invocations\\)\\)"

// Package forgeremote is a Forge remote: Forge invokes it for the users
// of every installation, with the app's own tokens in headers.
package forgeremote

import (
	"net/http"
	"os"
)

func handle(w http.ResponseWriter, r *http.Request) {
	_ = r.Header.Get("x-forge-oauth-system")
	req, _ := http.NewRequest("GET", "https://example.atlassian.net/rest/api/3/myself", nil)
	req.SetBasicAuth(os.Getenv("JIRA_USER"), os.Getenv("JIRA_TOKEN")) // want `basic auth with \(\*http.Request\).SetBasicAuth in a Forge remote \(it receives Forge invocations\): the requests it makes for its users carry one account's credentials and permissions; call Atlassian with the Forge app's system or user token \(x-forge-oauth-system, x-forge-oauth-user\)`
	http.DefaultClient.Do(req)
}
