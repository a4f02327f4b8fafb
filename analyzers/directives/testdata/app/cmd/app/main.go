// Command app is part of a Connect app and calls Jira Cloud with basic auth.
package main

import (
	"net/http"
	"os"
)

const site = "https://example.atlassian.net"

func main() {
	req, _ := http.NewRequest("GET", site+"/rest/api/3/myself", nil)
	//connectlint:ignore basic-auth -- personal CLI, token from the environment
	req.SetBasicAuth(os.Getenv("JIRA_USER"), os.Getenv("JIRA_TOKEN"))
	http.DefaultClient.Do(req)

	req2, _ := http.NewRequest("GET", site+"/rest/api/3/project", nil)
	req2.SetBasicAuth(os.Getenv("JIRA_USER"), os.Getenv("JIRA_TOKEN")) //connectlint:ignore insecure-tls -- wrong rule
	http.DefaultClient.Do(req2)

	//connectlint:ignore basic-auth -- no reason needed?
	//connectlint:ignore basic-auht -- typo
	http.DefaultClient.Get(site + "/status")
}
