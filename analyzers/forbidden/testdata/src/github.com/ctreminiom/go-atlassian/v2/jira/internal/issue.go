// Package internal is a small stub of go-atlassian's jira/internal: the
// services call their implementation through an interface, which calls
// the Connector.
package internal

import (
	"context"
	"fmt"
	"net/http"

	model "github.com/ctreminiom/go-atlassian/v2/pkg/infra/models"
	"github.com/ctreminiom/go-atlassian/v2/service"
)

type issueConnector interface {
	Delete(ctx context.Context, issueKeyOrID string) (*model.ResponseScheme, error)
}

type IssueService struct {
	internalClient issueConnector
}

func NewIssueService(c service.Connector, version string) *IssueService {
	return &IssueService{internalClient: &internalIssueImpl{c: c, version: version}}
}

func (i *IssueService) Delete(ctx context.Context, issueKeyOrID string) (*model.ResponseScheme, error) { // want Delete:`returns response of DELETE /rest/api/\d/issue/\{issueIdOrKey\} in result 0; status examined; status error in result 1`
	return i.internalClient.Delete(ctx, issueKeyOrID)
}

type internalIssueImpl struct {
	c       service.Connector
	version string
}

func (i *internalIssueImpl) Delete(ctx context.Context, issueKeyOrID string) (*model.ResponseScheme, error) { // want Delete:`returns response of DELETE /rest/api/\d/issue/\{issueIdOrKey\} in result 0; status examined; status error in result 1`
	endpoint := fmt.Sprintf("rest/api/%v/issue/%v", i.version, issueKeyOrID)
	req, err := i.c.NewRequest(ctx, http.MethodDelete, endpoint, "", nil)
	if err != nil {
		return nil, err
	}
	return i.c.Call(req, nil)
}
