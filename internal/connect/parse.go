package connect

import (
	"cmp"
	"fmt"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/santhosh-tekuri/jsonschema/v6/kind"

	"github.com/connectlint/connectlint/internal/jsonpos"
	"github.com/connectlint/connectlint/internal/textutil"
	"github.com/connectlint/connectlint/schema"
)

// ProblemKind says which rule a descriptor Problem belongs to.
type ProblemKind uint8

const (
	// Invalid: not JSON, not an object, a duplicate key, or a schema
	// violation (rule descriptor-invalid).
	Invalid ProblemKind = iota
	// UnknownScope: a "scopes" element that is not a Connect scope
	// (rule unknown-scope). The schema's own complaint about it is dropped.
	UnknownScope
	// TemplateAction: a Go template action outside a string; the file
	// cannot be checked statically and Parse returns no Descriptor.
	TemplateAction
	// ByteOrderMark: the file starts with a UTF-8 byte order mark.
	ByteOrderMark
	// IgnoredKey: a key that Atlassian ignores and that looks like a
	// misspelling of one it knows (rule descriptor-ignored-key).
	IgnoredKey
)

// Problem is something wrong with a descriptor, at a byte span.
type Problem struct {
	Kind ProblemKind
	Span Span
	Msg  string
}

// Parse parses and validates descriptor data. It returns the typed
// descriptor (nil when the data is not a JSON object or cannot be checked
// statically) and the problems found, ordered by position.
//
// Parse is a pure function of data: it never panics and needs no files.
func Parse(data []byte) (*Descriptor, []Problem) {
	root, errs := jsonpos.Parse(data)
	var probs []Problem
	for _, e := range errs {
		k := Invalid
		switch e.Kind {
		case jsonpos.TemplateAction:
			k = TemplateAction
		case jsonpos.ByteOrderMark:
			k = ByteOrderMark
		}
		probs = append(probs, Problem{Kind: k, Span: e.Span, Msg: e.Msg})
	}
	if root == nil {
		return nil, probs
	}
	if root.Kind != jsonpos.Object {
		probs = append(probs, Problem{Kind: Invalid, Span: Span{Offset: root.Span.Offset, End: root.Span.Offset + 1},
			Msg: fmt.Sprintf("a descriptor is a JSON object, not %s", article(root.Kind.String()))})
		return nil, probs
	}
	d := build(root)
	probs = append(probs, scopeProblems(d)...)
	probs = append(probs, ignoredKeys(root)...)
	probs = append(probs, validate(root)...)
	slices.SortStableFunc(probs, func(a, b Problem) int { return cmp.Compare(a.Span.Offset, b.Span.Offset) })
	return d, probs
}

// LifecycleHooks are the lifecycle callbacks Atlassian knows. It ignores
// other keys under "lifecycle".
var LifecycleHooks = []string{"installed", "uninstalled", "enabled", "disabled"}

// build fills the typed view from the JSON tree, ignoring values of the
// wrong type (the schema reports those).
func build(root *jsonpos.Value) *Descriptor {
	d := &Descriptor{Root: root}
	d.Key = str(root.Get("key"))
	d.BaseURL = str(root.Get("baseUrl"))
	d.AuthenticationType = str(root.Get("authentication").Get("type"))

	if sc := root.Get("scopes"); sc != nil && sc.Kind == jsonpos.Array {
		d.ScopesSpan = sc.Span
		for _, e := range sc.Elems {
			if e.Kind != jsonpos.String {
				continue
			}
			s, _ := ParseScope(e.Str)
			if !s.Declarable() {
				s = ScopeUnknown
			}
			d.Scopes = append(d.Scopes, ScopeEntry{Raw: e.Str, Scope: s, Span: e.Span, Template: placeholder(e)})
		}
	}

	if lc := root.Get("lifecycle"); lc != nil && lc.Kind == jsonpos.Object {
		d.Lifecycle = map[string]String{}
		for _, m := range lc.Members {
			if m.Value.Kind == jsonpos.String && slices.Contains(LifecycleHooks, m.Key) {
				d.Lifecycle[m.Key] = str(m.Value)
			}
		}
	}

	if am := root.Get("apiMigrations"); am != nil && am.Kind == jsonpos.Object {
		d.APIMigrations = map[string]bool{}
		for _, m := range am.Members {
			if m.Value.Kind == jsonpos.Bool {
				d.APIMigrations[m.Key] = m.Value.Bool
			}
		}
	}

	if mods := root.Get("modules"); mods != nil && mods.Kind == jsonpos.Object {
		for _, m := range mods.Members {
			switch m.Value.Kind {
			case jsonpos.Object:
				d.Modules = append(d.Modules, module(m.Key, 0, m.Value))
			case jsonpos.Array:
				for i, e := range m.Value.Elems {
					if e.Kind == jsonpos.Object {
						d.Modules = append(d.Modules, module(m.Key, i, e))
					}
				}
			}
		}
	}

	d.Templated = hasTemplate(root)
	return d
}

