package basicauth

import (
	"net/http"
	"testing"
)

// Tests may use basic auth, and literal credentials against a test server.
func TestBasic(t *testing.T) {
	req, _ := http.NewRequest("GET", "https://example.atlassian.net/rest/api/3/myself", nil)
	req.SetBasicAuth("bot", "hunter2")
}
