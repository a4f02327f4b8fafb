// Package forge checks the Go backend of a Forge app (a Forge Remote):
// that each HTTP handler verifies the Forge Invocation Token (FIT) before
// it trusts an invocation (fit-unverified), and that the token headers
// the code reads are ones the manifest makes Forge send
// (remote-token-disabled).
//
// # Handlers and summaries
//
// Every function declared in the package gets a summary of what it and
// the functions it calls do: read x-forge-oauth-system, x-forge-oauth-user,
// the Authorization header or the request body; verify a JWT with a known
// library (golang-jwt, lestrrat-go/jwx, go-jose), and which of signature,
// algorithm, issuer, audience and expiry that verification checks. Calls
// into other packages of the program use their summaries as facts.
//
// A handler is a function, method or function literal of type
// func(http.ResponseWriter, *http.Request) that the package wires to a
// route (any reference to it that is not a call); an exported handler of
// another package that it wires is judged by its fact and reported at the
// reference. Each handler is judged alone: a handler that verifies the
// token does not vouch for its neighbour. A middleware (a function that
// verifies the token and takes or returns a handler) protects the
// handlers among its arguments, or every handler of the package when it
// wraps something else (the mux) or is passed as a value
// (router.Use(requireFIT)); a handler that one route registers unwrapped
// is exposed there even when another route wraps it.
//
// Handlers are judged only in main packages and packages that start an
// HTTP server; elsewhere the code that wires them, out of sight, may wrap
// them in a middleware.
//
// # The manifest
//
// The manifest analyzer's result gives the app id (the audience a FIT
// must carry), the endpoint routes (whose request bodies are invocation
// payloads) and which endpoints or remotes enable the app system and user
// tokens. Without a manifest, remote-token-disabled stays silent.
package forge
