// Package jira is a small stub of github.com/andygrunwald/go-jira v1: its
// Client.Do turns a non-2xx status into an error.
package jira

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
)

type Client struct {
	client  *http.Client
	baseURL *url.URL
	Issue   *IssueService
}

type Response struct {
	*http.Response
	Total int
}

type Issue struct{ Key string }

func NewClient(httpClient *http.Client, baseURL string) (*Client, error) {
	u, err := url.Parse(baseURL)
	if err != nil {
		return nil, err
	}
	c := &Client{client: httpClient, baseURL: u}
	c.Issue = &IssueService{client: c}
	return c, nil
}

func (c *Client) NewRequest(method, urlStr string, body interface{}) (*http.Request, error) {
	rel, err := url.Parse(urlStr)
	if err != nil {
		return nil, err
	}
	u := c.baseURL.ResolveReference(rel)
	return http.NewRequest(method, u.String(), nil)
}

func (c *Client) Do(req *http.Request, v interface{}) (*Response, error) { // want Do:`returns response in result 0; status examined; status error in result 1`
	httpResp, err := c.client.Do(req)
	if err != nil {
		return nil, err
	}
	err = CheckResponse(httpResp)
	if err != nil {
		return newResponse(httpResp), err
	}
	if v != nil {
		defer httpResp.Body.Close()
		err = json.NewDecoder(httpResp.Body).Decode(v)
	}
	return newResponse(httpResp), err
}

func CheckResponse(r *http.Response) error { // want CheckResponse:`examines \[0\]`
	if c := r.StatusCode; 200 <= c && c <= 299 {
		return nil
	}
	return fmt.Errorf("request failed. Status code: %d", r.StatusCode)
}

func newResponse(r *http.Response) *Response {
	return &Response{Response: r}
}

type IssueService struct{ client *Client }

func (s *IssueService) Delete(issueID string) (*Response, error) { // want Delete:`returns response of DELETE /rest/api/2/issue/\{issueIdOrKey\} in result 0; status examined; status error in result 1`
	req, err := s.client.NewRequest("DELETE", fmt.Sprintf("rest/api/2/issue/%s", issueID), nil)
	if err != nil {
		return nil, err
	}
	return s.client.Do(req, nil)
}

func (s *IssueService) Get(issueID string) (*Issue, *Response, error) { // want Get:`returns response of GET /rest/api/2/issue/\{issueIdOrKey\} in result 1; status examined; status error in result 2`
	req, err := s.client.NewRequest("GET", "rest/api/2/issue/"+issueID, nil)
	if err != nil {
		return nil, nil, err
	}
	issue := new(Issue)
	resp, err := s.client.Do(req, issue)
	if err != nil {
		return nil, resp, fmt.Errorf("get issue: %w", err)
	}
	return issue, resp, nil
}