func module(typ string, index int, v *jsonpos.Value) Module {
	return Module{
		Type:  typ,
		Index: index,
		Key:   str(v.Get("key")).Value,
		Event: str(v.Get("event")).Value,
		URL:   str(v.Get("url")),
		Span:  v.Span,
	}
}

func str(v *jsonpos.Value) String {
	if v == nil || v.Kind != jsonpos.String {
		return String{}
	}
	return String{Value: v.Str, Template: placeholder(v), Span: v.Span}
}

// placeholder reports whether v is a string whose real value is filled in
// at build or deploy time: it holds a Go template action ("{{ .BaseURL }}",
// marked by the JSON parser) or a ${...} placeholder, which
// atlassian-connect-spring-boot fills from the application's properties
// ("${addon.base-url}") and build tools and shells fill from variables.
func placeholder(v *jsonpos.Value) bool {
	if v == nil || v.Kind != jsonpos.String {
		return false
	}
	return v.Template || hasDollarPlaceholder(v.Str)
}

// hasDollarPlaceholder reports whether s holds "${", a name, and "}".
func hasDollarPlaceholder(s string) bool {
	for {
		i := strings.Index(s, "${")
		if i < 0 {
			return false
		}
		s = s[i+2:]
		if j := strings.IndexByte(s, '}'); j > 0 {
			return true
		}
	}
}

// IsPlaceholder reports whether s holds a placeholder as placeholder
// understands it: a Go template action or ${...}.
func IsPlaceholder(s string) bool {
	return strings.Contains(s, "{{") || hasDollarPlaceholder(s)
}

func hasTemplate(root *jsonpos.Value) bool {
	stack := []*jsonpos.Value{root}
	for len(stack) > 0 {
		v := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if placeholder(v) {
			return true
		}
		stack = append(stack, v.Elems...)
		for _, m := range v.Members {
			stack = append(stack, m.Value)
		}
	}
	return false
}

// declarable lists the scopes a descriptor may declare, in the order
// messages suggest them.
var declarable = []Scope{Read, Write, Delete, ProjectAdmin, SpaceAdmin, Admin, ActAsUser, AccessEmailAddresses, None}

func scopeProblems(d *Descriptor) []Problem {
	var probs []Problem
	sc := d.Root.Get("scopes")
	if sc == nil || sc.Kind != jsonpos.Array {
		return nil
	}
	for i, e := range sc.Elems {
		if e.Kind != jsonpos.String || placeholder(e) {
			continue
		}
		if s, ok := ParseScope(e.Str); ok && s.Declarable() {
			continue
		}
		where := fmt.Sprintf(`"scopes"[%d]: %q is not a Connect scope`, i, e.Str)
		var msg string
		if s, ok := ParseScope(e.Str); ok && s == Inaccessible {
			msg = where + ": INACCESSIBLE marks operations no Connect app may call; it cannot be declared"
		} else if s, ok := ParseScope(strings.ToUpper(e.Str)); ok && s.Declarable() {
			msg = fmt.Sprintf(`%s: write it all upper or all lower case, %q or %q`, where, s.String(), strings.ToLower(s.String()))
		} else if near := nearest(e.Str, declarableNames(), true); len(near) == 1 {
			msg = fmt.Sprintf("%s; did you mean %s?", where, near[0])
		} else {
			msg = fmt.Sprintf("%s; use one of %s", where, strings.Join(declarableNames(), ", "))
		}
		probs = append(probs, Problem{Kind: UnknownScope, Span: e.Span, Msg: msg})
	}
	return probs
}

func declarableNames() []string {
	out := make([]string, len(declarable))
	for i, s := range declarable {
		out[i] = s.String()
	}
	return out
}

// validate checks root against the embedded JSON Schema and words each
// violation for a person, at the position of the offending value.
func validate(root *jsonpos.Value) []Problem {
	sch, err := schema.Descriptor()
	if err != nil {
		return []Problem{{Kind: Invalid, Span: Span{Offset: root.Span.Offset, End: root.Span.Offset + 1},
			Msg: "internal error: descriptor schema does not compile: " + err.Error()}}
	}
	err = sch.Validate(root.Interface())
	verr, ok := err.(*jsonschema.ValidationError)
	if !ok {
		if err != nil {
			return []Problem{{Kind: Invalid, Span: root.Span, Msg: "schema validation failed: " + err.Error()}}
		}
		return nil
	}
	var probs []Problem
	seen := map[string]bool{}
	var walk func(e *jsonschema.ValidationError)
	walk = func(e *jsonschema.ValidationError) {
		if len(e.Causes) > 0 {
			for _, c := range e.Causes {
				walk(c)
			}
			return
		}
		for _, p := range schemaProblems(root, e) {
			if k := fmt.Sprint(p.Span, p.Msg); !seen[k] {
				seen[k] = true
				probs = append(probs, p)
			}
		}
	}
	walk(verr)
	return probs
}

