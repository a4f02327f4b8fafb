package main // want package:"\\) needs READ, WRITE, DELETE, ACT_AS_USER; 1 unresolved}$"

import (
	"net/http"
	"os"
)

const base = "https://example.atlassian.net"

func deleteIssue(key string) {
	req, _ := http.NewRequest("DELETE", base+"/rest/api/3/issue/"+key, nil) // want `DELETE /rest/api/3/issue/\{issueIdOrKey\} needs scope DELETE; atlassian-connect.json declares READ, WRITE`
	http.DefaultClient.Do(req)
}

func readAndEdit(key string) {
	http.Get(base + "/rest/api/3/issue/" + key) // READ is declared
	req, _ := http.NewRequest(http.MethodPut, base+"/rest/api/3/issue/"+key, nil)
	http.DefaultClient.Do(req) // WRITE is declared
}

// anyMethod may be a GET, a PUT or a DELETE: READ, which is declared, may
// be all it needs, so nothing is reported.
func anyMethod(key string) {
	method := os.Getenv("JIRA_METHOD")
	req, _ := http.NewRequest(method, base+"/rest/api/3/issue/"+key, nil)
	http.DefaultClient.Do(req)
}

// No scope implies ACT_AS_USER.
func preferences() {
	http.Get(base + "/rest/api/3/mypreferences?key=locale") // want `GET /rest/api/3/mypreferences needs scope ACT_AS_USER; atlassian-connect.json declares READ, WRITE`
}

func notAtlassian() {
	http.Get("https://api.github.com/repos/golang/go/issues")
	req, _ := http.NewRequest("DELETE", "https://hooks.slack.com/services/x", nil)
	http.DefaultClient.Do(req)
}

func main() {
	deleteIssue("A-1")
	readAndEdit("A-1")
	anyMethod("A-1")
	preferences()
	notAtlassian()
}
