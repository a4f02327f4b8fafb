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
of connectlint's descriptor schema: the required "key", "baseUrl" and
"authentication"; "key" at most 64 characters of letters, digits, ".", "_"
and "-"; "baseUrl" an absolute URL; "authentication.type" jwt or none; only
installed, uninstalled, enabled and disabled under "lifecycle"; booleans for
"apiMigrations" signed-install, context-qsh and gdpr; "modules" an object
whose values are arrays of module objects (or one module object); webhooks
with an "event" and a "url".

Values holding Go template actions ("{{ .BaseURL }}") are placeholders: they
are never reported as invalid. The schema is in schema/descriptor.schema.json.`,
		Bad: `{
  "key": "issue cleaner",
  "baseUrl": "https://cleaner.example.com",
  "authentication": {"type": "jwt"},
  "lifecycle": {"install": "/installed"},
  "scopes": ["READ", "WRITE",],
}`,
		Good: `{
  "key": "issue-cleaner",
  "baseUrl": "https://cleaner.example.com",
  "authentication": {"type": "jwt"},
  "lifecycle": {"installed": "/installed"},
  "scopes": ["READ", "WRITE"]
}`,
		Lang: "json",
	}

	ruleUnknownScope = &rules.Rule{
		ID:       "unknown-scope",
		Analyzer: "descriptor",
		Title:    "a declared scope is not a Connect scope",
		Severity: rules.Error,
		Since:    since,
		Doc: `The "scopes" array may hold only NONE, READ, WRITE, DELETE, PROJECT_ADMIN,
SPACE_ADMIN, ADMIN, ACT_AS_USER and ACCESS_EMAIL_ADDRESSES, each written all
upper or all lower case. Atlassian rejects a descriptor with any other value,
and OAuth 2.0 scopes such as read:jira-work do not belong here.

Reported once per bad element, with this rule rather than descriptor-invalid,
and with the nearest valid scope when the value looks like a typo.`,
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
reported; one that writes http:// before a placeholder is.`,
		Bad:  `"baseUrl": "http://cleaner.example.com"`,
		Good: `"baseUrl": "https://cleaner.example.com"`,
		Lang: "json",
	}

	ruleAuthNone = &rules.Rule{
		ID:       "auth-none",
		Analyzer: "descriptor",
		Title:    "authentication none while the app receives webhooks, lifecycle hooks or scopes",
		Severity: rules.Error,
		Since:    since,
		Doc: `With "authentication": {"type": "none"} Atlassian neither signs its requests
to the app nor gives the app a shared secret. Webhook and lifecycle
endpoints then cannot tell Atlassian's requests from anyone else's, and the
declared scopes cannot be used, because calling the product's REST API
needs a JWT signed with the shared secret.

Reported at the authentication type when the app declares webhooks,
lifecycle hooks or scopes other than NONE.`,
		Bad: `"authentication": {"type": "none"},
"lifecycle": {"installed": "/installed"},
"scopes": ["READ"]`,
		Good: `"authentication": {"type": "jwt"},
"lifecycle": {"installed": "/installed"},
"scopes": ["READ"]`,
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
		ruleMissingInstalledHook, ruleUnsignedInstall, ruleTemplate, ruleAmbiguous, ruleByteOrderMark)
	Analyzer.Doc = rules.AnalyzerDoc(Analyzer.Name, summary)
}