// schemaProblems turns one leaf validation error into problems.
func schemaProblems(root *jsonpos.Value, e *jsonschema.ValidationError) []Problem {
	v, path := locate(root, e.InstanceLocation)
	if v == nil || placeholder(v) {
		return nil // placeholders are valid but unknown
	}
	at := func(span Span, format string, args ...any) Problem {
		msg := fmt.Sprintf(format, args...)
		if path != "" {
			msg = path + ": " + msg
		}
		return Problem{Kind: Invalid, Span: span, Msg: msg}
	}
	loc := strings.Join(e.InstanceLocation, "/")
	switch k := e.ErrorKind.(type) {
	case *kind.Required:
		var out []Problem
		for _, name := range k.Missing {
			out = append(out, at(Span{Offset: v.Span.Offset, End: v.Span.Offset + 1}, "missing required key %q", name))
		}
		return out
	case *kind.AdditionalProperties:
		var out []Problem
		known := closedObjects[schemaPath(e.InstanceLocation)]
		for _, name := range k.Properties {
			if strings.Contains(name, "{{") {
				continue // a templated key is a placeholder too
			}
			span := v.Span
			if m := v.Member(name); m != nil {
				span = m.KeySpan
			}
			msg := fmt.Sprintf("unknown key %q", name)
			if near := nearest(name, known, false); len(near) == 1 {
				msg += fmt.Sprintf("; did you mean %q?", near[0])
			} else if len(known) > 0 {
				msg += "; use one of " + quoteAll(known)
			}
			out = append(out, at(span, "%s", msg))
		}
		return out
	case *kind.Type:
		want := make([]string, len(k.Want))
		for i, w := range k.Want {
			want[i] = article(w)
		}
		return []Problem{at(v.Span, "expected %s, found %s", strings.Join(want, " or "), article(k.Got))}
	case *kind.Enum:
		if len(e.InstanceLocation) == 2 && e.InstanceLocation[0] == "scopes" {
			if v.Kind == jsonpos.String {
				return nil // reported as unknown-scope
			}
			return []Problem{at(v.Span, "expected a scope name (a string), found %s", article(v.Kind.String()))}
		}
		var want []string
		for _, w := range k.Want {
			s := fmt.Sprint(w)
			if !slices.Contains(want, strings.ToLower(s)) {
				want = append(want, strings.ToLower(s))
			}
		}
		noun := "allowed"
		if loc == "authentication/type" {
			noun = "an authentication type"
		}
		return []Problem{at(v.Span, "%s is not %s; use %s", display(v), noun, orList(want))}
	case *kind.MaxLength:
		return []Problem{at(v.Span, "%s is %d characters long; at most %d are allowed", display(v), k.Got, k.Want)}
	case *kind.MinLength:
		return []Problem{at(v.Span, "must not be empty")}
	case *kind.Pattern:
		return []Problem{at(v.Span, "%s %s", display(v), patternMeaning(k.Want))}
	case *kind.Minimum:
		return []Problem{at(v.Span, "%s is less than %s", display(v), k.Want.RatString())}
	}
	return []Problem{at(v.Span, "does not match the descriptor schema (%s)", strings.Join(e.ErrorKind.KeywordPath(), "/"))}
}

// knownKeys are the keys Atlassian reads in the objects whose other keys
// it ignores: the descriptor itself, "lifecycle" and "authentication"
// (Atlassian's descriptor schema leaves all three open).
var knownKeys = []struct {
	path string // "" for the top level
	keys []string
}{
	{"", []string{"key", "name", "description", "vendor", "baseUrl", "authentication", "lifecycle",
		"apiMigrations", "scopes", "modules", "apiVersion", "enableLicensing", "links", "translations",
		"regionBaseUrls", "cloudAppMigration", "lastUpdated", "installedDate"}},
	{"lifecycle", LifecycleHooks},
	{"authentication", []string{"type", "publicKey"}},
}

