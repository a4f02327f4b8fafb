// Package wrappers is an app's own Jira client: a generic do wrapper,
// wrappers of it, and API methods built on them.
package wrappers

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
)

type Client struct {
	baseURL string
	http    *http.Client
}

func (c *Client) do(ctx context.Context, method, path string, body any) (*http.Response, error) {
	u, err := url.Parse(c.baseURL + path)
	if err != nil {
		return nil, err
	}
	var r io.Reader
	if body != nil {
		b, _ := json.Marshal(body)
		r = bytes.NewReader(b)
	}
	req, err := http.NewRequestWithContext(ctx, method, u.String(), r)
	if err != nil {
		return nil, err
	}
	return c.http.Do(req)
}

// Do is the exported wrapper: method and path come from the caller.
func (c *Client) Do(ctx context.Context, method, path string) (*http.Response, error) { // want Do:`sends <method> …<path>, response in result 0`
	return c.do(ctx, method, path, nil)
}

// get wraps the wrapper, fixing the method.
func (c *Client) get(ctx context.Context, path string) (*http.Response, error) {
	return c.do(ctx, http.MethodGet, path, nil)
}

// GetIssue fixes method and path: the call is listed here.
func (c *Client) GetIssue(ctx context.Context, key string) error { // want GetIssue:`sends GET …/rest/api/3/issue/…`
	resp, err := c.get(ctx, "/rest/api/3/issue/"+url.PathEscape(key)) // want `call GET …/rest/api/3/issue/… via \(\*Client\).get`
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// DeleteIssue returns the response: callers must check it.
func (c *Client) DeleteIssue(ctx context.Context, key string) (*http.Response, error) { // want DeleteIssue:`sends DELETE …/rest/api/3/issue/<key>, response in result 0`
	return c.do(ctx, http.MethodDelete, fmt.Sprintf("/rest/api/3/issue/%s", key), nil) // want `call DELETE …/rest/api/3/issue/… via \(\*Client\).do`
}

// Path is a string helper summarised for other packages.
func Path(key string) string { // want Path:`result 0 is /rest/api/3/issue/<key>/comment`
	return "/rest/api/3/issue/" + key + "/comment"
}

// NewRequest builds but does not send.
func (c *Client) NewRequest(method, p string) (*http.Request, error) { // want NewRequest:`builds <method> …<p> in result 0`
	return http.NewRequest(method, c.baseURL+p, nil)
}

// Send sends a request built elsewhere.
func (c *Client) Send(req *http.Request) (*http.Response, error) { // want Send:`sends request <req>, response in result 0`
	return c.http.Do(req)
}

// Comment uses the string helper in the same package.
func (c *Client) Comment(ctx context.Context, key string) { // want Comment:`sends POST …/rest/api/3/issue/<key>/comment`
	c.do(ctx, "POST", Path(key), nil) // want `call POST …/rest/api/3/issue/…/comment via \(\*Client\).do`
}

// Closures: a local helper capturing the client.
func (c *Client) Closures(ctx context.Context) { // want Closures:`sends GET …/rest/api/3/myself; sends GET …/wiki/rest/api/space`
	call := func(method, p string) {
		req, _ := http.NewRequestWithContext(ctx, method, c.baseURL+p, nil)
		c.http.Do(req)
	}
	call("GET", "/rest/api/3/myself") // want `call GET …/rest/api/3/myself via Closures\$1`
	base := "/wiki/rest/api"
	func() { // want `call GET …/wiki/rest/api/space via Closures\$2`
		http.Get(c.baseURL + base + "/space")
	}()
}

// Generic wrapper: decodes into any T.
func getJSON[T any](ctx context.Context, c *Client, path string) (T, error) {
	var v T
	resp, err := c.do(ctx, http.MethodGet, path, nil)
	if err != nil {
		return v, err
	}
	defer resp.Body.Close()
	err = json.NewDecoder(resp.Body).Decode(&v)
	return v, err
}

// GetJSON is exported generic wrapper.
func GetJSON[T any](ctx context.Context, c *Client, path string) (T, error) { // want GetJSON:`sends GET …<path>`
	return getJSON[T](ctx, c, path)
}

type project struct{ Key string }

func (c *Client) Projects(ctx context.Context) { // want Projects:`sends GET …/rest/api/3/project`
	getJSON[[]project](ctx, c, "/rest/api/3/project") // want `call GET …/rest/api/3/project via getJSON`
}

// Interfaces: a sender the package does not implement.
type Doer interface {
	Do(*http.Request) (*http.Response, error)
}

func WithDoer(d Doer, base string) { // want WithDoer:`sends GET <base>/rest/api/3/priority`
	req, _ := http.NewRequest("GET", base+"/rest/api/3/priority", nil) // want `call GET …/rest/api/3/priority via \(Doer\).Do`
	d.Do(req)
}

// API-root wrappers (as in jira-cli): the path parameter extends the REST
// root, so the request is listed at the callers.
const baseV3 = "/rest/api/3"

func (c *Client) rootGet(ctx context.Context, p string) (*http.Response, error) {
	return c.do(ctx, http.MethodGet, baseV3+p, nil)
}

func (c *Client) rootDelete(ctx context.Context, p string) (*http.Response, error) {
	return c.do(ctx, http.MethodDelete, baseV3+"/"+p, nil)
}

func (c *Client) useRoots(ctx context.Context, key string) {
	c.rootGet(ctx, "/issue/"+key+"/worklog") // want `call GET …/rest/api/3/issue/…/worklog via \(\*Client\).rootGet`
	c.rootDelete(ctx, "filter/10")           // want `call DELETE …/rest/api/3/filter/10 via \(\*Client\).rootDelete`
}

// A generic client type: methods of instantiated generic types resolve
// through their origin.
type Resource[T any] struct {
	c *Client
}

func (r *Resource[T]) Get(ctx context.Context, p string) (T, error) { // want Get:`sends GET …<p>`
	var v T
	resp, err := r.c.do(ctx, http.MethodGet, p, nil)
	if err != nil {
		return v, err
	}
	defer resp.Body.Close()
	return v, json.NewDecoder(resp.Body).Decode(&v)
}

func (c *Client) generics(ctx context.Context) {
	r := &Resource[project]{c: c}
	r.Get(ctx, "/rest/api/3/project/P") // want `call GET …/rest/api/3/project/P via \(\*Resource\).Get`
}
