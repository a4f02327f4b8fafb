// Package tlsconf turns TLS verification off in several ways; a setting
// is judged only where the client's requests go to Atlassian.
package tlsconf

import (
	"crypto/tls"
	"net/http"
	"os"

	jira "github.com/andygrunwald/go-jira"
	v3 "github.com/ctreminiom/go-atlassian/v2/jira/v3"
)

type Config struct {
	Insecure bool
	Mode     string
}

// A client handed to a Jira client library.
func library() {
	client := &http.Client{Transport: &http.Transport{
		TLSClientConfig: &tls.Config{InsecureSkipVerify: true}, // want `InsecureSkipVerify: true turns off TLS certificate checks on a client that calls Atlassian, so anyone on the network path can read the credentials and tokens it sends: remove it \(add a private CA to RootCAs instead\)`
	}}
	jira.NewClient(client, "https://issues.example.com/jira/")
}

// A client that sends a request to a Jira REST path.
func direct() {
	tr := &http.Transport{}
	tr.TLSClientConfig = &tls.Config{InsecureSkipVerify: true} // want `InsecureSkipVerify: true turns off TLS certificate checks on a client that calls Atlassian`
	client := &http.Client{Transport: tr}
	req, _ := http.NewRequest("GET", "https://example.atlassian.net/rest/api/3/myself", nil)
	client.Do(req)
}

// A client kept in a struct field and used by a method.
type api struct{ http *http.Client }

func newAPI() *api {
	return &api{http: &http.Client{Transport: &http.Transport{
		TLSClientConfig: &tls.Config{InsecureSkipVerify: true}, // want `InsecureSkipVerify: true turns off TLS certificate checks on a client that calls Atlassian`
	}}}
}

func (a *api) myself() { a.http.Get("https://example.atlassian.net/rest/api/3/myself") }

// A client returned by a constructor, then handed to go-atlassian.
func insecureClient() *http.Client {
	return &http.Client{Transport: &http.Transport{TLSClientConfig: &tls.Config{InsecureSkipVerify: true}}} // want `InsecureSkipVerify: true turns off TLS certificate checks on a client that calls Atlassian`
}

func useInsecure() { v3.New(insecureClient(), "https://example.atlassian.net") }

// TLS off whenever a proxy is set: a condition, not an opt-in.
func proxied(proxyURL string) {
	tr := &http.Transport{}
	if proxyURL != "" {
		tr.TLSClientConfig = &tls.Config{InsecureSkipVerify: true} // want `InsecureSkipVerify: true whenever proxyURL != "" turns off TLS certificate checks on a client that calls Atlassian`
	}
	jira.NewClient(&http.Client{Transport: tr}, "https://example.atlassian.net")
}

// A value computed at run time that names no opt-in: a note.
func fromMode(cfg Config) {
	tr := &http.Transport{TLSClientConfig: &tls.Config{InsecureSkipVerify: cfg.Mode == "dev"}} // want `InsecureSkipVerify is set from cfg.Mode == "dev" on a client that calls Atlassian: it must never be true in production`
	jira.NewClient(&http.Client{Transport: tr}, "https://example.atlassian.net")
}

// The default transport, in a package whose requests go to Atlassian.
func defaultTransport() {
	http.DefaultTransport.(*http.Transport).TLSClientConfig = &tls.Config{InsecureSkipVerify: true} // want `InsecureSkipVerify: true turns off TLS certificate checks on a client that calls Atlassian`
}

// Explicit opt-ins are the user's informed choice: not reported.
func optIns(cfg Config, insecure bool) {
	jira.NewClient(&http.Client{Transport: &http.Transport{
		TLSClientConfig: &tls.Config{InsecureSkipVerify: cfg.Insecure},
	}}, "https://example.atlassian.net")
	tr := &http.Transport{}
	if cfg.Insecure {
		tr.TLSClientConfig = &tls.Config{InsecureSkipVerify: true}
	}
	if os.Getenv("JIRA_SSL_VERIFY") == "false" {
		tr.TLSClientConfig = &tls.Config{InsecureSkipVerify: true}
	}
	jira.NewClient(&http.Client{Transport: tr}, "https://example.atlassian.net")
}

// A library's own switch: the caller decides.
type Client struct{ http *http.Client }

func (c *Client) VerifyTLS(set bool) {
	c.http.Transport = &http.Transport{TLSClientConfig: &tls.Config{InsecureSkipVerify: !set}}
}

func (c *Client) issue() { c.http.Get("https://example.atlassian.net/rest/api/3/issue/KEY-1") }

// Clients whose requests do not go to Atlassian, or go nowhere.
func unused() {
	_ = &http.Client{Transport: &http.Transport{TLSClientConfig: &tls.Config{InsecureSkipVerify: true}}}
}

var DefaultHTTPClient = newUnused()

func newUnused() *http.Client {
	return &http.Client{Transport: &http.Transport{TLSClientConfig: &tls.Config{InsecureSkipVerify: true}}}
}

func logShipper() {
	client := &http.Client{Transport: &http.Transport{TLSClientConfig: &tls.Config{InsecureSkipVerify: true}}}
	client.Post("https://logs.example.com/ingest", "application/json", nil)
}

func safe() {
	client := &http.Client{Transport: &http.Transport{
		TLSClientConfig: &tls.Config{InsecureSkipVerify: false, MinVersion: tls.VersionTLS12},
	}}
	jira.NewClient(client, "https://example.atlassian.net")
}

func assign(t *http.Transport) {
	t.TLSClientConfig = &tls.Config{}
	t.TLSClientConfig.InsecureSkipVerify = true // a transport from nowhere in this package
}
