// Command app calls Jira and Confluence through the real client libraries
// (go-jira v1.17.0, go-atlassian v2.12.0): the end-to-end fixture of the
// restcalls tests.
package main

import (
	"context"
	"log"

	jira "github.com/andygrunwald/go-jira"
	confluence "github.com/ctreminiom/go-atlassian/v2/confluence"
	agile "github.com/ctreminiom/go-atlassian/v2/jira/agile"
	v3 "github.com/ctreminiom/go-atlassian/v2/jira/v3"
)

const site = "https://example.atlassian.net"

func main() {
	ctx := context.Background()

	jc, err := jira.NewClient(nil, site)
	if err != nil {
		log.Fatal(err)
	}
	if _, err := jc.Issue.Delete("KEY-1"); err != nil { // want `call DELETE …/rest/api/2/issue/KEY-1 via go-jira`
		log.Print(err)
	}
	issue, _, err := jc.Issue.GetWithContext(ctx, "KEY-2", nil) // want `call GET …/rest/api/2/issue/KEY-2\?… via go-jira`
	_, _ = issue, err
	jc.User.GetSelf()                                                      // want `call GET …/rest/api/2/myself via go-jira`
	jc.Project.Get("PROJ")                                                 // want `call GET …/rest/api/2/project/PROJ via go-jira`
	req, _ := jc.NewRequest("PUT", "rest/api/2/issue/KEY-3/assignee", nil) // want `call PUT …/rest/api/2/issue/KEY-3/assignee via go-jira`
	jc.Do(req, nil)

	ac, err := v3.New(nil, site)
	if err != nil {
		log.Fatal(err)
	}
	// go-atlassian puts the API version in from a runtime field
	// ("rest/api/%v/..."): the pattern keeps it a wildcard, and the API
	// table's v2 and v3 operations it matches need the same scope.
	ac.Issue.Delete(ctx, "KEY-4", true)                             // want `call DELETE …/rest/api/…/issue/KEY-4\?… via go-atlassian`
	ac.Project.Get(ctx, "PROJ", nil)                                // want `call GET …/rest/api/…/project/PROJ\?… via go-atlassian`
	ac.Issue.Search.SearchJQL(ctx, "project = P", nil, nil, 50, "") // want `call POST …/rest/api/…/search/jql via go-atlassian`
	ac.MySelf.Details(ctx, nil)                                     // want `call GET …/rest/api/…/myself\?… via go-atlassian`

	cc, _ := confluence.New(nil, site)
	cc.Space.Get(ctx, "SPACE", nil) // want `call GET …/wiki/rest/api/space/SPACE\?… via go-atlassian`

	bc, _ := agile.New(nil, site)
	bc.Board.Get(ctx, 7) // want `call GET …/rest/agile/…/board/… via go-atlassian`

	// Not requests: building a client, reading configuration.
	_ = jc.GetBaseURL()
}
