package apispec

import "github.com/connectlint/connectlint/internal/connect"

// platformOperations are the platform endpoints on https://api.atlassian.com
// that an OAuth 2.0 (3LO) app calls besides the product APIs, as Atlassian
// documents them in "OAuth 2.0 (3LO) apps"
// (https://developer.atlassian.com/cloud/jira/platform/oauth-2-3lo-apps/):
// the sites a token may access (no scope), and the user's identity
// (read:me, the User Identity API). No OpenAPI document in ../shared/specs
// covers them, so they are written here rather than generated. Connect apps
// cannot call them with their JWT.
var platformOperations = [...]Operation{
	{Product: Platform, Method: "GET", Path: "/oauth/token/accessible-resources", OperationID: "getAccessibleResources", Scope: connect.Inaccessible, OAuthNone: true},
	{Product: Platform, Method: "GET", Path: "/me", OperationID: "getMe", Scope: connect.Inaccessible, OAuth: []string{"read:me"}},
}
