package main // want package:"\\) needs READ, ADMIN; 1 unresolved}$"

import (
	"net/http"
	"os"
)

const base = "https://example.atlassian.net"

func inaccessible() {
	http.Get(base + "/rest/api/3/applicationrole") // want `GET /rest/api/3/applicationrole is not accessible to Connect apps: no scope grants it`
	// Both operations it may be are inaccessible.
	req, _ := http.NewRequest(os.Getenv("METHOD"), base+"/rest/api/3/announcementBanner", nil) // want `a request of any method to https://example.atlassian.net/rest/api/3/announcementBanner \(all 2 operations it may be\) is not accessible to Connect apps`
	http.DefaultClient.Do(req)
	http.Get(base + "/rest/api/3/myself") // accessible with READ
}

func deprecated() {
	http.Get(base + "/rest/api/3/search?jql=project=A") // want `^GET /rest/api/3/search is deprecated$`
	http.Get(base + "/rest/api/3/workflow")             // want `^GET /rest/api/3/workflow is no longer in Atlassian's current API \(deprecated or removed since 2023\); use GET /rest/api/3/workflow/search instead$`
	http.Get(base + "/rest/api/3/search/jql?jql=project=A")
}

func main() {
	inaccessible()
	deprecated()
	mixed()
}

// GET needs PROJECT_ADMIN, POST is inaccessible: the call may work, so
// nothing is reported (and ADMIN covers PROJECT_ADMIN).
func mixed() {
	req, _ := http.NewRequest(os.Getenv("METHOD"), base+"/rest/api/3/issuesecurityschemes", nil)
	http.DefaultClient.Do(req)
}
