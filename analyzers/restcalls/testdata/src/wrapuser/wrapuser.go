// Package wrapuser calls another package's wrappers.
package wrapuser

import (
	"context"
	"net/http"

	"ifaces"
	"wrappers"
)

func useService(ctx context.Context, s *ifaces.IssueService) {
	resp, err := s.Delete(ctx, "K-9") // want `call DELETE …/rest/api/…/issue/K-9 via \(\*ifaces.IssueService\).Delete`
	_, _ = resp, err
}

func use(ctx context.Context, c *wrappers.Client) {
	c.Do(ctx, http.MethodPut, "/rest/api/3/issue/K-1/assignee") // want `call PUT …/rest/api/3/issue/K-1/assignee via \(\*wrappers.Client\).Do`
	c.Do(ctx, "GET", "/status")                                 // not Atlassian
	c.GetIssue(ctx, "K-2")                                      // want `call GET …/rest/api/3/issue/… via \(\*wrappers.Client\).GetIssue`
	resp, _ := c.DeleteIssue(ctx, "K-3")                        // want `call DELETE …/rest/api/3/issue/K-3 via \(\*wrappers.Client\).DeleteIssue`
	_ = resp
	c.Do(ctx, "POST", wrappers.Path("K-4"))                            // want `call POST …/rest/api/3/issue/K-4/comment via \(\*wrappers.Client\).Do`
	req, _ := c.NewRequest(http.MethodDelete, "/rest/api/3/project/P") // want `call DELETE …/rest/api/3/project/P via \(\*wrappers.Client\).NewRequest`
	c.Send(req)
	wrappers.GetJSON[map[string]any](ctx, c, "/rest/api/3/serverInfo") // want `call GET …/rest/api/3/serverInfo via wrappers.GetJSON`
}

// An app's own interface, satisfied by the library type (for testability,
// as jiralert does with go-jira's *IssueService).
type issueDeleter interface {
	DeleteIssue(ctx context.Context, key string) (*http.Response, error)
}

func viaInterface(ctx context.Context, d issueDeleter) {
	d.DeleteIssue(ctx, "K-7") // want `call DELETE …/rest/api/3/issue/K-7 via \(\*wrappers.Client\).DeleteIssue`
}
