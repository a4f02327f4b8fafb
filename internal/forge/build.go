package forge

import (
	"fmt"
	"slices"
	"strings"

	"go.yaml.in/yaml/v3"
)

// get returns the value of key in mapping n (aliases resolved), or nil.
func get(n *yaml.Node, key string) *yaml.Node {
	n = resolve(n)
	if n == nil || n.Kind != yaml.MappingNode {
		return nil
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		if k := resolve(n.Content[i]); k.Kind == yaml.ScalarNode && k.Value == key {
			return resolve(n.Content[i+1])
		}
	}
	return nil
}

// member returns the key node and raw value node of key in mapping n.
func member(n *yaml.Node, key string) (k, v *yaml.Node) {
	n = resolve(n)
	if n == nil || n.Kind != yaml.MappingNode {
		return nil, nil
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		if kk := resolve(n.Content[i]); kk.Kind == yaml.ScalarNode && kk.Value == key {
			return n.Content[i], n.Content[i+1]
		}
	}
	return nil, nil
}

// str reads a scalar string value; other kinds give the zero String.
func (p *parser) str(n *yaml.Node) String {
	at := n
	n = resolve(n)
	if n == nil || n.Kind != yaml.ScalarNode || n.ShortTag() == "!!null" {
		return String{}
	}
	return String{Value: n.Value, Placeholder: isPlaceholder(n.Value), Span: p.span(at, false)}
}

// flag reads auth.<token>.enabled.
func (p *parser) flag(auth *yaml.Node, token string) Flag {
	_, v := member(get(auth, token), "enabled")
	if rv := resolve(v); rv != nil && rv.Kind == yaml.ScalarNode && rv.ShortTag() == "!!bool" {
		var b bool
		if rv.Decode(&b) == nil {
			return Flag{Enabled: b, Span: p.span(v, false)}
		}
	}
	return Flag{}
}

func (p *parser) auth(n *yaml.Node) Auth {
	a := get(n, "auth")
	return Auth{System: p.flag(a, "appSystemToken"), User: p.flag(a, "appUserToken")}
}

// list returns the elements of a list value (aliases resolved), or nil.
func list(n *yaml.Node) []*yaml.Node {
	n = resolve(n)
	if n == nil || n.Kind != yaml.SequenceNode {
		return nil
	}
	out := make([]*yaml.Node, len(n.Content))
	for i, c := range n.Content {
		out[i] = resolve(c)
	}
	return out
}

// build fills the typed view, ignoring values of the wrong type (the
// schema reports those).
func (p *parser) build(m *Manifest, root *yaml.Node) {
	app := get(root, "app")
	m.AppID = p.str(get(app, "id"))
	if k, v := member(app, "connect"); k != nil && resolve(v).Kind == yaml.MappingNode {
		m.Connect = &Connect{
			Key:            p.str(get(v, "key")),
			Remote:         p.str(get(v, "remote")),
			Authentication: p.str(get(v, "authentication")),
			Span:           p.span(k, true),
		}
	}
	if k, _ := member(root, "connectModules"); k != nil {
		m.ConnectModules = p.span(k, true)
	}
	for _, r := range list(get(root, "remotes")) {
		if r.Kind != yaml.MappingNode {
			continue
		}
		m.Remotes = append(m.Remotes, Remote{
			Key:     p.str(get(r, "key")),
			BaseURL: p.str(get(r, "baseUrl")),
			Auth:    p.auth(r),
			Span:    p.span(r, false),
		})
	}
	for _, e := range list(get(get(root, "modules"), "endpoint")) {
		if e.Kind != yaml.MappingNode {
			continue
		}
		m.Endpoints = append(m.Endpoints, Endpoint{
			Key:    p.str(get(e, "key")),
			Remote: p.str(get(e, "remote")),
			Route:  p.str(get(get(e, "route"), "path")),
			Auth:   p.auth(e),
			Span:   p.span(e, false),
		})
	}
	p.scopes(m, root)
}

// scopes reads permissions.scopes in either form.
func (p *parser) scopes(m *Manifest, root *yaml.Node) {
	pk, perms := member(root, "permissions")
	if pk != nil {
		m.ScopesSpan = p.span(pk, true)
	}
	sk, sv := member(perms, "scopes")
	if sk == nil {
		return
	}
	m.ScopesSpan = p.span(sk, true)
	switch v := resolve(sv); v.Kind {
	case yaml.SequenceNode:
		m.ScopeForm = ScopeList
		for _, raw := range v.Content {
			s := p.str(raw)
			if s.Span == (Span{}) {
				m.Partial = true // not a string: the schema reports it
				continue
			}
			m.Partial = m.Partial || s.Placeholder
			m.Scopes = append(m.Scopes, Scope{Name: s.Value, Span: s.Span, Placeholder: s.Placeholder})
		}
	case yaml.MappingNode:
		m.ScopeForm = ScopeMap
		for i := 0; i+1 < len(v.Content); i += 2 {
			k := p.str(v.Content[i])
			if k.Span == (Span{}) {
				m.Partial = true
				continue
			}
			var allow bool
			if a := get(v.Content[i+1], "allowImpersonation"); a != nil && a.ShortTag() == "!!bool" {
				_ = a.Decode(&allow)
			}
			m.Partial = m.Partial || k.Placeholder
			m.Scopes = append(m.Scopes, Scope{Name: k.Value, Span: p.span(v.Content[i], true), AllowImpersonation: allow, Placeholder: k.Placeholder})
		}
	case yaml.ScalarNode:
		if v.ShortTag() == "!!null" {
			m.ScopeForm = ScopeList // "scopes:" with nothing: no scopes
		} else {
			m.Partial = true // a single string or a placeholder: the schema reports it
		}
	}
}

