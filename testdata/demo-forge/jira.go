package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
)

type issue struct {
	Key    string `json:"key"`
	Fields struct {
		Summary string `json:"summary"`
		Status  struct {
			Name string `json:"name"`
		} `json:"status"`
	} `json:"fields"`
}

// getIssue reads an issue with the app system token; base is the site's
// API base URL from the invocation token (https://api.atlassian.com/ex/jira/{cloudId}).
func getIssue(base, systemToken, key string) (*issue, error) {
	req, err := http.NewRequest("GET", base+"/rest/api/3/issue/"+url.PathEscape(key)+"?fields=summary,status", nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("Authorization", "Bearer "+systemToken)
	req.Header.Set("Accept", "application/json")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("get issue %s: %s", key, resp.Status)
	}
	var is issue
	return &is, json.NewDecoder(resp.Body).Decode(&is)
}

// addComment comments on an issue with the app system token.
func addComment(base, systemToken, key, text string) error {
	body, _ := json.Marshal(map[string]any{"body": map[string]any{
		"type": "doc", "version": 1,
		"content": []any{map[string]any{"type": "paragraph", "content": []any{map[string]any{"type": "text", "text": text}}}},
	}})
	req, err := http.NewRequest("POST", base+"/rest/api/3/issue/"+url.PathEscape(key)+"/comment", bytes.NewReader(body))
	if err != nil {
		return err
	}
	req.Header.Set("Authorization", "Bearer "+systemToken)
	req.Header.Set("Content-Type", "application/json")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusCreated {
		return fmt.Errorf("comment on %s: %s", key, resp.Status)
	}
	return nil
}

// updatedIssues lists the keys of the issues updated in the last day.
func updatedIssues(base, systemToken string) ([]string, error) {
	q := url.Values{"jql": {"updated >= -1d ORDER BY updated DESC"}, "fields": {"key"}, "maxResults": {"100"}}
	req, err := http.NewRequest("GET", base+"/rest/api/3/search/jql?"+q.Encode(), nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("Authorization", "Bearer "+systemToken)
	req.Header.Set("Accept", "application/json")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("search: %s", resp.Status)
	}
	var page struct {
		Issues []struct {
			Key string `json:"key"`
		} `json:"issues"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&page); err != nil {
		return nil, err
	}
	var keys []string
	for _, is := range page.Issues {
		keys = append(keys, is.Key)
	}
	return keys, nil
}
