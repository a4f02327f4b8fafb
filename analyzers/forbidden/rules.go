package forbidden

import "github.com/connectlint/connectlint/internal/rules"

var ruleUnchecked = &rules.Rule{
	ID:       "unchecked-403",
	Analyzer: "forbidden",
	Title:    "an Atlassian REST response is used without checking its status",
	Severity: rules.Warning,
	Since:    "v0.1.0",
	Doc: `What an app can do is the intersection of its scopes and the permissions
of the user it acts for, so any Jira or Confluence call can answer 403
Forbidden even when the descriptor's scopes are right. With net/http a 403
is not an error: code that checks only err and then decodes the body, or
that drops the response of a DELETE, treats a refusal as success.

Reported at the call (for wrappers and client libraries, the call in the
app's code) when some path from it reaches a return, or the next iteration
of a loop, without examining the status: comparing or switching on
StatusCode (go-atlassian's Code), StatusCode/100, ranges such as >= 400,
parsing Status, or handing the response to a function that does (in any
package). Reading the body before the check is fine, as long as the check
comes before the call is treated as done. Returning the response hands the
duty to the callers, which are checked in turn. go-jira and go-atlassian
report a non-2xx status as an error: there, reading the error counts,
dropping it does not.

Also reported: a status check that lets 403 through as success
(resp.StatusCode == 200 || resp.StatusCode == 403). With
-forbidden.strict, a checked status must also tell 403 apart (an
http.StatusForbidden comparison or case, or a helper with one), so users
can be told that a scope or permission is missing.

Calls in _test.go files are not checked.`,
	Bad: `resp, err := client.Do(req)
if err != nil {
	return err
}
defer resp.Body.Close()
return json.NewDecoder(resp.Body).Decode(&issue)`,
	Good: `resp, err := client.Do(req)
if err != nil {
	return err
}
defer resp.Body.Close()
if resp.StatusCode == http.StatusForbidden {
	return errNoPermission
}
if resp.StatusCode != http.StatusOK {
	return fmt.Errorf("get issue: %s", resp.Status)
}
return json.NewDecoder(resp.Body).Decode(&issue)`,
	Lang: "go",
}

func init() {
	rules.Register(ruleUnchecked)
	Analyzer.Doc = rules.AnalyzerDoc("forbidden", summary)
}
