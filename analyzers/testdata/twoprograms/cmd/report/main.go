// A helper command of the same app only reads issues.
package main

import (
	"fmt"
	"net/http"
)

func main() {
	req, _ := http.NewRequest("GET", "https://example.atlassian.net/rest/api/3/issue/A-1", nil)
	req.Header.Set("Authorization", "JWT "+token())
	resp, err := http.DefaultClient.Do(req)
	if err != nil || resp.StatusCode != http.StatusOK {
		fmt.Println("read failed")
	}
}

func token() string { return "" }
