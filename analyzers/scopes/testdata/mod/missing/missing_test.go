package main

import (
	"net/http"
	"testing"
)

// Tests talk to fake servers: their calls are not checked.
func TestDelete(t *testing.T) {
	req, _ := http.NewRequest("DELETE", base+"/rest/api/3/issue/T-1", nil)
	http.DefaultClient.Do(req)
}
