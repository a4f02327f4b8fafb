// Package plainhttp builds Atlassian and Connect URLs with http://.
package plainhttp

import (
	"fmt"
	"net/http"
)

const (
	insecureSite = "http://example.atlassian.net/rest/api/3/myself" // want `plain http:// URL to Atlassian host example.atlassian.net sends credentials and data unencrypted: use https://`
	secureSite   = "https://example.atlassian.net/rest/api/3/myself"
	gateway      = "http://api.atlassian.com/ex/jira/" // want `plain http:// URL to Atlassian host api.atlassian.com`
	docs         = "http://example.com/docs"
)

func tenant(name string) string {
	return "http://" + name + ".atlassian.net" // want `plain http:// URL to Atlassian host \*.atlassian.net`
}

func tenantf(name string) string {
	return fmt.Sprintf("http://%s.jira.com/rest/api/2/issue", name) // want `plain http:// URL to Atlassian host %s.jira.com`
}

type Descriptor struct {
	Key     string `json:"key"`
	BaseURL string `json:"baseUrl"`
}

type Server struct {
	BaseURL string // not a descriptor field
}

func descriptor(r *http.Request) any {
	return map[string]any{
		"key":     "my-app",
		"baseUrl": "http://" + r.Host, // want `Connect baseUrl "http://\*" uses http://: Atlassian sends the installation secret and every JWT to it, so it must be https://`
	}
}

func devDescriptor() any {
	return map[string]any{"key": "my-app", "baseUrl": "http://localhost:8080"}
}

func typed(host string) Descriptor {
	d := Descriptor{Key: "my-app", BaseURL: "http://" + host + ":3000"} // want `Connect baseUrl "http://\*:3000" uses http://`
	d.BaseURL = "http://" + host                                        // want `Connect baseUrl "http://\*" uses http://`
	d.BaseURL = "https://" + host
	return d
}

func server(host string) Server {
	return Server{BaseURL: "http://" + host} // not Connect's baseUrl
}

// want +1 `Connect baseUrl http://my-app.example.com uses http://`
const descriptorJSON = `{
	"key": "my-app",
	"baseUrl": "http://my-app.example.com",
	"authentication": {"type": "jwt"}
}`

const devJSON = `{"key": "my-app", "baseUrl": "http://127.0.0.1:8080"}`

const help = "the site URL, such as http://example.atlassian.net or https://example.atlassian.net" // prose, not a URL in use

const docExample = `"baseUrl": "http://" + host` // Go code in a doc string, not a descriptor
