// The app's server deletes issues: it needs DELETE.
package main

import (
	"fmt"
	"net/http"
)

func main() {
	req, _ := http.NewRequest("DELETE", "https://example.atlassian.net/rest/api/3/issue/A-1", nil)
	req.Header.Set("Authorization", "JWT "+token())
	resp, err := http.DefaultClient.Do(req)
	if err != nil || resp.StatusCode != http.StatusNoContent {
		fmt.Println("delete failed")
	}
}

func token() string { return "" }
