// Package oauth1paths signs requests by hand: only the Jira OAuth 1.0a
// endpoints show what it is.
package oauth1paths

const requestTokenPath = "/plugins/servlet/oauth/request-token" // want `Jira OAuth 1.0a endpoint /plugins/servlet/oauth/: OAuth 1.0a is deprecated for Atlassian Cloud`

const servletPrefix = "/plugins/servlet/oauth/" // a prefix alone is not an endpoint
