// Package secrets writes credentials into the code.
package secrets

import (
	"net/http"

	jira "github.com/andygrunwald/go-jira"
	v3 "github.com/ctreminiom/go-atlassian/v2/jira/v3"
	"github.com/golang-jwt/jwt/v5"
)

// The token below is fake: the same shape as an Atlassian API token.
const apiToken = "ATATT3xFfGF0abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ_-abcdefghijklmnop=12345678" // want `hard-coded Atlassian API token "ATAT…" \(101 chars\): load it from the environment or a secret store, and revoke this one`

const prefix = "ATATT" // a prefix check is not a token

func isAPIToken(s string) bool { return len(s) > 5 && s[:5] == prefix }

var sharedSecret = []byte("0123456789abcdef0123456789abcdef")

func basic() {
	tp := jira.BasicAuthTransport{
		Username: "bot@example.com",
		Password: apiToken, // reported once, at the literal
	}
	_ = tp
	_ = jira.PATAuthTransport{Token: "pat-0123456789-abcdefghij"} // want `hard-coded token "pat-…" \(25 chars\) passed to go-jira PATAuthTransport`
	_ = jira.PATAuthTransport{Token: ""}                          // empty: nothing to leak
}

func connectTransport() {
	_ = jira.JWTAuthTransport{Secret: []byte("my-shared-secret-value"), Issuer: "my-app"} // want `hard-coded JWT shared secret "my-s…" \(22 chars\) passed to go-jira JWTAuthTransport`
}

func sign(claims jwt.MapClaims) (string, error) {
	token := jwt.NewWithClaims(jwt.SigningMethodHS256, claims)
	return token.SignedString(sharedSecret) // want `hard-coded JWT shared secret "0123…" \(32 chars\) passed to \(\*jwt.Token\).SignedString`
}

func signFromInstall(claims jwt.MapClaims, secret string) (string, error) {
	return jwt.NewWithClaims(jwt.SigningMethodHS256, claims).SignedString([]byte(secret))
}

func verify(raw string) (*jwt.Token, error) {
	return jwt.Parse(raw, func(t *jwt.Token) (any, error) {
		return []byte("hunter2"), nil // want `hard-coded JWT shared secret \(7 chars\) passed to a JWT key function`
	}, jwt.WithValidMethods([]string{"HS256"}))
}

func login(req *http.Request) {
	req.SetBasicAuth("bot@example.com", "ATATT3xFfGF0zyxwvutsrqponmlkjihgfedcba9876543210") // want `hard-coded Atlassian API token "ATAT…" \(48 chars\)`
}

func bearer(client *v3.Client) {
	client.Auth.SetBearerToken("eyJhbGciOiJIUzI1NiJ9.oauth-access-token") // want `hard-coded token "eyJh…" \(39 chars\) passed to go-atlassian Auth.SetBearerToken`
}

// Placeholders in example programs are not secrets.
func placeholders(client *v3.Client, claims jwt.MapClaims) {
	client.Auth.SetBearerToken("<personal-access-token>")
	client.Auth.SetBearerToken("your-api-token")
	client.Auth.SetBearerToken("xxxxxxxx")
	client.Auth.SetBearerToken("changeme")
	client.Auth.SetBearerToken("${JIRA_API_TOKEN}")
	client.Auth.SetBearerToken("REPLACE_ME")
	client.Auth.SetBearerToken("...")
	client.Auth.SetBearerToken("api_token")
	_ = jira.PATAuthTransport{Token: "<api-token>"}
	_ = jira.PATAuthTransport{Token: "{{ .Token }}"}
	_ = jira.JWTAuthTransport{Secret: []byte("your-shared-secret"), Issuer: "my-app"}
	jwt.NewWithClaims(jwt.SigningMethodHS256, claims).SignedString([]byte("<shared-secret>"))
}

// Real-looking values are secrets, in examples too.
func realInExample(client *v3.Client) {
	client.Auth.SetBearerToken("ATATT3xFfGF0realrealrealrealrealrealreal") // want `hard-coded Atlassian API token "ATAT…" \(40 chars\)`
	client.Auth.SetBearerToken("q8Zr2LmX0vT4nB7kY1wP6sD9fH3jC5gA")         // want `hard-coded token "q8Zr…" \(32 chars\) passed to go-atlassian Auth.SetBearerToken`
}
