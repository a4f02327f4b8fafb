package forge

import (
	"fmt"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/santhosh-tekuri/jsonschema/v6/kind"
	"go.yaml.in/yaml/v3"

	"github.com/connectlint/connectlint/schema"
)

// validate checks the instance against the embedded schema and words each
// violation for a person, at the node it concerns.
func (p *parser) validate(root *yaml.Node, inst any) {
	sch, err := schema.Manifest()
	if err != nil {
		p.problem(Span{}, "internal error: manifest schema does not compile: %v", err)
		return
	}
	verr, ok := sch.Validate(inst).(*jsonschema.ValidationError)
	if !ok {
		return
	}
	var walk func(e *jsonschema.ValidationError)
	walk = func(e *jsonschema.ValidationError) {
		if len(e.Causes) > 0 {
			for _, c := range e.Causes {
				walk(c)
			}
			return
		}
		p.schemaProblem(root, e)
	}
	walk(verr)
}

// located is a node found at a JSON Schema instance location.
type located struct {
	node *yaml.Node // the value, aliases resolved
	at   *yaml.Node // where to report: the value, or the alias naming it
	key  *yaml.Node // the key of a mapping member, nil for a list element
	path string     // "remotes[0].key"
}

// locate finds the node at an instance location.
func locate(root *yaml.Node, loc []string) (located, bool) {
	l := located{node: root, at: root}
	for _, tok := range loc {
		n := l.node
		switch n.Kind {
		case yaml.MappingNode:
			var found bool
			for i := 0; i+1 < len(n.Content); i += 2 {
				if k := resolve(n.Content[i]); k.Kind == yaml.ScalarNode && k.Value == tok {
					l.key, l.at, l.node = n.Content[i], n.Content[i+1], resolve(n.Content[i+1])
					found = true
					break
				}
			}
			if !found {
				return l, false
			}
			l.path = join(l.path, tok)
		case yaml.SequenceNode:
			i, err := strconv.Atoi(tok)
			if err != nil || i < 0 || i >= len(n.Content) {
				return l, false
			}
			l.key, l.at, l.node = nil, n.Content[i], resolve(n.Content[i])
			l.path = fmt.Sprintf("%s[%d]", l.path, i)
		default:
			return l, false
		}
	}
	return l, true
}

// where is the span to report a problem with a value at: the value when it
// is a scalar or an alias, else its key (a block mapping's own position is
// its first key, which misleads).
func (p *parser) where(l located) Span {
	if l.at.Kind == yaml.ScalarNode || l.at.Kind == yaml.AliasNode || l.key == nil {
		return p.span(l.at, false)
	}
	return p.span(l.key, true)
}

func (p *parser) schemaProblem(root *yaml.Node, e *jsonschema.ValidationError) {
	l, ok := locate(root, e.InstanceLocation)
	if !ok {
		return
	}
	if l.node.Kind == yaml.ScalarNode && isPlaceholder(l.node.Value) {
		return // filled in at deploy time: valid but unknown
	}
	report := func(span Span, format string, args ...any) {
		p.problem(span, "%s%s", at(l.path), fmt.Sprintf(format, args...))
	}
	span := p.where(l)
	switch k := e.ErrorKind.(type) {
	case *kind.Required:
		for _, name := range k.Missing {
			report(span, "missing required key %q", name)
		}
	case *kind.AdditionalProperties:
		known := closedKeys[pattern(e.InstanceLocation)]
		for _, name := range k.Properties {
			kspan := span
			if kn := keyNode(l.node, name); kn != nil {
				kspan = p.span(kn, true)
			}
			if known == nil { // the map form of scopes: a scope's options
				report(kspan, "unknown key %q; a scope takes only allowImpersonation%s", name, nearest(name, []string{"allowImpersonation"}))
				continue
			}
			report(kspan, "unknown key %q%s", name, hint(name, known))
		}
	case *kind.Type:
		want := make([]string, len(k.Want))
		for i, w := range k.Want {
			want[i] = article(w)
		}
		report(span, "expected %s, found %s", strings.Join(want, " or "), describe(l.node))
	case *kind.Enum:
		var want []string
		for _, w := range k.Want {
			want = append(want, fmt.Sprint(w))
		}
		report(span, "%s is not allowed; use %s", display(l.node), orList(want))
	case *kind.MaxLength:
		report(span, "%s is %d characters long; Forge allows at most %d", display(l.node), k.Got, k.Want)
	case *kind.MinLength:
		report(span, "must not be empty")
	case *kind.Pattern:
		report(span, "%s %s", display(l.node), patternMeaning(k.Want))
	default:
		report(span, "does not match connectlint's manifest schema (%s)", strings.Join(e.ErrorKind.KeywordPath(), "/"))
	}
}

// closedKeys are the objects whose keys the schema restricts, by instance
// path with list indices as "*", with the keys allowed.
var closedKeys = map[string][]string{
	"app/connect": {"key", "remote", "authentication"},
}

func pattern(loc []string) string {
	out := make([]string, len(loc))
	for i, t := range loc {
		if _, err := strconv.Atoi(t); err == nil {
			t = "*"
		}
		out[i] = t
	}
	return strings.Join(out, "/")
}

func hint(name string, known []string) string {
	if h := nearest(name, known); h != "" {
		return h
	}
	return "; use " + strings.Join(known, ", ")
}

func keyNode(m *yaml.Node, name string) *yaml.Node {
	if m.Kind != yaml.MappingNode {
		return nil
	}
	for i := 0; i+1 < len(m.Content); i += 2 {
		if k := resolve(m.Content[i]); k.Kind == yaml.ScalarNode && k.Value == name {
			return m.Content[i]
		}
	}
	return nil
}

// patternMeaning explains the schema's patterns in words.
func patternMeaning(p string) string {
	switch p {
	case "^[A-Za-z0-9_-]+$":
		return `may contain only letters, digits, "_" and "-"`
	case "^[A-Za-z0-9._-]+$":
		return `may contain only letters, digits, ".", "_" and "-"`
	case `ari:cloud:ecosystem::app/\S+`:
		return "is not a Forge app id (ari:cloud:ecosystem::app/...); forge register writes it"
	}
	return "does not match " + p
}

// display shows a scalar for a message, shortened, with a password in a
// URL redacted.
func display(n *yaml.Node) string {
	if n.Kind != yaml.ScalarNode {
		return describe(n)
	}
	s := n.Value
	if u, err := url.Parse(s); err == nil && u.User != nil {
		s = u.Redacted()
	}
	if len(s) > 60 {
		cut := 57
		for cut > 0 && !utf8.RuneStart(s[cut]) {
			cut--
		}
		s = s[:cut] + "..."
	}
	return strconv.Quote(s)
}

func article(noun string) string {
	switch noun {
	case "array":
		return "a list"
	case "object":
		return "a mapping"
	case "integer":
		return "an integer"
	case "null":
		return "nothing"
	}
	return "a " + noun
}

func orList(words []string) string {
	q := make([]string, len(words))
	for i, w := range words {
		q[i] = strconv.Quote(w)
	}
	slices.Sort(q)
	if len(q) <= 2 {
		return strings.Join(q, " or ")
	}
	return "one of " + strings.Join(q, ", ")
}
