// Package matched checks discovery against the real API table.
package matched

import (
	"context"
	"net/http"
)

func calls(ctx context.Context, base, key string) {
	req, _ := http.NewRequestWithContext(ctx, http.MethodDelete, base+"/rest/api/3/issue/"+key, nil) // want `call DELETE …/rest/api/3/issue/… via net/http: DELETE /rest/api/3/issue/\{issueIdOrKey\}`
	http.DefaultClient.Do(req)
	http.Get(base + "/wiki/rest/api/space/" + key) // want `call GET …/wiki/rest/api/space/… via net/http: GET /wiki/rest/api/space/\{spaceKey\}`
	http.Get(base + "/rest/api/3/no-such-thing")   // want `call GET …/rest/api/3/no-such-thing via net/http`

	// Not Atlassian: other hosts, non-REST paths.
	http.Get("https://api.github.com/repos/o/r")
	http.Get(base + "/healthz")
	http.Get("https://example.com/rest/of/the/world")
}
