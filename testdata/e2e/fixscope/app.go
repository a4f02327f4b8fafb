// This app deletes issues, which needs the DELETE scope its descriptor
// does not declare; connectlint -fix adds it.
package main

import (
	_ "embed"
	"fmt"
	"net/http"
)

//go:embed atlassian-connect.json
var descriptor []byte

// DeleteIssue deletes an issue.
func DeleteIssue(client *http.Client, baseURL, key string) error {
	req, err := http.NewRequest(http.MethodDelete, baseURL+"/rest/api/3/issue/"+key, nil)
	if err != nil {
		return err
	}
	resp, err := client.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusNoContent {
		return fmt.Errorf("delete %s: %s", key, resp.Status)
	}
	return nil
}

func main() { DeleteIssue(http.DefaultClient, "https://example.atlassian.net", "A-1") }
