// Package nethttp calls Jira with net/http directly.
package nethttp

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"strings"
	"time"

	pkgerrors "github.com/pkg/errors"
)

type Client struct {
	base string
	http *http.Client
}

type Issue struct{ Key string }

var errForbidden = errors.New("forbidden")

func (c *Client) get(key string) *http.Request {
	req, _ := http.NewRequest(http.MethodGet, c.base+"/rest/api/3/issue/"+key, nil)
	return req
}

// Bad: the body is decoded whatever the status.
func (c *Client) uncheckedDecode(key string) (*Issue, error) {
	req, err := http.NewRequest(http.MethodGet, c.base+"/rest/api/3/issue/"+key, nil)
	if err != nil {
		return nil, err
	}
	resp, err := c.http.Do(req) // want `response of GET /rest/api/3/issue/\{issueIdOrKey\} is used without checking its status; a 403 \(missing scope or user permission\) would pass as success`
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	var issue Issue
	if err := json.NewDecoder(resp.Body).Decode(&issue); err != nil {
		return nil, err
	}
	return &issue, nil
}

// Bad: a refused DELETE looks like success.
func (c *Client) droppedStatement(key string) {
	req, _ := http.NewRequest(http.MethodDelete, c.base+"/rest/api/3/issue/"+key, nil)
	c.http.Do(req) // want `response of DELETE /rest/api/3/issue/\{issueIdOrKey\} is dropped without checking its status`
}

func (c *Client) droppedBlank(key string) error {
	req, _ := http.NewRequest(http.MethodDelete, c.base+"/rest/api/3/issue/"+key, nil)
	_, err := c.http.Do(req) // want `response of DELETE /rest/api/3/issue/\{issueIdOrKey\} is dropped without checking its status`
	return err
}

// Closing the body, even in a deferred closure, is not a check.
func (c *Client) onlyClosed(key string) error {
	req, _ := http.NewRequest(http.MethodDelete, c.base+"/rest/api/3/issue/"+key, nil)
	resp, err := c.http.Do(req) // want `response of DELETE /rest/api/3/issue/\{issueIdOrKey\} is dropped without checking its status`
	if err != nil {
		return err
	}
	defer func() { _ = resp.Body.Close() }()
	return nil
}

// Good: every comparison shape.
func (c *Client) equal(key string) error {
	resp, err := c.http.Do(c.get(key))
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode == http.StatusOK {
		return nil
	}
	return fmt.Errorf("status %d", resp.StatusCode)
}

func (c *Client) notEqual(key string) (*Issue, error) {
	resp, err := c.http.Do(c.get(key))
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("get %s: %s", key, resp.Status)
	}
	var issue Issue
	return &issue, json.NewDecoder(resp.Body).Decode(&issue)
}

func (c *Client) switchCase(key string) error {
	resp, err := c.http.Do(c.get(key))
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	switch resp.StatusCode {
	case http.StatusOK:
		return nil
	case http.StatusNotFound:
		return errors.New("no such issue")
	default:
		return errors.New(resp.Status)
	}
}

func (c *Client) hundreds(key string) error {
	resp, err := c.http.Do(c.get(key))
	if err != nil {
		return err
	}
	if resp.StatusCode/100 != 2 {
		return errors.New(resp.Status)
	}
	return nil
}

func (c *Client) atLeast400(key string) error {
	resp, err := c.http.Do(c.get(key))
	if err != nil {
		return err
	}
	if code := resp.StatusCode; code >= 400 {
		return fmt.Errorf("status %d", code)
	}
	return nil
}

func (c *Client) below300(key string) error {
	resp, err := c.http.Do(c.get(key))
	if err == nil && resp.StatusCode < 300 {
		return nil
	}
	return errors.New("failed")
}

func (c *Client) statusText(key string) error {
	resp, err := c.http.Do(c.get(key))
	if err != nil {
		return err
	}
	if !strings.HasPrefix(resp.Status, "2") {
		return errors.New(resp.Status)
	}
	return nil
}

func (c *Client) statusParsed(key string) error {
	resp, err := c.http.Do(c.get(key))
	if err != nil {
		return err
	}
	code, _ := strconv.Atoi(resp.Status[:3])
	if code != 200 {
		return errors.New(resp.Status)
	}
	return nil
}

// Good: the body is read first (to show it in the error), then the status
// is checked before success.
func (c *Client) bodyFirst(key string) ([]byte, error) {
	resp, err := c.http.Do(c.get(key))
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		return nil, err
	}
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("%s: %s", resp.Status, body)
	}
	return body, nil
}

// Good: a closure examines the captured response.
func (c *Client) closureCheck(key string) error {
	resp, err := c.http.Do(c.get(key))
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	failed := func() bool { return resp.StatusCode >= 300 }
	if failed() {
		return errors.New("failed")
	}
	return nil
}

