// Command replaced uses a local copy of a Jira client library (a replace
// directive): only the library methods it calls are its needs.
package main

import (
	"fmt"

	"example.com/jiraclient"
)

func main() {
	c := jiraclient.New("https://example.atlassian.net")
	issue, err := c.Issue("A-1")
	fmt.Println(issue, err)
}
