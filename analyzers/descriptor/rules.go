package descriptor

import "github.com/connectlint/connectlint/internal/rules"

const since = "v0.1.0"

// The rules this analyzer reports.
var (
	ruleInvalid = &rules.Rule{
		ID:       "descriptor-invalid",
		Analyzer: "descriptor",
		Title:    "the app descriptor is not valid JSON or breaks the descriptor schema",
		Severity: rules.Error,
		Since:    since,
		Doc: `Atlassian refuses to install an app whose atlassian-connect.json is not valid
JSON or does not match the descriptor schema, and a descriptor that other
tools read differently (a duplicate key) hides mistakes.

Reported, each at the offending key or value: JSON syntax errors (trailing
commas, comments, single quotes, unclosed brackets, invalid UTF-8, nesting
deeper than 1000 levels), duplicate keys (at the second one), a top-level
value that is not an object, a file that cannot be read, and every violation
of connectlint's descriptor schema, which is never stricter than
Atlassian's own unless a later Atlassian document says so: the required
"key", "baseUrl" and "authentication"; "key" at most 64 characters of
letters, digits, ".", "_" and "-"; "baseUrl" an absolute URL; "authentication"
"type" jwt or none; lifecycle URLs without spaces; only signed-install,
context-qsh and gdpr, as booleans, under "apiMigrations"; "modules" an
object whose values are arrays of module objects (or one module object);
module keys at most 100 letters, digits and "-"; webhooks with an "event"
and a "url". Other keys at the top level, in "lifecycle" and in
"authentication" are accepted, as Atlassian accepts and ignores them
(descriptor-ignored-key notes the ones that look misspelt).

Values holding placeholders are valid but unknown, never reported as
invalid: Go template actions ("{{ .BaseURL }}") and ${...} properties
("${addon.base-url}", which atlassian-connect-spring-boot fills in). The
schema is in schema/descriptor.schema.json; docs/corpus.md lists where each
constraint comes from.`,
		Bad: `{
  "key": "issue cleaner",
  "baseUrl": "https://cleaner.example.com",
  "authentication": {"type": "jwt"},
  "apiMigrations": {"signedInstall": true},
  "scopes": ["READ", "WRITE",],
}`,
		Good: `{
  "key": "issue-cleaner",
  "baseUrl": "https://cleaner.example.com",
  "authentication": {"type": "jwt"},
  "apiMigrations": {"signed-install": true},
  "lifecycle": {"installed": "/installed"},
  "scopes": ["READ", "WRITE"]
}`,
		Lang: "json",
	}

	ruleUnknownScope = &rules.Rule{
		ID:       "unknown-scope",
		Analyzer: "descriptor",
		Title:    "a declared scope is not a scope of its model",
		Severity: rules.Error,
		Since:    since,
		Doc: `The "scopes" array may hold only NONE, READ, WRITE, DELETE, PROJECT_ADMIN,
SPACE_ADMIN, ADMIN, ACT_AS_USER and ACCESS_EMAIL_ADDRESSES, each written all
upper or all lower case. Atlassian rejects a descriptor with any other value,
and OAuth 2.0 scopes such as read:jira-work do not belong here.

Reported once per bad element, with this rule rather than descriptor-invalid,
and with the nearest valid scope when the value looks like a typo.

The same rule checks the scopes an OAuth 2.0 grant in the Go code asks for
(an oauth2.Config's Scopes, a scope parameter): a misspelt scope
("read:jira-works"; did you mean read:jira-work?) and a Connect scope
written where an OAuth 2.0 one belongs. And it checks a Forge
manifest.yml's permissions.scopes: a misspelt OAuth 2.0, Forge or
Connect-on-Forge scope, and a Connect scope written as in the descriptor
(READ, which a manifest spells read:connect-jira). A name far from every
scope connectlint knows is left alone: it may belong to a product
connectlint does not cover.`,
		Bad:  `"scopes": ["READ", "Write", "READ_ONLY", "read:jira-work"]`,
		Good: `"scopes": ["READ", "WRITE"]`,
		Lang: "json",
	}

	ruleInsecureBaseURL = &rules.Rule{
		ID:       "insecure-base-url",
		Analyzer: "descriptor",
		Title:    "baseUrl is not https",
		Severity: rules.Error,
		Since:    since,
		Doc: `Atlassian sends the installation's shared secret to the app's lifecycle
hooks and signs every request to the app with it. Over plain HTTP anyone on
the path can read the secret and then act as the app on the customer's site.
Atlassian installs only apps served over HTTPS.

Reported when "baseUrl" has a scheme other than https. http://localhost,
127.0.0.1 and [::1] are reported as a note only, for local development. A
baseUrl whose scheme is a template placeholder ("{{ .BaseURL }}") is not
reported, nor is one inside a ${...} property ("${BASE_URL:http://localhost}");
one that writes http:// before a placeholder is. For an app with
authentication none the message says what is at stake there: Atlassian
installs only https:// apps, and the app's pages would load over plain HTTP.`,
		Bad:  `"baseUrl": "http://cleaner.example.com"`,
		Good: `"baseUrl": "https://cleaner.example.com"`,
		Lang: "json",
	}

	ruleAuthNone = &rules.Rule{
		ID:       "auth-none",
		Analyzer: "descriptor",
		Title:    "authentication none while Atlassian sends the app lifecycle callbacks, webhooks or post-function triggers",
		Severity: rules.Error,
		Since:    since,
		Doc: `With "authentication": {"type": "none"} Atlassian neither signs its requests
to the app nor gives the app a shared secret. An endpoint that Atlassian's
servers call with events the app acts on then cannot tell those calls from
forged ones: anyone can post a fake install, uninstall, webhook event or
workflow transition to it.

Reported at the authentication type when the app declares lifecycle
callbacks (installed, uninstalled, enabled, disabled), webhooks, or
jiraWorkflowPostFunctions (Jira POSTs to their "triggered" URL after each
transition).

Not reported for what the user's browser loads (pages, panels, dialogs,
dashboard items, dynamic macros), for content Confluence fetches (static
macros, macro render modes, blueprint templates), which without a shared
secret can depend only on what the request carries, nor for declared
scopes: a static app calls the product from the browser with AP.request,
which needs no JWT. Such apps are fine with "none". So is a webhook or
post function whose url carries a secret of the app's in its query
("/hook?secret={{ .Secret }}"): the app authenticates those requests
itself.`,
		Bad: `"authentication": {"type": "none"},
"lifecycle": {"installed": "/installed"},
"modules": {"webhooks": [{"event": "jira:issue_created", "url": "/created"}]}`,
		Good: `"authentication": {"type": "jwt"},
"lifecycle": {"installed": "/installed"},
"modules": {"webhooks": [{"event": "jira:issue_created", "url": "/created"}]}`,
		Lang: "json",
	}

	ruleMissingInstalledHook = &rules.Rule{
		ID:       "missing-installed-hook",
		Analyzer: "descriptor",
		Title:    "jwt authentication without a lifecycle installed hook",
		Severity: rules.Error,
		Since:    since,
		Doc: `A JWT app learns each installation's shared secret only from the installed
lifecycle callback. Without "lifecycle": {"installed": ...} it cannot verify
Atlassian's requests or sign its own REST calls.

Reported for "type": "jwt" and for a missing type (jwt is the default).`,
		Bad: `"authentication": {"type": "jwt"},
"lifecycle": {"uninstalled": "/uninstalled"}`,
		Good: `"authentication": {"type": "jwt"},
"lifecycle": {"installed": "/installed", "uninstalled": "/uninstalled"}`,
		Lang: "json",
	}

	ruleUnsignedInstall = &rules.Rule{
		ID:       "unsigned-install",
		Analyzer: "descriptor",
		Title:    "install callbacks are not signed by Atlassian (apiMigrations.signed-install)",
		Severity: rules.Warning,
		Since:    since,
		Doc: `Without "apiMigrations": {"signed-install": true}, a first install's
installed callback is not signed at all and later ones only with the shared
secret of the previous installation, so the app cannot tell a real
installation from a forged one that plants an attacker's secret or removes a
tenant. With signed-install, Atlassian signs the installed and uninstalled
callbacks with its RS256 key, which the app verifies against the public keys
at https://connect-install-keys.atlassian.com.

Reported for JWT apps whose apiMigrations lack "signed-install": true.`,
		Bad:  `"apiMigrations": {"context-qsh": true, "gdpr": true}`,
		Good: `"apiMigrations": {"signed-install": true, "context-qsh": true, "gdpr": true}`,
		Lang: "json",
	}

	ruleTemplate = &rules.Rule{
		ID:       "descriptor-template",
		Analyzer: "descriptor",
		Title:    "a Go template action outside a string: the descriptor cannot be checked statically",
		Severity: rules.Note,
		Since:    since,
		Doc: `Descriptors rendered with text/template often hold placeholders. Inside a
string ("baseUrl": "{{ .BaseURL }}") connectlint treats them as valid but
unknown values. An action where JSON expects a value or key
("scopes": {{ .Scopes }}) makes the file JSON only after rendering, so
connectlint reports this one note, checks nothing else in the file, and the
scope checks stay silent.

To check such an app, render the descriptor and pass the result with
-descriptor rendered.json, or write the values inside strings.`,
		Bad:  `"scopes": {{ .Scopes | toJSON }}`,
		Good: `"scopes": ["READ", "{{ .ExtraScope }}"]`,
		Lang: "json",
	}

	ruleAmbiguous = &rules.Rule{
		ID:       "descriptor-ambiguous",
		Analyzer: "descriptor",
		Title:    "several app descriptors are equally near: none is used",
		Severity: rules.Note,
		Since:    since,
		Doc: `connectlint looks for atlassian-connect.json first among the files a
package embeds with //go:embed, then in the package directory and its parent
directories up to the module root, each with its conventional sub-folders
(static/, assets/, templates/, web/, public/ and folders nested in them).
When one step finds several files at the same depth, connectlint does not
guess: it reports this note and checks the package without a descriptor.

Choose one with -descriptor FILE, or embed it with //go:embed in the main
package (which also lets go vet see edits to it).`,
		Bad: `static/atlassian-connect.json
web/atlassian-connect.json`,
		Good: `//go:embed static/atlassian-connect.json
var descriptor []byte`,
		Lang: "go",
	}

	ruleIgnoredKey = &rules.Rule{
		ID:       "descriptor-ignored-key",
		Analyzer: "descriptor",
		Title:    "a descriptor key that Atlassian ignores looks like a misspelt one it knows",
		Severity: rules.Note,
		Since:    since,
		Doc: `Atlassian's descriptor schema leaves the top level, "lifecycle" and
"authentication" open: a key it does not know there is accepted and
ignored. A misspelt key is therefore silent: "install" instead of
"installed" means no install callback, "scope" instead of "scopes" means no
scopes.

Reported, as a note, for an unknown key in those three objects that differs
from a known one only in case or by a few letters (at most a quarter of the
known key's length), when the known key is not there too. Other unknown keys
("version", "debug") are left alone.`,
		Bad:  `"lifecycle": {"install": "/installed", "uninstalled": "/uninstalled"}`,
		Good: `"lifecycle": {"installed": "/installed", "uninstalled": "/uninstalled"}`,
		Lang: "json",
	}

	ruleByteOrderMark = &rules.Rule{
		ID:       "descriptor-byte-order-mark",
		Analyzer: "descriptor",
		Title:    "the app descriptor starts with a UTF-8 byte order mark",
		Severity: rules.Note,
		Since:    since,
		Doc: `RFC 8259 forbids a byte order mark at the start of JSON text. connectlint
and Atlassian accept it, but many JSON tools (Go's encoding/json among them)
reject the file, so an app that parses or templates its own descriptor may
fail. Save the file as UTF-8 without a BOM.`,
		Bad:  "\ufeff{\"key\": \"issue-cleaner\"}",
		Good: `{"key": "issue-cleaner"}`,
		Lang: "json",
	}
)

func init() {
	rules.Register(ruleInvalid, ruleUnknownScope, ruleInsecureBaseURL, ruleAuthNone,
		ruleMissingInstalledHook, ruleUnsignedInstall, ruleTemplate, ruleAmbiguous, ruleByteOrderMark, ruleIgnoredKey)
	Analyzer.Doc = rules.AnalyzerDoc(Analyzer.Name, summary)
}
