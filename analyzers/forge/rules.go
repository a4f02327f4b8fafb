package forge

import "github.com/connectlint/connectlint/internal/rules"

const since = "v0.1.0"

// The rules this analyzer reports.
var (
	ruleFITUnverified = &rules.Rule{
		ID:       "fit-unverified",
		Analyzer: "forge",
		Title:    "a Forge remote handler trusts an invocation without verifying its Forge Invocation Token",
		Severity: rules.Error,
		Since:    since,
		Doc: `Forge calls a remote backend with a Forge Invocation Token (FIT) in the
Authorization header ("Bearer ..."), and, when the manifest asks for them,
the app's OAuth 2.0 tokens in x-forge-oauth-system and x-forge-oauth-user.
The remote's URL is public: anyone can send it a request with a token of
their own, a payload of their choosing, or an invocation token Forge issued
to another app. Atlassian requires a remote to verify every FIT: signed
with RS256 by one of Forge's keys (https://forge.cdn.prod.atlassian-dev.net/.well-known/jwks.json),
issuer forge/invocation-token, audience the app's id (app.id in
manifest.yml), not expired.

Reported, per handler: a net/http handler (a function or method taking
http.ResponseWriter and *http.Request, or a function literal of that type)
wired to a route in a main package or a package that starts the server,
that uses the x-forge-oauth-system or x-forge-oauth-user token, or reads
the request body of a route a modules.endpoint of the manifest invokes
(route.path), when neither the handler nor the functions it calls (in its
package, or in others through facts) verify the token, and no verifying
middleware wraps it (a route that registers it unwrapped exposes it even
when another route wraps it); a handler of another package is judged by
its summary and reported where this package wires it. The verification is read from golang-jwt (v4, v5 and
its forks: Parse, ParseWithClaims, WithValidMethods, WithIssuer,
WithAudience, VerifyIssuer, VerifyAudience), lestrrat-go/jwx v2 and v3
(jwt.Parse with WithKey, WithKeySet, WithIssuer, WithAudience) and go-jose
(JSONWebToken.Claims with a key, Claims.Validate with jwt.Expected); a
verification that misses some checks is reported at the verifying call (or
the call leading to it), naming what is missing: an error for the
signature, the audience (or an audience other than the manifest's app.id)
and the expiry, a warning for the issuer and the algorithm (golang-jwt and
jwx refuse an RSA key for another algorithm family, so pinning RS256 is
hardening). A handler that reads the Authorization header and passes the
request to code connectlint cannot see (another module without facts, a
function value, an interface method) is given the benefit of the doubt.
Handlers in a package that neither is main nor starts the server are not
judged: the code that wires them may wrap them in a middleware.`,
		Bad: `func issueSummary(w http.ResponseWriter, r *http.Request) {
	token := r.Header.Get("x-forge-oauth-system")
	// ... calls Jira with the app's token for whoever asked
}`,
		Good: `func issueSummary(w http.ResponseWriter, r *http.Request) {
	raw := strings.TrimPrefix(r.Header.Get("Authorization"), "Bearer ")
	fit, err := jwt.Parse(raw, forgeKeys.Keyfunc,
		jwt.WithValidMethods([]string{"RS256"}),
		jwt.WithIssuer("forge/invocation-token"),
		jwt.WithAudience(appID), // app.id of manifest.yml
		jwt.WithExpirationRequired())
	if err != nil || !fit.Valid {
		http.Error(w, "invalid invocation token", http.StatusUnauthorized)
		return
	}
	token := r.Header.Get("x-forge-oauth-system")
	// ...
}`,
		Lang: "go",
	}

	ruleRemoteTokenDisabled = &rules.Rule{
		ID:       "remote-token-disabled",
		Analyzer: "forge",
		Title:    "the code reads a Forge token header that the manifest never makes Forge send",
		Severity: rules.Error,
		Since:    since,
		Doc: `Forge sends a remote the app system token in the x-forge-oauth-system header
only when an endpoint module (or the remote) enables auth.appSystemToken in
manifest.yml, and the app user token in x-forge-oauth-user only with
auth.appUserToken. Without it the header is empty, and every call the code
makes with it fails with 401.

Reported at each read of the header (http.Header Get, Values or an index,
a framework's GetHeader), naming the manifest, when a Forge manifest was
found and none of its modules.endpoint or remotes entries enables the
token. Nothing is reported when no manifest is found.`,
		Bad: `# manifest.yml
modules:
  endpoint:
    - key: backend-endpoint
      remote: backend
permissions:
  scopes: [read:jira-work]`,
		Good: `# manifest.yml
modules:
  endpoint:
    - key: backend-endpoint
      remote: backend
      auth:
        appSystemToken:
          enabled: true
permissions:
  scopes: [read:jira-work, read:app-system-token]`,
		Lang: "yaml",
	}
)

func init() {
	rules.Register(ruleFITUnverified, ruleRemoteTokenDisabled)
	Analyzer.Doc = rules.AnalyzerDoc("forge", "check Forge remote handlers: invocation token verification, and the token headers the manifest makes Forge send")
}
