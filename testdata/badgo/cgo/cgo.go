// Package cgo mixes C and a Jira call: the analyzers see the cgo-processed
// files and report positions in this file.
package cgo

/*
static int twice(int x) { return 2 * x; }
*/
import "C"

import "net/http"

func Twice(x int) int { return int(C.twice(C.int(x))) }

func Myself(c *http.Client) error {
	resp, err := c.Get("https://example.atlassian.net/rest/api/3/myself")
	if err != nil {
		return err
	}
	return resp.Body.Close()
}
