package main // want package:"\\) needs DELETE}$"

import "net/http"

func main() {
	req, _ := http.NewRequest("DELETE", "https://example.atlassian.net/rest/api/3/issue/A-1", nil) // want `needs scope DELETE`
	http.DefaultClient.Do(req)
}
