package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
)

// gateway is where OAuth 2.0 apps call Jira: api.atlassian.com/ex/jira/{cloudId}.
const gateway = "https://api.atlassian.com/ex/jira/"

// Jira calls the REST API of one site for one signed-in user.
type Jira struct {
	http *http.Client
	base string
}

// Connect finds the first Jira site the user's token may access.
func Connect(ctx context.Context, client *http.Client) (*Jira, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, "https://api.atlassian.com/oauth/token/accessible-resources", nil)
	if err != nil {
		return nil, err
	}
	resp, err := client.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("accessible resources: %s", resp.Status)
	}
	var sites []struct {
		ID  string `json:"id"`
		URL string `json:"url"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&sites); err != nil {
		return nil, err
	}
	if len(sites) == 0 {
		return nil, errors.New("the token grants no Jira site")
	}
	return &Jira{http: client, base: gateway + sites[0].ID}, nil
}

// Issue is the part of a Jira issue the app shows.
type Issue struct {
	Key    string `json:"key"`
	Fields struct {
		Summary string `json:"summary"`
	} `json:"fields"`
}

// Myself returns the signed-in user's display name.
func (j *Jira) Myself(ctx context.Context) (string, error) {
	var me struct {
		DisplayName string `json:"displayName"`
	}
	err := j.do(ctx, http.MethodGet, "/rest/api/3/myself", nil, &me)
	return me.DisplayName, err
}

// Assigned returns the open issues assigned to the signed-in user.
func (j *Jira) Assigned(ctx context.Context) ([]Issue, error) {
	var result struct {
		Issues []Issue `json:"issues"`
	}
	q := url.Values{"jql": {"assignee = currentUser() AND statusCategory != Done"}, "fields": {"summary"}}
	err := j.do(ctx, http.MethodGet, "/rest/api/3/search/jql?"+q.Encode(), nil, &result)
	return result.Issues, err
}

// Comment adds a plain-text comment to an issue.
func (j *Jira) Comment(ctx context.Context, key, text string) error {
	body := map[string]any{"body": map[string]any{
		"type": "doc", "version": 1,
		"content": []any{map[string]any{"type": "paragraph", "content": []any{map[string]any{"type": "text", "text": text}}}},
	}}
	return j.do(ctx, http.MethodPost, "/rest/api/3/issue/"+url.PathEscape(key)+"/comment", body, nil)
}

func (j *Jira) do(ctx context.Context, method, path string, in, out any) error {
	var body io.Reader
	if in != nil {
		buf, err := json.Marshal(in)
		if err != nil {
			return err
		}
		body = bytes.NewReader(buf)
	}
	req, err := http.NewRequestWithContext(ctx, method, j.base+path, body)
	if err != nil {
		return err
	}
	req.Header.Set("Accept", "application/json")
	if in != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	resp, err := j.http.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode >= 300 {
		msg, _ := io.ReadAll(io.LimitReader(resp.Body, 1024))
		return fmt.Errorf("%s %s: %s %s", method, path, resp.Status, msg)
	}
	if out == nil {
		return nil
	}
	return json.NewDecoder(resp.Body).Decode(out)
}
