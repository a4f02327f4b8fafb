// Command app calls Jira and Confluence through the real client libraries
// (go-jira v1.17.0, go-atlassian v2.12.0): what their methods do with a
// response comes from facts computed on their own source.
package main

import (
	"context"
	"log"
	"net/http"

	jira "github.com/andygrunwald/go-jira"
	confluence "github.com/ctreminiom/go-atlassian/v2/confluence"
	v3 "github.com/ctreminiom/go-atlassian/v2/jira/v3"
)

const site = "https://example.atlassian.net"

func main() {
	ctx := context.Background()

	jc, err := jira.NewClient(nil, site)
	if err != nil {
		log.Fatal(err)
	}
	if _, err := jc.Issue.Delete("KEY-1"); err != nil {
		log.Print(err)
	}
	issue, _, err := jc.Issue.GetWithContext(ctx, "KEY-2", nil) // want `error of GET /rest/api/2/issue/\{issueIdOrKey\} is never read, and go-jira reports a non-2xx status only through it`
	_, _ = issue, err
	jc.User.GetSelf() // want `error of GET /rest/api/2/myself is never read`
	if _, resp, _ := jc.Project.Get("PROJ"); resp.StatusCode == http.StatusOK {
		log.Print("found")
	}

	ac, err := v3.New(nil, site)
	if err != nil {
		log.Fatal(err)
	}
	ac.Issue.Delete(ctx, "KEY-4", true) // want `error of DELETE /rest/api/3/issue/\{issueIdOrKey\} is never read, and go-atlassian reports a non-2xx status only through it`
	if _, _, err := ac.Project.Get(ctx, "PROJ", nil); err != nil {
		log.Print(err)
	}
	if _, resp, _ := ac.MySelf.Details(ctx, nil); resp.Code != http.StatusOK {
		log.Print("who am I?")
	}

	cc, _ := confluence.New(nil, site)
	cc.Space.Get(ctx, "SPACE", nil) // want `error of GET /wiki/rest/api/space/\{spaceKey\} is never read`
}
