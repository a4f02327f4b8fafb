// Package strictmode is checked with -forbidden.strict: a checked status
// must also tell 403 apart.
package strictmode

import (
	"errors"
	"net/http"

	jira "github.com/andygrunwald/go-jira"

	"helpers"
)

var errForbidden = errors.New("the app or user may not do this")

func get(c *http.Client, base string) *http.Request {
	req, _ := http.NewRequest(http.MethodGet, base+"/rest/api/3/myself", nil)
	return req
}

func notApart(c *http.Client, base string) error {
	resp, err := c.Do(get(c, base)) // want `status of GET /rest/api/3/myself is checked but 403 is not told apart from other failures; the user cannot be told that a scope or permission is missing`
	if err != nil {
		return err
	}
	if resp.StatusCode != http.StatusOK {
		return errors.New(resp.Status)
	}
	return nil
}

func apart(c *http.Client, base string) error {
	resp, err := c.Do(get(c, base))
	if err != nil {
		return err
	}
	switch resp.StatusCode {
	case http.StatusOK:
		return nil
	case http.StatusForbidden:
		return errForbidden
	}
	return errors.New(resp.Status)
}

func apartByHelper(c *http.Client, base string) error {
	resp, err := c.Do(get(c, base))
	if err != nil {
		return err
	}
	return helpers.Forbidden(resp)
}

func notApartByHelper(c *http.Client, base string) error {
	resp, err := c.Do(get(c, base)) // want `status of GET /rest/api/3/myself is checked but 403 is not told apart`
	if err != nil {
		return err
	}
	return helpers.CheckResponse(resp)
}

func unchecked(c *http.Client, base string) {
	c.Do(get(c, base)) // want `response of GET /rest/api/3/myself is dropped without checking its status`
}

func jiraNotApart(c *jira.Client) error {
	_, err := c.Issue.Delete("K-1") // want `status of DELETE /rest/api/2/issue/\{issueIdOrKey\} is checked but 403 is not told apart`
	return err
}

func jiraApart(c *jira.Client) error {
	resp, err := c.Issue.Delete("K-1")
	if resp != nil && resp.StatusCode == http.StatusForbidden {
		return errForbidden
	}
	return err
}

// A wrapper in another package that examines the status without a 403
// branch.
func wrapperNotApart(c *helpers.Client) error {
	var v any
	return c.Get("/rest/api/3/project", &v) // want `status of GET /rest/api/3/project is checked but 403 is not told apart`
}
