// Package forbidden reports Atlassian REST responses used without checking
// their status (rule unchecked-403). Scopes are not the whole story: what
// an app can do is the intersection of its scopes and the permissions of
// the user it acts for, so any call can answer 403. With net/http a 403 is
// not an error, and code that checks only err treats a refusal as success.
//
// # What is checked
//
// Each call restcalls lists (direct net/http, the app's wrappers, go-jira,
// go-atlassian) that sends its request, at the sending call in the app's
// code (the Do, the wrapper or library method call). From the call, the
// response is followed in SSA form: its copies (phis, variables captured
// by closures), the *http.Response embedded in a library's response, and
// its StatusCode, Status, go-atlassian's Code and Body fields.
//
// The status is examined by a comparison (==, !=, ranges, switch cases,
// after /100), a map lookup, parsing Status (strings, strconv), or by
// handing the response or status to a function that examines it (a
// Handling fact on its parameter, across packages, like passes/printf's
// wrapper facts). Status helpers taking a bare code are recognised when
// the parameter is named like "status" or "code".
//
// The call is reported when some path from it reaches success without
// passing an examination. Success is a return whose error result is not
// surely non-nil (a non-nil error is a failure: errors.New, fmt.Errorf, a
// concrete error value, an error checked != nil on the way), or the call
// itself again: the next iteration of a loop. Paths on which the call's
// error is non-nil, or the response nil, carry no response and are not
// followed; a retry loop that continues on 429 and checks the rest is
// therefore examined. Reading the body before the check is fine; closing
// it (deferred, or in a closure that only closes) is not a use.
//
// Returning the response hands the duty to the caller: the function's
// Handling fact says which result holds it and names the operation (Op),
// and each call of the function, in this package or another, is checked
// as if it were the REST call (restcalls lists some of these calls itself,
// as Nested; the others are found through the fact).
// A wrapper that handles the response of a request whose URL its caller
// gives gets Unchecked in its fact when it does not examine it, and its
// calls are reported.
//
// go-jira's Client.Do and go-atlassian's Client.Call turn every non-2xx
// status into an error. This is learnt from their source (go-jira's
// CheckResponse examines the status and Do returns its error: StatusErr in
// the fact); go-atlassian's services call the Connector interface, whose
// implementation is in a package they do not import, so an interface
// method of a client library that takes an *http.Request and returns the
// library's own response type is assumed to do the same (its Do returning
// a raw *http.Response is not). For such calls, reading the error counts
// as checking; an error that is never read (assigned to _, or the call
// used as a statement) does not. App wrappers that examine the status and
// return an error are treated alike.
//
// A status check whose 403 lands where a 2xx status lands, and a 500 does
// not, is reported at the comparison with 403: the decision (a chain of
// branches on the status) is run with concrete statuses (200, 201, 204,
// 403, 500) to see where each lands.
//
// With -forbidden.strict, a call whose status is examined is also
// reported when nothing compares it with 403 (http.StatusForbidden), in
// the function or in a helper that does.
//
// # Limits
//
// A response stored in a struct field, a global or a channel, or passed
// to an interface method or a function value, is no longer followed and
// counts as examined (the code it goes to cannot be seen). A status
// returned or stored counts as examined by whoever gets it. The 403
// decision check looks at one function: a helper whose 403 branch
// succeeds is not reported. Calls in _test.go files are not checked, nor
// calls in dependencies from the module proxy. The standard library gets
// no facts: its senders are known by name.
package forbidden
