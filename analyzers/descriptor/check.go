package descriptor

import (
	"cmp"
	"fmt"
	"net"
	"net/url"
	"slices"
	"strings"

	"github.com/connectlint/connectlint/internal/connect"
	"github.com/connectlint/connectlint/internal/jsonpos"
	"github.com/connectlint/connectlint/internal/rules"
)

// A finding is one descriptor problem, before it becomes a diagnostic.
type finding struct {
	rule     *rules.Rule
	severity rules.Severity // the rule's default unless weakened
	span     connect.Span
	msg      string
}

// check turns the loader's problems into findings and applies the rules
// that need the whole descriptor. d is nil when the file could not be
// parsed; then only probs are reported.
func check(d *connect.Descriptor, probs []connect.Problem) []finding {
	var out []finding
	add := func(r *rules.Rule, span connect.Span, format string, args ...any) {
		out = append(out, finding{rule: r, severity: r.Severity, span: span, msg: fmt.Sprintf(format, args...)})
	}
	for _, p := range probs {
		switch p.Kind {
		case connect.UnknownScope:
			add(ruleUnknownScope, p.Span, "%s", p.Msg)
		case connect.TemplateAction:
			add(ruleTemplate, p.Span, "%s: the descriptor cannot be checked statically; "+
				"render it and pass the result with -descriptor, or keep template actions inside strings", p.Msg)
		case connect.ByteOrderMark:
			add(ruleByteOrderMark, p.Span, "%s: many JSON parsers reject it; save the file without one", p.Msg)
		case connect.IgnoredKey:
			add(ruleIgnoredKey, p.Span, "%s", p.Msg)
		default:
			add(ruleInvalid, p.Span, "%s", p.Msg)
		}
	}
	if d == nil {
		return out
	}

	authType := authenticationType(d)
	if f, ok := checkBaseURL(d.BaseURL, authType); ok {
		out = append(out, f)
	}

	switch authType {
	case "none":
		if receivers := receivers(d); len(receivers) > 0 {
			add(ruleAuthNone, d.AuthenticationType.Span,
				`authentication type "none", but Atlassian sends the app %s: unsigned, so the app cannot tell Atlassian's requests from anyone else's; use "jwt" and verify them`,
				andList(receivers))
		}
	case "jwt":
		if d.Root.Get("lifecycle").Get("installed") == nil {
			add(ruleMissingInstalledHook, missingHookSpan(d),
				`jwt authentication without a "lifecycle"."installed" hook: the app never receives the shared secret it needs to verify Atlassian's requests and sign its own`)
		}
		if f, ok := checkSignedInstall(d); ok {
			out = append(out, f)
		}
	}
	slices.SortStableFunc(out, func(a, b finding) int { return cmp.Compare(a.span.Offset, b.span.Offset) })
	return out
}

// andList joins words as "a, b and c".
func andList(words []string) string {
	if len(words) <= 1 {
		return strings.Join(words, "")
	}
	return strings.Join(words[:len(words)-1], ", ") + " and " + words[len(words)-1]
}

// authenticationType returns "jwt" or "none" when the descriptor clearly
// says so (jwt is the default for an authentication object without a
// type), else "".
func authenticationType(d *connect.Descriptor) string {
	auth := d.Root.Get("authentication")
	if auth == nil || auth.Kind != jsonpos.Object {
		return ""
	}
	t := auth.Get("type")
	if t == nil {
		return "jwt"
	}
	if t.Kind != jsonpos.String || t.Template {
		return ""
	}
	switch s := strings.ToLower(t.Str); s {
	case "jwt", "none":
		return s
	}
	return ""
}

// checkBaseURL reports a baseUrl whose scheme is not https. authType is
// the app's authentication type ("jwt", "none" or "" when unclear).
func checkBaseURL(s connect.String, authType string) (finding, bool) {
	if s.Value == "" {
		return finding{}, false // absent: the schema says so
	}
	scheme, rest, ok := strings.Cut(s.Value, "://")
	if !ok || strings.EqualFold(scheme, "https") || strings.Contains(scheme, "{{") || strings.Contains(scheme, "${") {
		return finding{}, false // not absolute (the schema reports it), or the scheme is a placeholder
	}
	f := finding{rule: ruleInsecureBaseURL, severity: ruleInsecureBaseURL.Severity, span: s.Span}
	shown := s.Value
	if u, err := url.Parse(s.Value); err == nil && u.User != nil {
		shown = u.Redacted() // never print a password found in the file
	}
	if !strings.EqualFold(scheme, "http") {
		f.msg = fmt.Sprintf(`baseUrl %q uses %s://; Atlassian talks to apps only over https://`, shown, scheme)
		return f, true
	}
	if isLoopback(rest) {
		f.severity = rules.Note
		f.msg = fmt.Sprintf(`baseUrl %q is not https: fine for local development, but Atlassian installs only https:// apps`, shown)
		return f, true
	}
	if authType == "none" {
		f.msg = fmt.Sprintf(`baseUrl %q is not https: Atlassian installs only https:// apps, and the app's pages would load into the product over plain HTTP`, shown)
		return f, true
	}
	f.msg = fmt.Sprintf(`baseUrl %q is not https: the shared secret and the signed requests Atlassian sends to the app would travel in clear text`, shown)
	return f, true
}

