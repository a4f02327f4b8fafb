// Package oauth1paths signs requests by hand: only the Jira OAuth 1.0a
// endpoints show what it is, and only one names a Cloud host.
package oauth1paths

const requestTokenPath = "/plugins/servlet/oauth/request-token" // a Server or Data Center site's, as far as the code shows

const cloudRequestToken = "https://example.atlassian.net/plugins/servlet/oauth/request-token" // want `Jira OAuth 1.0a endpoint /plugins/servlet/oauth/ on Atlassian Cloud, where OAuth 1.0a is deprecated`

func tenantURL(tenant string) string {
	return "https://" + tenant + ".atlassian.net" + "/plugins/servlet/oauth/access-token" // want `Jira OAuth 1.0a endpoint /plugins/servlet/oauth/ on Atlassian Cloud`
}

const servletPrefix = "/plugins/servlet/oauth/" // a prefix alone is not an endpoint
