package directives

import (
	"github.com/connectlint/connectlint/internal/rules"
	"github.com/connectlint/connectlint/internal/suppress"
)

const since = "v0.1.0"

// The rules this analyzer reports.
var (
	ruleBadDirective = &rules.Rule{
		ID:       suppress.BadDirective,
		Analyzer: Name,
		Title:    "malformed //connectlint: directive",
		Severity: rules.Error,
		Since:    since,
		Doc: `A //connectlint: directive suppresses findings only when it is well formed:

    //connectlint:ignore RULE[,RULE...] -- REASON
    //connectlint:file-ignore RULE[,RULE...] -- REASON

An ignore directive covers findings on its own line; when it stands alone
on its line, it covers the next line instead. A file-ignore directive covers
the whole file and must come before the package clause. The reason after
" -- " is required: it is shown with -show-suppressed and becomes the
justification of the SARIF suppression, so reviewers see why a finding is
acceptable.

A malformed directive suppresses nothing, so the findings it meant to hide
are reported too. Reported: a missing or empty reason, no rule, an unknown
rule ID, rule IDs separated by spaces instead of commas, an unknown verb,
a space after // (which makes it an ordinary comment), a file-ignore after
the package clause, and directives naming bad-directive or unused-directive
(disable those rules, or add an ignore entry to .connectlint.yaml).`,
		Bad: `//connectlint:ignore basic-auth personal CLI
req.SetBasicAuth(user, token)`,
		Good: `//connectlint:ignore basic-auth -- personal CLI, token from the environment
req.SetBasicAuth(user, token)`,
		Lang: "go",
	}

	ruleUnusedDirective = &rules.Rule{
		ID:       suppress.UnusedDirective,
		Analyzer: Name,
		Title:    "//connectlint: directive that suppresses nothing",
		Severity: rules.Warning,
		Since:    since,
		Doc: `An ignore directive that no longer matches a finding hides nothing today,
but it will silently hide the next finding of that rule on its line, and it
misleads readers about the code. Remove it.

Only rules that ran on the package are judged: a directive naming a rule
that is disabled (by -disable, -enable or the config file) is not reported,
nor are directives in files that were not analysed (such as _test.go files
without -test). Directives naming several rules are reported with the rules
that matched nothing. Under go vet -vettool, which passes no connectlint
flags, rules are enabled and disabled in the config file:

    disable: [excess-scope, authn]   # rule IDs or analyzer names

Descriptor findings are positioned in atlassian-connect.json, which has no
comments, so a directive in Go code never matches them; suppress them with
an ignore entry in .connectlint.yaml at the module root:

    ignore:
      - rule: excess-scope
        path: atlassian-connect.json
        reason: ADMIN is needed by the admin page, which calls no REST API`,
		Bad: `//connectlint:ignore insecure-tls -- test server with a self-signed certificate
client := &http.Client{Timeout: 10 * time.Second}`,
		Good: `client := &http.Client{Timeout: 10 * time.Second}`,
		Lang: "go",
	}
)

func init() {
	rules.Register(ruleBadDirective, ruleUnusedDirective)
}
