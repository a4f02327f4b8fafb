package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"time"
)

type Client struct {
	baseURL    string
	appKey     string
	secret     string
	httpClient *http.Client
}

func NewClient(t Tenant) *Client {
	return &Client{
		baseURL:    strings.TrimSuffix(t.BaseURL, "/"),
		appKey:     "com.example.issue-cleaner",
		secret:     t.SharedSecret,
		httpClient: &http.Client{Timeout: 30 * time.Second},
	}
}

type Issue struct {
	ID     string `json:"id"`
	Key    string `json:"key"`
	Fields struct {
		Summary string `json:"summary"`
		Updated string `json:"updated"`
		Status  struct {
			Name string `json:"name"`
		} `json:"status"`
		Labels   []string `json:"labels"`
		Reporter struct {
			AccountID string `json:"accountId"`
		} `json:"reporter"`
	} `json:"fields"`
}

type searchResult struct {
	Issues        []Issue `json:"issues"`
	NextPageToken string  `json:"nextPageToken"`
}

type apiError struct {
	Method     string
	Path       string
	StatusCode int
	Body       string
}

func (e *apiError) Error() string {
	return fmt.Sprintf("%s %s: %d %s", e.Method, e.Path, e.StatusCode, e.Body)
}

func (c *Client) do(ctx context.Context, method, path string, body any) (*http.Response, error) {
	u, err := url.Parse(c.baseURL + path)
	if err != nil {
		return nil, err
	}
	var r io.Reader
	if body != nil {
		buf, err := json.Marshal(body)
		if err != nil {
			return nil, err
		}
		r = bytes.NewReader(buf)
	}
	req, err := http.NewRequestWithContext(ctx, method, u.String(), r)
	if err != nil {
		return nil, err
	}
	token, err := signToken(c.appKey, c.secret, method, u, time.Now())
	if err != nil {
		return nil, err
	}
	req.Header.Set("Authorization", "JWT "+token)
	req.Header.Set("Accept", "application/json")
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	return c.httpClient.Do(req)
}

func (c *Client) GetIssue(ctx context.Context, key string) (*Issue, error) {
	path := "/rest/api/3/issue/" + url.PathEscape(key)
	resp, err := c.do(ctx, http.MethodGet, path, nil)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		b, _ := io.ReadAll(io.LimitReader(resp.Body, 1024))
		return nil, &apiError{Method: http.MethodGet, Path: path, StatusCode: resp.StatusCode, Body: string(b)}
	}
	var issue Issue
	if err := json.NewDecoder(resp.Body).Decode(&issue); err != nil {
		return nil, err
	}
	return &issue, nil
}

func (c *Client) AddComment(ctx context.Context, key, text string) error {
	body := map[string]any{
		"body": map[string]any{
			"type":    "doc",
			"version": 1,
			"content": []any{
				map[string]any{
					"type":    "paragraph",
					"content": []any{map[string]any{"type": "text", "text": text}},
				},
			},
		},
	}
	path := fmt.Sprintf("/rest/api/3/issue/%s/comment", url.PathEscape(key))
	resp, err := c.do(ctx, http.MethodPost, path, body)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusCreated {
		b, _ := io.ReadAll(io.LimitReader(resp.Body, 1024))
		return &apiError{Method: http.MethodPost, Path: path, StatusCode: resp.StatusCode, Body: string(b)}
	}
	return nil
}

func (c *Client) DeleteIssue(ctx context.Context, key string) error {
	path := "/rest/api/3/issue/" + url.PathEscape(key) + "?deleteSubtasks=true"
	resp, err := c.do(ctx, http.MethodDelete, path, nil)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode >= 300 {
		b, _ := io.ReadAll(io.LimitReader(resp.Body, 1024))
		return &apiError{Method: http.MethodDelete, Path: path, StatusCode: resp.StatusCode, Body: string(b)}
	}
	return nil
}

func (c *Client) UserEmail(ctx context.Context, accountID string) (string, error) {
	path := "/rest/api/3/user/email?accountId=" + url.QueryEscape(accountID)
	resp, err := c.do(ctx, http.MethodGet, path, nil)
	if err != nil {
		return "", err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		b, _ := io.ReadAll(io.LimitReader(resp.Body, 1024))
		return "", &apiError{Method: http.MethodGet, Path: path, StatusCode: resp.StatusCode, Body: string(b)}
	}
	var v struct {
		Email string `json:"email"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&v); err != nil {
		return "", err
	}
	return v.Email, nil
}

func (c *Client) SearchStale(ctx context.Context, days int) ([]Issue, error) {
	q := url.Values{}
	q.Set("jql", fmt.Sprintf("updated < -%dd AND statusCategory != Done ORDER BY updated ASC", days))
	q.Set("fields", "summary,updated,status,labels")
	q.Set("maxResults", "100")
	u, err := url.Parse(c.baseURL + "/rest/api/3/search/jql?" + q.Encode())
	if err != nil {
		return nil, err
	}
	req, err := http.NewRequestWithContext(ctx, "GET", u.String(), nil)
	if err != nil {
		return nil, err
	}
	token, err := signToken(c.appKey, c.secret, "GET", u, time.Now())
	if err != nil {
		return nil, err
	}
	req.Header.Set("Authorization", "JWT "+token)
	req.Header.Set("Accept", "application/json")
	resp, err := c.httpClient.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	var result searchResult
	if err := json.NewDecoder(resp.Body).Decode(&result); err != nil {
		return nil, err
	}
	return result.Issues, nil
}
