package restcalls

import "github.com/connectlint/connectlint/internal/rules"

var ruleRestCall = &rules.Rule{
	ID:       "rest-call",
	Analyzer: "restcalls",
	Title:    "an Atlassian REST call (inventory, reported only with -restcalls.report)",
	Severity: rules.Note,
	Since:    "v0.1.0",
	Doc: `Not a problem: with -restcalls.report, connectlint lists every Atlassian
REST call it found, with the method and URL pattern it understood and the
way the request is made (net/http, one of the program's wrappers, go-jira,
go-atlassian). Use it to see what the scope checks see, or to audit an app's
API surface. A "…" in the URL is a part the code does not fix (a parameter,
a configured base URL).`,
	Bad: `req, _ := http.NewRequest(http.MethodDelete, base+"/rest/api/3/issue/"+key, nil)
resp, err := client.Do(req)`,
	Good: `// Reported as: call DELETE …/rest/api/3/issue/… via net/http
req, _ := http.NewRequest(http.MethodDelete, base+"/rest/api/3/issue/"+key, nil)
resp, err := client.Do(req)`,
	Lang: "go",
}

func init() {
	rules.Register(ruleRestCall)
	Analyzer.Doc = rules.AnalyzerDoc("restcalls", "find the Atlassian REST calls a package makes")
}
