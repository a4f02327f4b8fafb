// Package ifaces mirrors go-atlassian's layering: exported services call
// an implementation through an unexported interface of the same package,
// and the implementation uses a connector interface the package does not
// implement.
package ifaces

import (
	"context"
	"fmt"
	"net/http"
)

// Connector is implemented elsewhere (by the client package).
type Connector interface {
	NewRequest(ctx context.Context, method, urlStr, contentType string, body any) (*http.Request, error)
	Call(request *http.Request, structure any) (*Response, error)
}

// Response wraps the HTTP response, as go-atlassian's ResponseScheme does.
type Response struct {
	*http.Response
	Code int
}

type issueConnector interface {
	Delete(ctx context.Context, key string) (*Response, error)
}

type issueImpl struct {
	c       Connector
	version string
}

func (i *issueImpl) Delete(ctx context.Context, key string) (*Response, error) { // want Delete:`sends DELETE …/rest/api/…/issue/<key>, response in result 0`
	endpoint := fmt.Sprintf("rest/api/%v/issue/%v", i.version, key)
	req, err := i.c.NewRequest(ctx, http.MethodDelete, endpoint, "", nil) // want `call DELETE …/rest/api/…/issue/… via \(Connector\).NewRequest`
	if err != nil {
		return nil, err
	}
	return i.c.Call(req, nil)
}

// IssueService is what users call.
type IssueService struct {
	internal issueConnector
}

func (s *IssueService) Delete(ctx context.Context, key string) (*Response, error) { // want Delete:`sends DELETE …/rest/api/…/issue/<key>, response in result 0`
	return s.internal.Delete(ctx, key) // want `call DELETE …/rest/api/…/issue/… via \(\*issueImpl\).Delete \(nested\)`
}

// Unrelated interfaces are not requests.
type Logger interface {
	Log(method, path string)
}

func logOnly(l Logger) {
	l.Log("DELETE", "/rest/api/3/issue/X")
}
