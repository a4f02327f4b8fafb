// Package helpers is an app's own Jira client and status helpers, used
// from another package: what they do travels in facts.
package helpers

import (
	"encoding/json"
	"errors"
	"fmt"
	"log"
	"net/http"
)

var ErrForbidden = errors.New("forbidden")

// CheckResponse turns a non-2xx status into an error.
func CheckResponse(resp *http.Response) error { // want CheckResponse:`examines \[0\]`
	if resp.StatusCode >= 300 {
		return fmt.Errorf("status %s", resp.Status)
	}
	return nil
}

// Forbidden tells 403 apart.
func Forbidden(resp *http.Response) error { // want Forbidden:`examines \[0\]; tells 403 apart in \[0\]`
	if resp.StatusCode == http.StatusForbidden {
		return ErrForbidden
	}
	return CheckResponse(resp)
}

// OK examines a status code.
func OK(code int) bool { // want OK:`examines \[0\]`
	return code/100 == 2
}

// Describe reads the status without examining it.
func Describe(resp *http.Response) string {
	return "status " + resp.Status
}

type Client struct {
	Base string
	HTTP *http.Client
}

// Do returns the response unexamined: its callers must check it.
func (c *Client) Do(method, path string) (*http.Response, error) { // want Do:`returns response in result 0`
	req, err := http.NewRequest(method, c.Base+path, nil)
	if err != nil {
		return nil, err
	}
	return c.HTTP.Do(req)
}

// DeleteIssue returns the response of a settled request.
func (c *Client) DeleteIssue(key string) (*http.Response, error) { // want DeleteIssue:`returns response of DELETE /rest/api/3/issue/\{issueIdOrKey\} in result 0`
	return c.Do(http.MethodDelete, "/rest/api/3/issue/"+key)
}

// GetJSON decodes without a check: the calls of it are reported.
func (c *Client) GetJSON(path string, v any) error { // want GetJSON:`uses response unchecked`
	resp, err := c.Do(http.MethodGet, path)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	return json.NewDecoder(resp.Body).Decode(v)
}

// Get reports a non-2xx status as its error.
func (c *Client) Get(path string, v any) error { // want Get:`status examined; status error in result 0`
	resp, err := c.Do(http.MethodGet, path)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if err := CheckResponse(resp); err != nil {
		return err
	}
	return json.NewDecoder(resp.Body).Decode(v)
}

// Checked returns a response whose status it examined.
func (c *Client) Checked(method, path string) (*http.Response, error) { // want Checked:`returns response in result 0; status examined; status error in result 1`
	resp, err := c.Do(method, path)
	if err != nil {
		return nil, err
	}
	if resp.StatusCode >= 400 {
		resp.Body.Close()
		return nil, errors.New(resp.Status)
	}
	return resp, nil
}

// GetDeferred returns the response of a settled request through the result
// slot a deferred close needs; its calls are checked as the REST call.
func GetDeferred(c *http.Client, base, key string) (*http.Response, error) { // want GetDeferred:`returns response of GET /rest/api/3/issue/\{issueIdOrKey\} in result 0`
	req, err := http.NewRequest(http.MethodGet, base+"/rest/api/3/issue/"+key, nil)
	if err != nil {
		return nil, err
	}
	resp, err := c.Do(req)
	if err != nil {
		return nil, err
	}
	defer log.Print("fetched ", key)
	return resp, nil
}
