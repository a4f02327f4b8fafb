// Package restcalls finds the Atlassian REST calls a package makes: direct
// net/http requests, calls through the app's own wrappers and through the
// go-jira and go-atlassian client libraries. Its Result is shared by the
// checking analyzers (scopes, forbidden).
//
// # How a call is found
//
// The package is put in SSA form, built here and only for packages whose
// code uses something that makes requests (net/http's constructors and
// senders, an http.Request's Method or URL, an interface method taking or
// returning an *http.Request, an imported function with a summary): most
// of the standard library and of a program's dependencies exit before any
// work. Each function is analysed once, callees first:
//
//   - Requests are built by http.NewRequest(WithContext), &http.Request{...},
//     or a summarised function returning a request; req.Method = ...,
//     req.URL = ..., req.URL.Path/RawQuery = ... after creation (on some
//     paths only: both alternatives), req.WithContext and req.Clone are
//     followed, and so are requests captured by a closure that sends them
//     (retry helpers).
//   - Requests are sent by (*http.Client).Do, (*http.Transport).RoundTrip,
//     http.Get/Head/Post/PostForm and their Client methods, a summarised
//     function that sends its request parameter (go-jira's Client.Do), or an
//     interface method that takes an *http.Request (a Doer, go-atlassian's
//     Connector.Call).
//   - Method and URL are patterns from internal/strpat's Evaluator: what
//     string the code can build (constants, +, Sprintf, url and path
//     helpers, strings.Builder, url.URL fields, loops). Parameters stay
//     symbolic references.
//
// # Summaries (facts)
//
// A function's Summary lists the requests it makes, builds or sends, with
// method and URL in terms of its parameters, which result returns the
// response or the request, and the patterns of string results built from
// parameters. Calls to the function (in this package, or in importing
// packages through the exported fact) substitute the arguments' patterns,
// the way passes/printf resolves printf wrappers. Wrappers of wrappers,
// methods, closures (free variables are parameters after the real ones,
// bound at the closure's creation) and generic functions (through their
// origin) work the same way. Interface method calls resolve to the
// implementations declared in this package or in a direct import with
// summaries (go-atlassian's services call their implementation through an
// unexported interface; jiralert calls go-jira's *IssueService through its
// own interface); when there is none, an interface method returning an
// *http.Request is read as a builder from its "method" and
// "url"/"path"/"endpoint" parameters, and one taking an *http.Request as a
// sender.
//
// The client libraries are summarised from their own source, so forks and
// new methods work without a table: go-jira's IssueService.Delete gets
// "sends DELETE …/rest/api/2/issue/<issueID>". go-atlassian fills the API
// version from a runtime field ("rest/api/%v/..."): the version stays a
// wildcard, and the v2 and v3 operations it then matches need the same
// scope, so no curated table was needed.
//
// # Where a call is listed
//
// A request is listed as a Call where its method and URL become settled: in
// the function where the method no longer comes from a parameter and the
// URL either depends on no parameter or already holds the REST path
// ("/rest/api/3/issue/"+key: the key only fills in an ID). Otherwise the
// function is a wrapper and the request is listed at each call of it that
// settles it, i.e. the outermost call site with constant arguments. For
// direct net/http the position is the request's construction
// (http.NewRequest...) when it is in the same function, else the sending
// call; for wrappers and libraries it is the call of the wrapper or library
// method in this package's code. Instr is the sending call (the Do, the
// wrapper call, the library method call), or nil when the request is only
// built here; Response says which of Instr's results holds the response.
//
// For the 403 check, Result.Sends lists every call that yields the response
// of an Atlassian request: the Calls with a response, and the sends inside
// wrappers whose path still depends on a parameter (the wrapper examines
// the response, but the operation is only known at its callers).
//
// A call of a function from another package whose request was already
// settled there is listed again when that package is in another module (a
// library), and, marked Nested, when it is in this module but returns the
// response (the 403 check follows it; per-call checks skip Nested).
// Library packages list their own settled requests in their own Result;
// checks that aggregate needs across packages must keep to the app's own
// packages.
//
// # Filtering
//
// Each request's method and URL go to apispec.Lookup. Requests to other
// hosts and paths that are not Atlassian REST paths (NotAtlassian) are
// dropped; Unknown (looks Atlassian, matches no operation) is kept.
// Strings that never reach a request (log lines, test names) are never
// considered. Requests whose URL the code does not fix at all are kept
// apart in Result.Opaque.
//
// # Limits
//
// Each evaluation visits at most strpat.MaxNodes values and MaxDepth
// levels, loops become wildcards, alternatives are capped at
// strpat.MaxAlts (then widened into one pattern), and a summary holds at
// most 24 effects. Not followed: requests stored in struct fields or
// channels, function values other than closures called where they are
// made, method values, string helpers in packages that do not make
// requests, reflection.
//
// With -restcalls.report the analyzer reports every call it lists (rule
// rest-call), an inventory of the code's API surface.
package restcalls