// ignoredKeys reports the keys of knownKeys' objects that Atlassian does
// not know and that are a likely misspelling of one it does ("install",
// "Scopes"). Other unknown keys are left alone: Atlassian ignores them,
// and new fields must not produce false alarms.
func ignoredKeys(root *jsonpos.Value) []Problem {
	var probs []Problem
	for _, k := range knownKeys {
		obj := root
		if k.path != "" {
			obj = root.Get(k.path)
		}
		if obj == nil || obj.Kind != jsonpos.Object {
			continue
		}
		for _, m := range obj.Members {
			if slices.Contains(k.keys, m.Key) || IsPlaceholder(m.Key) {
				continue
			}
			near := misspelt(m.Key, k.keys)
			if len(near) != 1 || obj.Member(near[0]) != nil {
				continue // not a likely typo, or the right key is there too
			}
			where := fmt.Sprintf("%q", m.Key)
			if k.path != "" {
				where = fmt.Sprintf("%q: %s", k.path, where)
			}
			probs = append(probs, Problem{Kind: IgnoredKey, Span: m.KeySpan,
				Msg: fmt.Sprintf("%s is not a key Atlassian knows, so it is ignored; did you mean %q?", where, near[0])})
		}
	}
	return probs
}

// misspelt returns the keys that s is a likely misspelling of: equal but
// for case, or within an edit distance of a quarter of the key's length
// ("install" for "installed", but not "version" for "apiVersion").
func misspelt(s string, keys []string) []string {
	var out []string
	for _, k := range keys {
		if textutil.EditDistance(strings.ToLower(s), strings.ToLower(k)) <= max(1, len(k)/4) {
			out = append(out, k)
		}
	}
	return out
}

// closedObjects are the objects whose keys the schema restricts, by
// instance path, with the keys allowed.
var closedObjects = map[string][]string{
	"apiMigrations": {"signed-install", "context-qsh", "gdpr"},
}

func schemaPath(loc []string) string { return strings.Join(loc, "/") }

// patternMeaning explains the schema's patterns in words.
func patternMeaning(pattern string) string {
	switch pattern {
	case "^[A-Za-z0-9._-]+$":
		return `may contain only letters, digits, ".", "_" and "-"`
	case "^[a-zA-Z0-9-]+$":
		return `may contain only letters, digits and "-"`
	case "^[^\\s]*$":
		return "must not contain spaces"
	case "^[A-Za-z][A-Za-z0-9+.-]*://[^/?#\\s]+[^\\s]*$":
		return "is not an absolute URL such as https://app.example.com"
	}
	return "does not match " + pattern
}

// locate finds the value at a JSON Schema instance location and formats
// the location for a message: "modules"."webhooks"[0]."url".
func locate(root *jsonpos.Value, loc []string) (*jsonpos.Value, string) {
	v := root
	var b strings.Builder
	for _, tok := range loc {
		switch v.Kind {
		case jsonpos.Object:
			if b.Len() > 0 {
				b.WriteByte('.')
			}
			b.WriteString(strconv.Quote(tok))
			v = v.Get(tok)
		case jsonpos.Array:
			i, err := strconv.Atoi(tok)
			if err != nil || i < 0 || i >= len(v.Elems) {
				return nil, ""
			}
			fmt.Fprintf(&b, "[%d]", i)
			v = v.Elems[i]
		default:
			return nil, ""
		}
		if v == nil {
			return nil, ""
		}
	}
	return v, b.String()
}

// display shows a scalar value for a message, shortened.
func display(v *jsonpos.Value) string {
	switch v.Kind {
	case jsonpos.String:
		s := v.Str
		if u, err := url.Parse(s); err == nil && u.User != nil {
			s = u.Redacted() // never print a password found in the file
		}
		if len(s) > 60 {
			cut := 57
			for cut > 0 && !utf8.RuneStart(s[cut]) {
				cut--
			}
			s = s[:cut] + "..."
		}
		return strconv.Quote(s)
	case jsonpos.Number:
		return v.Str
	case jsonpos.Bool:
		return strconv.FormatBool(v.Bool)
	}
	return v.Kind.String()
}

func article(noun string) string {
	switch noun {
	case "array", "object", "integer":
		return "an " + noun
	case "null":
		return noun
	}
	return "a " + noun
}

func orList(words []string) string {
	q := make([]string, len(words))
	for i, w := range words {
		q[i] = strconv.Quote(w)
	}
	if len(q) <= 2 {
		return strings.Join(q, " or ")
	}
	return "one of " + strings.Join(q, ", ")
}

func quoteAll(words []string) string {
	q := make([]string, len(words))
	for i, w := range words {
		q[i] = strconv.Quote(w)
	}
	return strings.Join(q, ", ")
}

// nearest returns the candidates closest to s by edit distance, if they
// are close enough to be a likely typo. foldCase compares case-blind.
func nearest(s string, candidates []string, foldCase bool) []string {
	norm := func(x string) string {
		if foldCase {
			x = strings.ToUpper(x)
		}
		return x
	}
	best, out := -1, []string(nil)
	for _, c := range candidates {
		d := textutil.EditDistance(norm(s), norm(c))
		if d > max(2, len(c)/3) {
			continue
		}
		switch {
		case best < 0 || d < best:
			best, out = d, []string{c}
		case d == best:
			out = append(out, c)
		}
	}
	return out
}