// semantics checks what the schema cannot: that the remotes endpoints and
// app.connect name exist, that keys are unique, that connectModules has
// its app.connect, and that an auth key is not a typo of a token name.
func (p *parser) semantics(m *Manifest) {
	var keys []string
	placeholders := false
	seen := map[string]bool{}
	for _, r := range m.Remotes {
		switch {
		case r.Key.Placeholder:
			placeholders = true
		case r.Key.Span == (Span{}):
		case seen[r.Key.Value]:
			p.problem(r.Key.Span, "remote key %q is declared twice; Forge needs each remote key once", r.Key.Value)
		default:
			seen[r.Key.Value] = true
			keys = append(keys, r.Key.Value)
		}
	}
	known := func(ref String, what string) {
		if ref.Span == (Span{}) || ref.Placeholder || placeholders || slices.Contains(keys, ref.Value) {
			return
		}
		msg := what + " names remote %q, which the remotes list does not declare"
		spaced := slices.IndexFunc(keys, func(k string) bool { return strings.TrimSpace(k) == ref.Value })
		switch trimmed := strings.TrimSpace(ref.Value); {
		case trimmed != ref.Value && slices.Contains(keys, trimmed):
			msg += "; remove the spaces around " + trimmed
		case spaced >= 0:
			msg += fmt.Sprintf("; the remotes list declares %q: remove the spaces there", keys[spaced])
		case len(keys) == 0:
			msg += "; add it under remotes with its baseUrl"
		default:
			msg += hint(ref.Value, keys)
		}
		p.problem(ref.Span, msg, ref.Value)
	}
	epSeen := map[string]bool{}
	for _, e := range m.Endpoints {
		known(e.Remote, "endpoint "+quoteOr(e.Key.Value, "module"))
		if v := e.Key.Value; e.Key.Span != (Span{}) && !e.Key.Placeholder {
			if epSeen[v] {
				p.problem(e.Key.Span, "endpoint key %q is declared twice; Forge needs each module key once", v)
			}
			epSeen[v] = true
		}
	}
	if m.Connect != nil {
		known(m.Connect.Remote, "app.connect")
		if m.ConnectModules != (Span{}) && m.Connect.Remote.Span == (Span{}) {
			p.problem(m.Connect.Span, "app.connect has no remote, but the manifest has connectModules: Forge needs the remote holding the Connect app's baseUrl")
		}
	} else if m.ConnectModules != (Span{}) {
		p.problem(m.ConnectModules, "connectModules without app.connect: Forge needs app.connect with the Connect app's key and remote")
	}
	p.authTypos(m.Root)
}

func quoteOr(s, alt string) string {
	if s == "" {
		return alt
	}
	return `"` + s + `"`
}

// tokenNames are the keys of an auth object.
var tokenNames = []string{"appSystemToken", "appUserToken"}

// authTypos reports keys of an auth object that look like a misspelt token
// name: the token it meant is then not sent. Other unknown keys are left
// to Forge, which may know them.
func (p *parser) authTypos(root *yaml.Node) {
	var autos []*yaml.Node
	for _, r := range list(get(root, "remotes")) {
		autos = append(autos, get(r, "auth"))
	}
	for _, e := range list(get(get(root, "modules"), "endpoint")) {
		autos = append(autos, get(e, "auth"))
	}
	for _, a := range autos {
		if a == nil || a.Kind != yaml.MappingNode {
			continue
		}
		for i := 0; i+1 < len(a.Content); i += 2 {
			k := resolve(a.Content[i])
			if k.Kind != yaml.ScalarNode || slices.Contains(tokenNames, k.Value) {
				continue
			}
			if h := nearest(k.Value, tokenNames); h != "" || slices.Contains(tokenNames, strings.TrimSpace(k.Value)) {
				if h == "" {
					h = "; remove the spaces"
				}
				p.problem(p.span(a.Content[i], true), "auth key %q is not a token Forge knows, so no token is sent%s", k.Value, h)
			}
		}
	}
}
