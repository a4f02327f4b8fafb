package authn

import "github.com/connectlint/connectlint/internal/rules"

const since = "v0.1.0"

// The rules this analyzer reports.
var (
	ruleBasicAuth = &rules.Rule{
		ID:       "basic-auth",
		Analyzer: "authn",
		Title:    "HTTP basic auth against Atlassian products",
		Severity: rules.Warning,
		Since:    since,
		Doc: `Basic auth sends a user's email and API token (or password) with every
request. Atlassian recommends it only for personal scripts and bots: an app
should use OAuth 2.0 (3LO), which acts with the user's consent and scopes, or,
for a Connect app, JWT signed with the installation's shared secret.

Reported: (*http.Request).SetBasicAuth and Authorization headers built as
"Basic " + ... in Atlassian-related code, go-jira BasicAuthTransport (v1, v2
cloud and onpremise) and Authentication.SetBasicAuth, go-atlassian
Auth.SetBasicAuth, essentialkaos AuthBasic, and the program's own wrappers of
these. Code in _test.go files is not reported.`,
		Bad: `tp := jira.BasicAuthTransport{
	Username: os.Getenv("JIRA_USER"),
	Password: os.Getenv("JIRA_TOKEN"),
}
client, err := jira.NewClient(tp.Client(), "https://example.atlassian.net")`,
		Good: `// OAuth 2.0 (3LO): the user's access token, refreshed by golang.org/x/oauth2.
httpClient := oauthConfig.Client(ctx, userToken)
client, err := jira.NewClient(httpClient, "https://api.atlassian.com/ex/jira/"+cloudID)`,
		Lang: "go",
	}

	ruleCookieAuth = &rules.Rule{
		ID:       "cookie-auth",
		Analyzer: "authn",
		Title:    "cookie-based session auth against Jira",
		Severity: rules.Warning,
		Since:    since,
		Doc: `Cookie-based authentication (a session from /rest/auth/1/session) is
deprecated for Atlassian Cloud and sends the user's password to create the
session. Use OAuth 2.0 (3LO), or Connect JWT in a Connect app.

Reported: requests to /rest/auth/1/session, go-jira CookieAuthTransport and
Authentication.AcquireSessionCookie.`,
		Bad: `tp := jira.CookieAuthTransport{
	Username: user,
	Password: password,
	AuthURL:  "https://jira.example.com/rest/auth/1/session",
}`,
		Good: `httpClient := oauthConfig.Client(ctx, userToken)
client, err := jira.NewClient(httpClient, baseURL)`,
		Lang: "go",
	}

	ruleOAuth1 = &rules.Rule{
		ID:       "oauth1",
		Analyzer: "authn",
		Title:    "OAuth 1.0a client aimed at Atlassian",
		Severity: rules.Warning,
		Since:    since,
		Doc: `OAuth 1.0a (RSA-SHA1 signed requests with Jira's application links and the
/plugins/servlet/oauth/ endpoints) is deprecated for Atlassian Cloud. Use
OAuth 2.0 (3LO) with golang.org/x/oauth2 and auth.atlassian.com.

Reported: github.com/dghubble/oauth1 Config and RSASigner, mrjones/oauth
consumers and gomodule/oauth1 clients in Atlassian-related code, and the Jira
OAuth 1.0a endpoint paths.`,
		Bad: `config := oauth1.Config{
	ConsumerKey: consumerKey,
	Endpoint: oauth1.Endpoint{
		RequestTokenURL: site + "/plugins/servlet/oauth/request-token",
		AuthorizeURL:    site + "/plugins/servlet/oauth/authorize",
		AccessTokenURL:  site + "/plugins/servlet/oauth/access-token",
	},
	Signer: &oauth1.RSASigner{PrivateKey: key},
}`,
		Good: `config := &oauth2.Config{
	ClientID:     clientID,
	ClientSecret: os.Getenv("ATLASSIAN_CLIENT_SECRET"),
	Scopes:       []string{"read:jira-work", "offline_access"},
	Endpoint: oauth2.Endpoint{
		AuthURL:  "https://auth.atlassian.com/authorize",
		TokenURL: "https://auth.atlassian.com/oauth/token",
	},
}`,
		Lang: "go",
	}

	ruleHardcodedSecret = &rules.Rule{
		ID:       "hardcoded-secret",
		Analyzer: "authn",
		Title:    "credential written into the source code",
		Severity: rules.Error,
		Since:    since,
		Doc: `A credential in the source is readable by everyone who can read the
repository, its history and the binary, and it cannot be rotated without a
release. Load it from the environment or a secret store; a Connect app loads
each tenant's shared secret from its installation record.

Reported: Atlassian API token literals (they start with ATATT) anywhere in
production code; literal passwords and tokens passed to the auth calls of the
basic-auth and cookie-auth rules, to go-atlassian SetBearerToken, go-jira
PATAuthTransport and BearerAuthTransport, or to a wrapper of them; literal
JWT signing secrets (SignedString, key functions, go-jira
JWTAuthTransport{Secret: ...}). Messages show at most the first four
characters and the length of the value, never the value.`,
		Bad: `tp := jira.BasicAuthTransport{
	Username: "bot@example.com",
	Password: "ATATT3xFfGF0...",
}`,
		Good: `tp := jira.BasicAuthTransport{
	Username: os.Getenv("JIRA_USER"),
	Password: os.Getenv("JIRA_API_TOKEN"),
}`,
		Lang: "go",
	}

	ruleInsecureTLS = &rules.Rule{
		ID:       "insecure-tls",
		Analyzer: "authn",
		Title:    "TLS certificate verification turned off",
		Severity: rules.Error,
		Since:    since,
		Doc: `InsecureSkipVerify: true accepts any certificate, so anyone on the network
path can impersonate Atlassian and read the credentials, tokens and data the
program sends. A value that is not a constant (say cfg.Insecure) is reported
as a note: such a switch must never be on in production. For a private CA,
add its certificate to RootCAs instead.`,
		Bad: `client := &http.Client{Transport: &http.Transport{
	TLSClientConfig: &tls.Config{InsecureSkipVerify: true},
}}`,
		Good: `pool, _ := x509.SystemCertPool()
pool.AppendCertsFromPEM(companyCA)
client := &http.Client{Transport: &http.Transport{
	TLSClientConfig: &tls.Config{RootCAs: pool},
}}`,
		Lang: "go",
	}

	rulePlaintextHTTP = &rules.Rule{
		ID:       "plaintext-http",
		Analyzer: "authn",
		Title:    "plain http:// URL for Atlassian or a Connect baseUrl",
		Severity: rules.Error,
		Since:    since,
		Doc: `Credentials and tokens sent over http:// can be read on the network path.
Atlassian Cloud hosts (*.atlassian.net, api.atlassian.com, *.jira.com) must be
called with https://, and a Connect app's baseUrl must be https://: Atlassian
sends the installation's shared secret and every JWT there. localhost URLs,
used in development, are not reported.`,
		Bad: `descriptor := map[string]any{
	"key":     "my-app",
	"baseUrl": "http://" + host,
}`,
		Good: `descriptor := map[string]any{
	"key":     "my-app",
	"baseUrl": "https://" + host,
}`,
		Lang: "go",
	}

	ruleJWTUnverified = &rules.Rule{
		ID:       "jwt-unverified",
		Analyzer: "authn",
		Title:    "JWT accepted without full verification",
		Severity: rules.Error,
		Since:    since,
		Doc: `A JWT proves nothing until its signature, algorithm and expiry are checked.

Reported: jwt.ParseUnverified in a function when nothing on its path
verifies the token (not the function, a function it calls, a caller or a
middleware it runs behind; a verifier elsewhere in the package does not
count); a
golang-jwt Parse or ParseWithClaims whose key function does not check
token.Method (a type assertion such as token.Method.(*jwt.SigningMethodHMAC)
or a comparison of token.Method.Alg()) and that has no jwt.WithValidMethods
option; jwt.WithoutClaimsValidation and Parser{SkipClaimsValidation: true},
which accept expired tokens; a custom Valid() method of a claims type the
package parses that does not check exp or accepts a missing one
(VerifyExpiresAt(now, false), or exp checked only when non-zero); and
jwt.UnsafeAllowNoneSignatureType or "none" among the valid methods, which
accept unsigned tokens.`,
		Bad: `// verify elsewhere in the package does not run on this path
func issueKey(w http.ResponseWriter, r *http.Request) {
	claims := jwt.MapClaims{}
	jwt.NewParser().ParseUnverified(r.URL.Query().Get("jwt"), claims)
	showIssue(w, claims["sub"])
}

token, err := jwt.Parse(raw, func(t *jwt.Token) (any, error) {
	return []byte(tenant.SharedSecret), nil
})`,
		Good: `// read iss unverified only to find the tenant, then verify the same token
claims := jwt.MapClaims{}
jwt.NewParser().ParseUnverified(raw, claims)
tenant := tenants[claims["iss"].(string)]
token, err := jwt.Parse(raw, func(t *jwt.Token) (any, error) {
	return []byte(tenant.SharedSecret), nil
}, jwt.WithValidMethods([]string{"HS256"}), jwt.WithExpirationRequired())`,
		Lang: "go",
	}

	ruleJWTNoQSH = &rules.Rule{
		ID:       "jwt-no-qsh",
		Analyzer: "authn",
		Title:    "Connect JWT handled without its query string hash (qsh)",
		Severity: rules.Error,
		Since:    since,
		Doc: `A Connect JWT's qsh claim binds the token to one request (method, path and
query). A server that verifies the signature but never compares qsh with the
request accepts a token captured from any other request of the same tenant;
an outgoing Connect JWT without qsh is refused by Atlassian.

Reported: in a package that reads Connect JWTs (the "Authorization: JWT
..." header or the jwt query parameter) or sends them, each JWT verification
and HS256 token construction when the package never mentions the qsh claim;
when it does, each verification whose function, callees and callers never
name qsh (a qsh check in another handler does not protect this one), unless
the path cannot be followed (qsh in a claims type or Valid method, a
verifying middleware); and skip-qsh switches of Connect frameworks such as
github.com/craftamap/atlas-gonnect middleware.NewAuthenticationMiddleware(addon, true).`,
		Bad: `raw := strings.TrimPrefix(r.Header.Get("Authorization"), "JWT ")
token, err := jwt.Parse(raw, keyFunc, jwt.WithValidMethods([]string{"HS256"}))
if err != nil || !token.Valid {
	http.Error(w, "unauthorized", http.StatusUnauthorized)
	return
}`,
		Good: `raw := strings.TrimPrefix(r.Header.Get("Authorization"), "JWT ")
token, err := jwt.Parse(raw, keyFunc, jwt.WithValidMethods([]string{"HS256"}))
if err != nil || !token.Valid {
	http.Error(w, "unauthorized", http.StatusUnauthorized)
	return
}
claims := token.Claims.(jwt.MapClaims)
if claims["qsh"] != queryStringHash(r) {
	http.Error(w, "unauthorized", http.StatusUnauthorized)
	return
}`,
		Lang: "go",
	}
)

func init() {
	rules.Register(ruleBasicAuth, ruleCookieAuth, ruleOAuth1, ruleHardcodedSecret,
		ruleInsecureTLS, rulePlaintextHTTP, ruleJWTUnverified, ruleJWTNoQSH)
	Analyzer.Doc = rules.AnalyzerDoc("authn", "report insecure authentication choices in code that talks to Atlassian products")
}
