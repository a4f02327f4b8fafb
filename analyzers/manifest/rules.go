package manifest

import "github.com/connectlint/connectlint/internal/rules"

const since = "v0.1.0"

// The rules this analyzer reports.
var (
	ruleInvalid = &rules.Rule{
		ID:       "manifest-invalid",
		Analyzer: "manifest",
		Title:    "the Forge manifest is not valid YAML or breaks what connectlint checks of it",
		Severity: rules.Error,
		Since:    since,
		Doc: `Forge refuses to deploy an app whose manifest.yml is not valid YAML or breaks
its schema, and connectlint reads from the manifest the app id, the remotes
and endpoints with the tokens Forge passes to a remote backend, and the
scopes. This rule reports problems in those parts, each at the offending key
or value:

- text that is not YAML, or not one YAML document: syntax errors, tabs used
  for indentation, aliases naming no anchor, a second document after ---,
  nesting deeper than 1000 levels, aliases expanding to more than 100 000
  values (a YAML bomb), a manifest over Forge's 200 KB limit (over 1 MB
  connectlint reads nothing more of it), an empty file, a file that cannot
  be read, a directory;
- a key that appears twice in one mapping (Forge's YAML reader refuses it);
- app.id missing, or not a Forge app id (ari:cloud:ecosystem::app/...);
- app.connect without a key, with an authentication other than jwt, or
  with an unknown key; connectModules without app.connect, or app.connect
  without the remote that holds the Connect app's baseUrl;
- remotes and modules.endpoint entries without a key, with a key longer
  than 23 characters or with characters other than letters, digits, "_" and
  "-" (a trailing space included), declared twice, or naming a remote the
  remotes list does not declare;
- auth.appSystemToken and auth.appUserToken that are not {enabled: true or
  false}, and auth keys that are misspelt token names, with which Forge
  silently sends no token;
- permissions.scopes that is neither a list of names nor a map from names
  to {allowImpersonation: true or false}.

Values written as ${VAR} are filled in from the environment by the Forge
CLI at deploy time: they are never reported. Duplicate scopes and a
placeholder app id such as ari:cloud:ecosystem::app/your-app-id are accepted
by Forge and not reported. Everything else in the manifest (modules other
than endpoints, resources, runtime, egress permissions) is Forge's to check.
The schema is in schema/manifest.schema.json.

connectlint looks for manifest.yml in the package directory and each parent
up to the repository root (the directory holding .git), past the module
root; choose another with -manifest FILE or a manifest: entry in
.connectlint.yaml. A manifest.yml of another tool (Cloud Foundry's
applications:) is not read.`,
		Bad: `app:
  id: ari:cloud:ecosystem::app/8db33809-1f32-48bb-8c52-5877dab48107
modules:
  endpoint:
    - key: glance
      remote: backend
remotes:
  - key: "backend "
    baseUrl: https://backend.example.com`,
		Good: `app:
  id: ari:cloud:ecosystem::app/8db33809-1f32-48bb-8c52-5877dab48107
modules:
  endpoint:
    - key: glance
      remote: backend
remotes:
  - key: backend
    baseUrl: https://backend.example.com`,
		Lang: "yaml",
	}

	ruleDescriptorIgnored = &rules.Rule{
		ID:       "descriptor-scopes-ignored",
		Analyzer: "manifest",
		Title:    "a Connect app on Forge: the scopes of atlassian-connect.json are ignored",
		Severity: rules.Note,
		Since:    since,
		Doc: `Once a Connect app adopts Forge, its manifest.yml has app.connect, and
Atlassian takes the app's scopes from the manifest's permissions.scopes, where
the Connect scopes are written read:connect-jira, write:connect-jira,
space-admin:connect-confluence and so on. The "scopes" of a lingering
atlassian-connect.json no longer grant anything.

Reported once, at app.connect, when the descriptor still declares scopes:
keep the scopes in the manifest, and remove them from the descriptor or the
descriptor itself.`,
		Bad: `# manifest.yml
app:
  id: ari:cloud:ecosystem::app/8db33809-1f32-48bb-8c52-5877dab48107
  connect:
    key: issue-cleaner
# atlassian-connect.json still has "scopes": ["READ", "WRITE"]`,
		Good: `# manifest.yml
app:
  id: ari:cloud:ecosystem::app/8db33809-1f32-48bb-8c52-5877dab48107
  connect:
    key: issue-cleaner
permissions:
  scopes:
    - read:connect-jira
    - write:connect-jira`,
		Lang: "yaml",
	}
)

func init() {
	rules.Register(ruleInvalid, ruleDescriptorIgnored)
	Analyzer.Doc = rules.AnalyzerDoc(Analyzer.Name, summary)
}
