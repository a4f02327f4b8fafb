package main // want package:"\\) needs WRITE}$"

import (
	"net/http"

	"example.com/fixtures/app/jira"
)

func main() {
	c := &jira.Client{Base: "https://example.atlassian.net"}
	c.Delete("A-1")
	c.Get("A-1")
	http.Post(c.Base+"/rest/api/3/issue/A-1/comment", "application/json", nil)
}
