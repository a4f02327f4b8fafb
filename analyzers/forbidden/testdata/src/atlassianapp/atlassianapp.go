// Package atlassianapp calls Jira through go-atlassian, which reports a
// non-2xx status as an error.
package atlassianapp

import (
	"context"
	"log"
	"net/http"

	v3 "github.com/ctreminiom/go-atlassian/v2/jira/v3"
)

func deleteChecked(ctx context.Context, c *v3.Client) error {
	_, err := c.Issue.Delete(ctx, "K-1")
	return err
}

func deleteIgnored(ctx context.Context, c *v3.Client) {
	c.Issue.Delete(ctx, "K-1") // want `error of DELETE /rest/api/\d/issue/\{issueIdOrKey\} is never read, and go-atlassian reports a non-2xx status only through it`
}

func codeChecked(ctx context.Context, c *v3.Client) {
	resp, _ := c.Issue.Delete(ctx, "K-1")
	if resp.Code != http.StatusNoContent {
		log.Print("not deleted")
	}
}
