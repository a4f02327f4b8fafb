// Package jiraapp calls Jira through go-jira, which reports a non-2xx
// status as an error.
package jiraapp

import (
	"log"

	jira "github.com/andygrunwald/go-jira"
)

func deleteChecked(c *jira.Client) error {
	_, err := c.Issue.Delete("K-1")
	return err
}

func deleteLogged(c *jira.Client) {
	if _, err := c.Issue.Delete("K-1"); err != nil {
		log.Print(err)
	}
}

func deleteIgnored(c *jira.Client) {
	c.Issue.Delete("K-1") // want `error of DELETE /rest/api/2/issue/\{issueIdOrKey\} is never read, and go-jira reports a non-2xx status only through it; a 403 \(missing scope or user permission\) would pass as success`
}

func getBlank(c *jira.Client) string {
	issue, _, _ := c.Issue.Get("K-2") // want `error of GET /rest/api/2/issue/\{issueIdOrKey\} is never read`
	return issue.Key
}

func getUnread(c *jira.Client) string {
	issue, resp, err := c.Issue.Get("K-2") // want `error of GET /rest/api/2/issue/\{issueIdOrKey\} is never read`
	_ = err
	log.Print(resp.Total)
	return issue.Key
}

func getStatus(c *jira.Client) string {
	issue, resp, _ := c.Issue.Get("K-2")
	if resp.StatusCode != 200 {
		return ""
	}
	return issue.Key
}

func rawDo(c *jira.Client) error {
	req, _ := c.NewRequest("PUT", "rest/api/2/issue/K-3/assignee", nil)
	_, err := c.Do(req, nil)
	return err
}

func rawDoIgnored(c *jira.Client) {
	req, _ := c.NewRequest("PUT", "rest/api/2/issue/K-3/assignee", nil)
	c.Do(req, nil) // want `error of PUT /rest/api/2/issue/\{issueIdOrKey\}/assignee is never read`
}