// isLoopback reports whether the authority part of a URL (after "://")
// names this machine.
func isLoopback(rest string) bool {
	host := rest
	if i := strings.IndexAny(host, "/?#"); i >= 0 {
		host = host[:i]
	}
	if i := strings.LastIndexByte(host, '@'); i >= 0 {
		host = host[i+1:]
	}
	if u, err := url.Parse("http://" + host); err == nil {
		host = u.Hostname()
	}
	if strings.EqualFold(host, "localhost") || strings.HasSuffix(strings.ToLower(host), ".localhost") {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// receiverModules are the module types through which Atlassian's servers
// send the app events that it acts on, in the words a message uses.
//
// Webhooks: the product POSTs each event to the webhook's url
// (https://developer.atlassian.com/cloud/jira/platform/modules/webhook/).
// Workflow post functions: Jira POSTs to the "triggered" url after each
// transition (https://developer.atlassian.com/cloud/jira/platform/modules/workflow-post-function/).
//
// Left out on purpose: pages, panels, dialogs, dynamic macros and every
// other module that loads an app URL in an iframe (the user's browser
// loads those, not Atlassian), and the content Confluence fetches for
// static content macros, macro render modes and blueprints (a response
// to whoever asks, which without a shared secret can depend only on what
// the request itself carries). Declared scopes are no reason either: a
// static app calls the product from the browser with AP.request, which
// needs no JWT.
var receiverModules = []struct{ moduleType, words string }{
	{"webhooks", "webhooks"},
	{"jiraWorkflowPostFunctions", "workflow post-function triggers"},
}

// urlSecret reports whether a module's URL carries a secret of the app's in
// its query (".../comment_created?secret={{ .SharedSecret }}"): the app
// authenticates those requests itself, as an app with authentication none
// must.
func urlSecret(raw string) bool {
	_, query, ok := strings.Cut(raw, "?")
	if !ok {
		return false
	}
	for _, kv := range strings.Split(query, "&") {
		name, value, _ := strings.Cut(kv, "=")
		switch strings.ToLower(name) {
		case "secret", "token", "key", "sig", "signature", "auth":
			if value != "" {
				return true
			}
		}
	}
	return false
}

// receivers lists what Atlassian sends to the server of an app: lifecycle
// callbacks and the events of receiverModules.
func receivers(d *connect.Descriptor) []string {
	var out []string
	if len(d.Lifecycle) > 0 {
		out = append(out, "lifecycle callbacks")
	}
	for _, r := range receiverModules {
		if slices.ContainsFunc(d.Modules, func(m connect.Module) bool { return m.Type == r.moduleType && !urlSecret(m.URL.Value) }) {
			out = append(out, r.words)
		}
	}
	return out
}

// missingHookSpan is where a missing installed hook is reported: the
// "lifecycle" key when there is one, else the authentication type or key.
func missingHookSpan(d *connect.Descriptor) connect.Span {
	if m := d.Root.Member("lifecycle"); m != nil {
		return m.KeySpan
	}
	if d.AuthenticationType.Span != (connect.Span{}) {
		return d.AuthenticationType.Span
	}
	return d.Root.Member("authentication").KeySpan
}

// checkSignedInstall reports a JWT app that has not opted in to
// Atlassian-signed install callbacks.
func checkSignedInstall(d *connect.Descriptor) (finding, bool) {
	f := finding{rule: ruleUnsignedInstall, severity: ruleUnsignedInstall.Severity}
	am := d.Root.Member("apiMigrations")
	var si *jsonpos.Member
	if am != nil {
		si = am.Value.Member("signed-install")
	}
	switch {
	case si != nil && si.Value.Kind == jsonpos.Bool && si.Value.Bool:
		return f, false
	case si != nil && si.Value.Kind == jsonpos.Bool:
		f.span = si.Value.Span
		f.msg = `"apiMigrations"."signed-install" is false: install callbacks are not signed by Atlassian, so a forged install can plant its own shared secret`
	case si != nil:
		return f, false // not a boolean: the schema reports it
	case am != nil:
		f.span = am.KeySpan
		f.msg = `"apiMigrations" lacks "signed-install": true: install callbacks are not signed by Atlassian, so a forged install can plant its own shared secret`
	default:
		f.span = d.Root.Member("authentication").KeySpan
		f.msg = `no "apiMigrations": {"signed-install": true}: install callbacks are not signed by Atlassian, so a forged install can plant its own shared secret`
	}
	return f, true
}
