// want package:"actsForUsers\\(a Connect app \\(atlassian-connect.json\\)\\)"

// Package wrapuser is a Connect app (atlassian-connect.json next to it)
// that calls Jira through another package's basic-auth wrappers.
package wrapuser

import (
	"net/http"
	"os"

	"plainpkg"
)

func search() {
	req, _ := http.NewRequest("GET", "https://example.atlassian.net/rest/api/3/search", nil)
	plainpkg.Authorize(req, os.Getenv("USER"), os.Getenv("TOKEN")) // want `plainpkg.Authorize sends basic auth \(through \(\*http.Request\).SetBasicAuth\) in a Connect app \(atlassian-connect.json\)`
	plainpkg.Authorize(req, "bot", "hunter2")                      // want `plainpkg.Authorize sends basic auth` `hard-coded password or API token \(7 chars\) passed to plainpkg.Authorize`
}

func github() {
	req, _ := http.NewRequest("GET", "https://api.github.com/user", nil)
	plainpkg.Authorize(req, "bot", "hunter2") // another service
}

func fetch() {
	plainpkg.Fetch("https://example.atlassian.net/rest/api/3/myself", os.Getenv("USER"), os.Getenv("TOKEN")) // want `plainpkg.Fetch sends basic auth \(through \(\*http.Request\).SetBasicAuth\) in a Connect app`
	plainpkg.Fetch("https://api.github.com/user", os.Getenv("USER"), os.Getenv("TOKEN"))                     // another service
}

func client(c *plainpkg.Client) {
	c.Get("/rest/api/3/issue/KEY-1") // want `plainpkg.Client.Get sends basic auth \(through \(\*http.Request\).SetBasicAuth\) in a Connect app`
	c.Get("/hooks/alerts")           // not a REST path of Atlassian's
}
