// Package helperuse calls Jira through the helpers package.
package helperuse

import (
	"encoding/json"
	"io"
	"log"
	"net/http"

	"helpers"
)

func checkedByHelper(c *helpers.Client) error {
	resp, err := c.DeleteIssue("K-1")
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	return helpers.CheckResponse(resp)
}

func notChecked(c *helpers.Client) error {
	resp, err := c.DeleteIssue("K-1") // want `response of DELETE /rest/api/3/issue/\{issueIdOrKey\} is dropped without checking its status`
	if err != nil {
		return err
	}
	resp.Body.Close()
	return nil
}

func describeOnly(c *helpers.Client) {
	resp, err := c.Do(http.MethodGet, "/rest/api/3/myself") // want `response of GET /rest/api/3/myself is used without checking its status`
	if err != nil {
		return
	}
	log.Print(helpers.Describe(resp))
}

func statusHelper(c *helpers.Client) bool {
	resp, err := c.Do(http.MethodGet, "/rest/api/3/myself")
	if err != nil {
		return false
	}
	return helpers.OK(resp.StatusCode)
}

func getJSON(c *helpers.Client) {
	var v any
	c.GetJSON("/rest/api/3/project", &v) // want `response of GET /rest/api/3/project is used without checking its status`
}

func getChecked(c *helpers.Client) error {
	var v any
	return c.Get("/rest/api/3/project", &v)
}

func getIgnored(c *helpers.Client) {
	var v any
	c.Get("/rest/api/3/project", &v) // want `error of GET /rest/api/3/project is never read, and \(\*helpers.Client\).Get reports a non-2xx status only through it`
}

func viaChecked(c *helpers.Client) (any, error) {
	resp, err := c.Checked(http.MethodGet, "/rest/api/3/myself")
	if err != nil {
		return nil, err
	}
	var v any
	return v, json.NewDecoder(resp.Body).Decode(&v)
}

func viaCheckedIgnored(c *helpers.Client) any {
	resp, _ := c.Checked(http.MethodGet, "/rest/api/3/myself") // want `error of GET /rest/api/3/myself is never read`
	var v any
	json.NewDecoder(resp.Body).Decode(&v)
	return v
}

// fetch hands the response to its callers, which are checked instead.
func fetch(c *helpers.Client, key string) (*http.Response, error) {
	return c.Do(http.MethodGet, "/rest/api/3/issue/"+key)
}

func callerChecks(c *helpers.Client) error {
	resp, err := fetch(c, "K-1")
	if err != nil {
		return err
	}
	return helpers.CheckResponse(resp)
}

func callerDoesNot(c *helpers.Client) any {
	resp, _ := fetch(c, "K-2") // want `response of GET /rest/api/3/issue/\{issueIdOrKey\} is used without checking its status`
	var v any
	json.NewDecoder(resp.Body).Decode(&v)
	return v
}

func deferredUnchecked(c *http.Client) error {
	resp, err := helpers.GetDeferred(c, "https://example.atlassian.net", "K-3") // want `response of GET /rest/api/3/issue/\{issueIdOrKey\} is used without checking its status`
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		return err
	}
	log.Print(string(body))
	return nil
}

func deferredChecked(c *http.Client) error {
	resp, err := helpers.GetDeferred(c, "https://example.atlassian.net", "K-3")
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	return helpers.CheckResponse(resp)
}