// Bad: the closure decodes without a check.
func (c *Client) closureDecode(key string) (Issue, error) {
	var issue Issue
	resp, err := c.http.Do(c.get(key)) // want `response of GET /rest/api/3/issue/\{issueIdOrKey\} is used without checking its status`
	if err != nil {
		return issue, err
	}
	decode := func() error { return json.NewDecoder(resp.Body).Decode(&issue) }
	return issue, decode()
}

// Good: retries on 429 and checks the rest.
func (c *Client) retry(key string) (*Issue, error) {
	var resp *http.Response
	var err error
	for {
		resp, err = c.http.Do(c.get(key))
		if err != nil {
			return nil, err
		}
		if resp.StatusCode == http.StatusTooManyRequests {
			resp.Body.Close()
			time.Sleep(time.Second)
			continue
		}
		break
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, errors.New(resp.Status)
	}
	var issue Issue
	return &issue, json.NewDecoder(resp.Body).Decode(&issue)
}

// Good: retries while the error is non-nil, then checks.
func (c *Client) retryOnError(key string) error {
	var resp *http.Response
	var err error
	for range 3 {
		resp, err = c.http.Do(c.get(key))
		if err == nil {
			break
		}
	}
	if err != nil {
		return err
	}
	if resp.StatusCode >= 300 {
		return errors.New(resp.Status)
	}
	return nil
}

// Bad: deletes in a loop, never looking at a status.
func (c *Client) deleteAll(keys []string) {
	for _, k := range keys {
		req, _ := http.NewRequest(http.MethodDelete, c.base+"/rest/api/3/issue/"+k, nil)
		resp, err := c.http.Do(req) // want `response of DELETE /rest/api/3/issue/\{issueIdOrKey\} is dropped without checking its status`
		if err != nil {
			continue
		}
		resp.Body.Close()
	}
}

// Bad: 403 lands where 200 does.
func (c *Client) forbiddenIsFine(key string) error {
	req, _ := http.NewRequest(http.MethodDelete, c.base+"/rest/api/3/issue/"+key, nil)
	resp, err := c.http.Do(req)
	if err != nil {
		return err
	}
	if resp.StatusCode == http.StatusNoContent || resp.StatusCode == http.StatusForbidden { // want `status check of the response of DELETE /rest/api/3/issue/\{issueIdOrKey\} treats 403 Forbidden as success`
		return nil
	}
	return errors.New(resp.Status)
}

func (c *Client) forbiddenCase(key string) error {
	resp, err := c.http.Do(c.get(key))
	if err != nil {
		return err
	}
	switch resp.StatusCode {
	case 200, 403: // want `status check of the response of GET /rest/api/3/issue/\{issueIdOrKey\} treats 403 Forbidden as success`
		return nil
	}
	return errors.New(resp.Status)
}

func (c *Client) forbiddenSkipped(key string) error {
	resp, err := c.http.Do(c.get(key))
	if err != nil {
		return err
	}
	if resp.StatusCode >= 400 && resp.StatusCode != 403 { // want `treats 403 Forbidden as success`
		return errors.New(resp.Status)
	}
	return nil
}

// Good: 403 has its own branch.
func (c *Client) forbiddenApart(key string) error {
	resp, err := c.http.Do(c.get(key))
	if err != nil {
		return err
	}
	switch {
	case resp.StatusCode == http.StatusForbidden:
		return errForbidden
	case resp.StatusCode >= 300:
		return errors.New(resp.Status)
	}
	return nil
}

// Not Atlassian: never reported.
func github() {
	resp, _ := http.Get("https://api.github.com/repos/golang/go")
	var v any
	json.NewDecoder(resp.Body).Decode(&v)
	http.Post("https://api.github.com/markdown", "text/plain", nil)
}

// http.Get of Confluence, unchecked.
func confluence(base string) {
	resp, err := http.Get(base + "/wiki/rest/api/space") // want `response of GET /wiki/rest/api/space is used without checking its status`
	if err != nil {
		return
	}
	var v any
	json.NewDecoder(resp.Body).Decode(&v)
}

// Good: a failure made by an error package is not success, even before
// the status check.
func (c *Client) nilBody(key string) (*Issue, error) {
	resp, err := c.http.Do(c.get(key))
	if err != nil {
		return nil, pkgerrors.Wrapf(err, "get %s", key)
	}
	if resp == nil || resp.Body == nil {
		return nil, pkgerrors.Errorf("no body for %s", key)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, newAPIError(resp.Status)
	}
	var issue Issue
	return &issue, json.NewDecoder(resp.Body).Decode(&issue)
}

func newAPIError(status string) error { return errors.New(status) }

// Bad: a decode error is returned, but so is success.
func (c *Client) decodeReturned(key string) error {
	resp, err := c.http.Do(c.get(key)) // want `response of GET /rest/api/3/issue/\{issueIdOrKey\} is used without checking its status`
	if err != nil {
		return pkgerrors.Wrapf(err, "get %s", key)
	}
	var issue Issue
	return json.NewDecoder(resp.Body).Decode(&issue)
}
