package authurl // want package:"\\) authorize URL read:jira-work offline_access; authorize URL read:me; authorize URL write:jira-work; authorize URL read:confluence-content.all; authorize URL read:jira-user manage:jira-project}$"

// This package builds Atlassian's authorize URL by hand.

import (
	"fmt"
	"net/url"
	"strings"
)

const constant = "https://auth.atlassian.com/authorize?audience=api.atlassian.com&client_id=x&scope=read%3Ajira-work%20offline_access&response_type=code"

func Constant() string { return constant }

func Sprintf(id string) string {
	return fmt.Sprintf("https://auth.atlassian.com/authorize?audience=api.atlassian.com&client_id=%s&scope=%s&response_type=code", id, url.QueryEscape("read:me"))
}

func Concat(id string) string {
	return "https://auth.atlassian.com/authorize?client_id=" + id + "&scope=" + strings.Join([]string{"write:jira-work"}, " ")
}

func Values(id string) string {
	q := url.Values{}
	q.Set("client_id", id)
	q.Set("scope", "read:confluence-content.all")
	return "https://auth.atlassian.com/authorize?" + q.Encode()
}

// elsewhere mentions no authorize URL: its scope parameter is not a grant.
func elsewhere() string {
	q := url.Values{}
	q.Set("scope", "repo")
	return q.Encode()
}

// Encoded's scopes are percent-encoded, as they travel in the URL.
func Encoded(id string) string {
	return "https://auth.atlassian.com/authorize?client_id=" + id + "&scope=" + "read%3Ajira-user+manage%3Ajira-project"
}
