package scopes

import "github.com/connectlint/connectlint/internal/rules"

const since = "v0.1.0"

// The rules this analyzer reports.
var (
	ruleMissing = &rules.Rule{
		ID:       "missing-scope",
		Analyzer: "scopes",
		Title:    "a REST call needs a scope the app is not granted",
		Severity: rules.Error,
		Since:    since,
		Doc: `An app can call an Atlassian REST operation only with a scope that grants
it; a call the granted scopes do not cover answers 403 Forbidden at run
time. connectlint knows every operation's scopes from Atlassian's API
specification and checks them against the app's grants:

- Connect: the descriptor's "scopes" (x-atlassian-connect-scope: READ,
  WRITE, DELETE, PROJECT_ADMIN, SPACE_ADMIN, ADMIN, ACT_AS_USER,
  ACCESS_EMAIL_ADDRESSES, and the scopes they imply: WRITE implies READ,
  DELETE implies WRITE, PROJECT_ADMIN and SPACE_ADMIN imply DELETE, ADMIN
  implies both).
- OAuth 2.0 (3LO): the Scopes of a golang.org/x/oauth2.Config whose endpoint
  is auth.atlassian.com, an oauth2.SetAuthURLParam("scope", ...), a
  hand-built https://auth.atlassian.com/authorize URL, or go-atlassian's
  GetAuthorizationURL. Each operation lists a classic scope set
  (read:jira-work) and a granular one (read:issue:jira, ...): the call is
  covered when the grant holds every scope of either set. Atlassian's
  developer advocate puts it as "Either use a simple, single scope: Classic:
  read:jira-work; Or use the newer and more fine-grained scopes: Granular:
  ..." (https://community.developer.atlassian.com/t/jira-cloud-rest-api-integration-through-oauth-2-3lo/72063),
  and the scopes page recommends classic scopes
  (https://developer.atlassian.com/cloud/jira/platform/scopes-for-oauth-2-3LO-and-forge-apps/).
  The missing scopes are suggested in the family the grant already uses.
- Forge: the permissions.scopes of manifest.yml (a list, or the map form
  with allowImpersonation). Its OAuth 2.0 scopes are behind the tokens Forge
  passes a remote (the x-forge-oauth-system and x-forge-oauth-user
  headers); calling with them also needs read:app-system-token or
  read:app-user-token. In a Connect app on Forge (app.connect), the
  manifest's Connect scopes (read:connect-jira, write:connect-jira, ...,
  space-admin:connect-confluence) cover as the Connect scopes they name and
  replace the descriptor's, which Atlassian then ignores.

Which grant judges a call: the one its credential shows (a Connect JWT
header, a client from an oauth2.Config, a token's AccessToken), else the
model its URL takes (api.atlassian.com only OAuth 2.0 tokens, a
*.atlassian.net site URL no OAuth 2.0 token), else any grant: the call is
then covered when any grant covers it. Acting as a user with the JWT bearer
grant (at the token exchange, or at the app's call of a library function
that makes it, such as a framework's AsUser) needs ACT_AS_USER.

Reported at the call site (for wrappers and client libraries, the outermost
call in the app's code). When the code leaves several operations possible
(an unknown method, a wildcard in the path), the least any of them needs is
asked for, and nothing is reported if any of them is granted. A call in a
package that cannot see every grant that may cover it (an OAuth 2.0 client
declared in a package it does not import) is judged by the program's main
package, which reports it at the call; a module without a main package gets
no finding for such calls. With -fix, the scopes each lacking grant misses
are added to the descriptor's "scopes" array (or the array is added), or to
the Go Scopes literal, or to manifest.yml's permissions.scopes (in the
form and layout the file uses, comments kept), for all the calls a package
reports at once. Calls
in _test.go files are not checked.`,
		Bad: `// atlassian-connect.json: "scopes": ["READ", "WRITE"]
req, _ := http.NewRequest(http.MethodDelete, base+"/rest/api/3/issue/"+key, nil)
resp, err := client.Do(req)`,
		Good: `// atlassian-connect.json: "scopes": ["READ", "WRITE", "DELETE"]
req, _ := http.NewRequest(http.MethodDelete, base+"/rest/api/3/issue/"+key, nil)
resp, err := client.Do(req)`,
		Lang: "go",
	}

	ruleExcess = &rules.Rule{
		ID:       "excess-scope",
		Analyzer: "scopes",
		Title:    "the app is granted a scope broader than the code needs",
		Severity: rules.Warning,
		Since:    since,
		Doc: `Declare the least scopes the app needs: each scope is shown to the
administrator who installs the app (or to the user who authorizes an OAuth
2.0 app), and a broader one (ADMIN for an app that only deletes issues)
widens what a leaked shared secret or token can do.

Each grant is judged by the calls it may authorize (see missing-scope): the
descriptor's scopes by the Connect calls, an OAuth 2.0 client's by its own
calls. For OAuth 2.0, a scope is needed when a call needs it in the set
(classic or granular) the grant covers it with; offline_access is needed
only when the code refreshes a token (an oauth2 TokenSource or
Config.Client over a stored token, go-atlassian's token renewal, a
refresh_token request); scopes whose use Go code does not show
(storage:app, read:account, ...) are never reported, and neither is any
scope of a grant connectlint cannot read entirely. ACT_AS_USER is needed
when the app uses the JWT bearer grant.

A Forge manifest's scopes are judged by the Go remote's calls only when the
Go code is all the code they serve: a manifest with function modules
(JavaScript resolvers, triggers, UI Kit) or resources (Custom UI, whose
frontend calls product APIs through the bridge) also serves code
connectlint does not analyse, and none of its scopes is reported.

The needs are those of the whole program: every Atlassian call in the main
package and in every package of the app it imports (through package facts),
plus the descriptor's own features (webhooks need READ). The finding is
reported once, at the declared scope, by each main package; library packages
do not report it, as they see only part of the app. A call whose operation
is not resolved (or whose candidate operations need different scopes) may
need a declared scope: such a scope is not reported, and unresolved-calls
says so instead; a scope none of the candidates could need is still
reported. It is not reported when the Go code makes no Atlassian call at
all. Calls in _test.go files do not count.
When several programs of a module share one descriptor or manifest, a
standalone connectlint run judges by the union of their needs: a scope the
server needs, or may need, is not excess because a helper command does not
need it. go vet -vettool and golangci-lint analyse each main package alone,
so there a helper command that needs less than the server reports scopes
the server uses: run them on the server's packages, or ignore the finding
for the helper.

Calls made from the app's pages in the browser (AP.request) need scopes too
and are not seen by connectlint: keep a scope they need, and silence the
finding with an ignore entry in .connectlint.yaml giving that reason (rule
excess-scope, path atlassian-connect.json).

` + "`connectlint scopes ./...`" + ` prints the scopes the code needs and why.`,
		Bad: `{
  "scopes": ["READ", "WRITE", "ADMIN"]
}`,
		Good: `{
  "scopes": ["READ", "WRITE", "DELETE"]
}`,
		Lang: "json",
	}

	ruleUnresolved = &rules.Rule{
		ID:       "unresolved-calls",
		Analyzer: "scopes",
		Title:    "an Atlassian call connectlint cannot resolve to an operation",
		Severity: rules.Note,
		Since:    since,
		Doc: `Everything connectlint could not judge is listed, so that nothing is
silently dropped. Reported:

- at each request of the app's code that goes to Atlassian but cannot be
  resolved to an operation of the API table: its path matches no operation
  (the nearest is named), or the code does not show its path while its
  host is an Atlassian site (https://x.atlassian.net + a path from
  elsewhere), it is signed with a Connect JWT, or a Jira or Confluence
  client library sends it. Its scopes are not checked;
- once per grant, at the first granted scope that such a call (or a call
  whose candidate operations need different scopes) may need: excess-scope
  needs to know what every call needs, so instead of guessing, the note
  names those scopes, the number of unresolved calls and the positions of
  the first few.

Make the calls' method and path constants where they are built, or pass
them through a wrapper whose parameters become the method and path, so
that connectlint can follow them. ` + "`connectlint scopes`" + ` and
-restcalls.report list every unresolved call.`,
		Bad: `// the path comes from a request parameter: any operation may be called
req, _ := http.NewRequest(r.FormValue("method"), base+r.FormValue("path"), nil)`,
		Good: `req, _ := http.NewRequest(http.MethodGet, base+"/rest/api/3/issue/"+key, nil)`,
		Lang: "go",
	}

	ruleInaccessible = &rules.Rule{
		ID:       "inaccessible-endpoint",
		Analyzer: "scopes",
		Title:    "a REST operation the app's model cannot call",
		Severity: rules.Error,
		Since:    since,
		Doc: `Atlassian marks some operations INACCESSIBLE to Connect apps: no scope
grants them, so the call always fails with the app's JWT. Some operations
list no OAuth 2.0 scope either ("Apps can't access this REST resource"):
no OAuth 2.0 app can call them. Use another operation, another kind of app,
or leave the task to the user.

Reported when every operation the call may be is out of reach of every
grant that may authorize the call (see missing-scope for which grants
those are). Calls in _test.go files are not checked.`,
		Bad: `req, _ := http.NewRequest(http.MethodGet, base+"/rest/api/3/applicationrole", nil)`,
		Good: `// Connect apps read what they need from operations their scopes grant,
// e.g. the user's permissions:
req, _ := http.NewRequest(http.MethodGet, base+"/rest/api/3/mypermissions?permissions=BROWSE_PROJECTS", nil)`,
		Lang: "go",
	}

	ruleDeprecated = &rules.Rule{
		ID:       "deprecated-endpoint",
		Analyzer: "scopes",
		Title:    "a deprecated or removed REST operation",
		Severity: rules.Warning,
		Since:    since,
		Doc: `The call matches only operations that Atlassian's current API specification
marks deprecated, or that were in its 2023 specification and are gone from
the current one (deprecated, then removed). The message names the
replacement when the specification does.

Reported for every Go program, with or without a descriptor, except on
the Server / Data Center branch of code that chooses between Cloud and
Server at run time: a call through Jira REST v2 (all Jira Server and Data
Center have) in a function that also calls the operation, or its
successor, through v3 (Cloud only), or a Confluence v1 call in a function that also
calls Confluence's v2 API (Cloud only); and not in a function or method of
a type named for Jira or Confluence Server or Data Center
(jiraServerClient, confluenceServerClient, ...DataCenter..., ...OnPrem...). Calls
in _test.go files are not checked.`,
		Bad:  `req, _ := http.NewRequest(http.MethodGet, base+"/rest/api/3/search?jql="+url.QueryEscape(jql), nil)`,
		Good: `req, _ := http.NewRequest(http.MethodGet, base+"/rest/api/3/search/jql?jql="+url.QueryEscape(jql), nil)`,
		Lang: "go",
	}

	ruleOAuthSite = &rules.Rule{
		ID:       "oauth-site-url",
		Analyzer: "scopes",
		Title:    "an OAuth 2.0 token sent to an Atlassian site URL instead of api.atlassian.com",
		Severity: rules.Error,
		Since:    "v0.2.0",
		Doc: `Atlassian accepts OAuth 2.0 (3LO) access tokens, and scoped API tokens,
only through the API gateway: https://api.atlassian.com/ex/jira/{cloudId}/...
and https://api.atlassian.com/ex/confluence/{cloudId}/... A request that
carries such a token to the site's own URL (https://your-site.atlassian.net)
fails with 401 Unauthorized. The cloud ID comes from
GET https://api.atlassian.com/oauth/token/accessible-resources, which lists
the sites the token may access ("Make calls to the API using the cloudid":
https://developer.atlassian.com/cloud/jira/platform/oauth-2-3lo-apps/).

Reported at a request sent to a literal *.atlassian.net URL with a client
made by golang.org/x/oauth2 (Config.Client, NewClient) or with an
Authorization header built from an OAuth 2.0 token's AccessToken, and at a
client-library setup that pairs OAuth with a site URL: go-atlassian's New
with WithOAuth or an oauth2 client and a site written as
https://x.atlassian.net or taken from an accessible resource's URL (the
site's own address), go-jira's NewClient over an oauth2 client.`,
		Bad: `resources, _ := client.OAuth.GetAccessibleResources(ctx, token.AccessToken)
jc, _ := v3.New(http.DefaultClient, resources[0].URL, v3.WithOAuth(cfg))`,
		Good: `resources, _ := client.OAuth.GetAccessibleResources(ctx, token.AccessToken)
jc, _ := v3.New(http.DefaultClient, "https://api.atlassian.com/ex/jira/"+resources[0].ID, v3.WithOAuth(cfg))`,
		Lang: "go",
	}
)

func init() {
	rules.Register(ruleMissing, ruleExcess, ruleUnresolved, ruleInaccessible, ruleDeprecated, ruleOAuthSite)
	Analyzer.Doc = rules.AnalyzerDoc("scopes", summary)
}
