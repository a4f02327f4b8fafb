// Package authn flags insecure authentication choices in the production code
// of programs that talk to Atlassian products: HTTP basic auth, cookie
// sessions and OAuth 1.0a aimed at Jira or Confluence, credentials written
// into the source, TLS verification turned off, plain-http Atlassian URLs,
// JWTs accepted without verification, and Connect JWTs whose query string
// hash (qsh) is never checked.
//
// # Scope
//
// Only production code is analysed: _test.go files are skipped, and the
// driver never analyses testdata. Client libraries that implement the
// insecure methods (go-jira, go-atlassian, ...) are not blamed for them when
// analysed themselves; their callers are.
//
// # The Atlassian gate
//
// basic-auth through net/http ((*http.Request).SetBasicAuth, an
// Authorization header built as "Basic "+...) and through the program's own
// wrappers is reported only when it concerns Atlassian: the request's URL is
// a constant naming an Atlassian host or REST path, or (when the URL is not
// constant) the package is Atlassian-related: it imports a Jira or
// Confluence client library, a string constant names an Atlassian host
// (*.atlassian.net, api.atlassian.com, *.jira.com) or REST path (/rest/api/,
// /wiki/rest/api, /rest/agile, /rest/servicedeskapi, ...), or an
// atlassian-connect.json lies between the package directory and its module
// root. A request whose constant URL names another host is never reported.
// Calls through the client libraries' own basic-auth APIs need no gate.
//
// # Wrappers
//
// A function whose parameters reach the credentials of an auth call (for
// example func auth(r *http.Request, user, token string) { r.SetBasicAuth(user,
// token) }) is summarised as an analysis fact, so a literal password passed to
// it is a hardcoded-secret and, when the wrapper's own package is not
// Atlassian-related, a call from an Atlassian-related package is a basic-auth
// finding.
//
// # Per path
//
// jwt-unverified and jwt-no-qsh judge each function with the functions it
// calls and the functions that call it (same package: the calls in the
// source; other packages: verifiesJWT and checksQSH facts on exported
// functions). A ParseUnverified is fine when a verification runs on its
// path: in the function, a callee (the Connect pre-read of iss, then
// jwt.Parse), a caller that verified first, or a verifying middleware the
// handler is passed into; when a verifying middleware is built where its
// handlers cannot be seen (a factory's result, r.Use(mw)), handlers used as
// values are not reported. A package with a strict verifier and a loose
// handler reports the loose one.
//
// jwt-no-qsh: a package that handles Connect JWTs (reads "JWT "
// Authorization headers, or, when it is Atlassian-related, the jwt query
// parameter; or sends "JWT " headers) and never mentions the qsh claim (a
// "qsh" string, a field or function named after qsh or QueryStringHash) has
// each of its JWT verifications and HS256 token constructions reported.
// When it does mention qsh, only in function bodies, a verification is
// reported when neither its function, a callee nor a caller names qsh. When
// the path cannot be followed (qsh named in a claims type or a Valid method,
// which the parse calls, or the verifying function used as a value or
// shaped as a middleware), nothing is reported: a wrong warning costs more
// than a missed one.
//
// # Cost
//
// The analyzer has facts, so it runs on every dependency. Standard library
// packages are skipped at once; other packages get one walk over their
// string literals, and the remaining checks run only where the package
// imports something auth-related (net/http, crypto/tls, a JWT, OAuth 1.0a
// or Atlassian client library, a package with auth wrappers), is
// Atlassian-related, or builds "Basic "/"JWT " headers or a baseUrl.
//
// # Redaction
//
// Messages never contain a secret: at most its first four characters (only
// for values of 16 characters or more) and its length.
package authn
