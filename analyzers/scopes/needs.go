package scopes

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/connectlint/connectlint/internal/apispec"
	"github.com/connectlint/connectlint/internal/authz"
	"github.com/connectlint/connectlint/internal/connect"
)

// Needs is what a package's Atlassian calls and features need. As a
// package fact it covers the package's own; a Result's Needs covers the
// program.
type Needs struct {
	Calls    []CallNeed
	Features []Feature
}

// CallNeed is one Atlassian REST call of the app.
type CallNeed struct {
	// Request is the request as the code builds it:
	// "GET …/rest/api/2/search?…".
	Request string
	Via     string // "net/http", a wrapper, a client library
	At      authz.Position
	End     int // byte offset of the call's end
	// Routes are the operations the call may be, best first; none when it
	// matches no operation of the table.
	Routes []string
	Host   apispec.Host
	Auth   authz.Credential
	// Deferred tells that the package could not judge the call: grants it
	// cannot see (another package's OAuth 2.0 client) may govern it, so
	// the program's main package judges it.
	Deferred bool
}

// Feature is something other than a REST call that needs a scope: a
// webhook needs READ, acting as a user ACT_AS_USER, refreshing a token
// offline_access.
type Feature struct {
	Model authz.ModelID
	Scope string
	What  string
	At    authz.Position
}

// AFact marks Needs as an analysis fact.
func (*Needs) AFact() {}

// String summarises the needs for fact expectations in tests:
// "needs READ, DELETE; 1 unresolved".
func (n *Needs) String() string {
	var b strings.Builder
	b.WriteString("needs ")
	if s := n.ConnectScopes(); len(s) > 0 {
		b.WriteString(scopeList(s))
	} else {
		b.WriteString("no scope")
	}
	if k := len(n.Unresolved()); k > 0 {
		fmt.Fprintf(&b, "; %d unresolved", k)
	}
	if k := n.deferred(); k > 0 {
		fmt.Fprintf(&b, "; %d deferred", k)
	}
	return b.String()
}

func (n *Needs) empty() bool { return len(n.Calls) == 0 && len(n.Features) == 0 }

func (n *Needs) deferred() int {
	k := 0
	for _, c := range n.Calls {
		if c.Deferred {
			k++
		}
	}
	return k
}

// Ops returns the call's candidate operations.
func (c *CallNeed) Ops() []*apispec.Operation {
	var ops []*apispec.Operation
	for _, r := range c.Routes {
		if op := apispec.ByRoute(r); op != nil {
			ops = append(ops, op)
		}
	}
	return ops
}

// Requirement returns what the call needs under model m, and whether its
// candidate operations agree on it (false also when it matches none).
func (c *CallNeed) Requirement(m authz.Model) (authz.Requirement, bool) {
	ops := c.Ops()
	if len(ops) == 0 {
		return authz.Requirement{Kind: authz.NotKnown}, false
	}
	req := m.Requirement(ops[0])
	for _, op := range ops[1:] {
		if !m.Requirement(op).Equal(req) {
			return authz.Requirement{Kind: authz.NotKnown}, false
		}
	}
	return req, req.Kind != authz.NotKnown
}

// What names the call in listings: its operation, "(or N other
// operations)", or the request when it is unresolved.
func (c *CallNeed) What() string {
	if len(c.Routes) == 0 {
		return c.Request
	}
	s := spelled(c.Routes[0], c.Request)
	if n := len(c.Routes) - 1; n > 0 && !sameRoutes(c.Routes) {
		s += fmt.Sprintf(" (or %d other %s)", n, plural(n, "operation"))
	}
	return s
}

// spelled writes an operation's route ("GET /rest/api/3/search") with the
// Jira REST API version the code's request uses (/rest/api/2,
// /rest/api/latest): the table knows them as one operation, but a message
// should name the path the code calls.
func spelled(route, request string) string {
	for _, v := range []string{"/rest/api/2/", "/rest/api/latest/"} {
		if strings.Contains(request, v) && strings.Contains(route, " /rest/api/3/") {
			return strings.Replace(route, " /rest/api/3/", " "+v, 1)
		}
	}
	return route
}

func sameRoutes(rs []string) bool {
	for _, r := range rs[1:] {
		if r != rs[0] {
			return false
		}
	}
	return true
}

// ConnectScopes returns the distinct Connect scopes the calls and features
// need, in Scope order (NONE and INACCESSIBLE left out): what a descriptor
// must declare. A scope implied by another one stays listed, as
// descriptors usually list them ("READ", "WRITE", "DELETE").
func (n *Needs) ConnectScopes() []connect.Scope {
	m := authz.ModelOf(authz.Connect)
	var out []connect.Scope
	add := func(name string) {
		if s, ok := authz.ConnectScope(name); ok && s.Declarable() && s != connect.None && !slices.Contains(out, s) {
			out = append(out, s)
		}
	}
	for i := range n.Calls {
		if req, ok := n.Calls[i].Requirement(m); ok && req.Kind == authz.NeedsScopes {
			add(req.Alternatives[0][0])
		}
	}
	for _, f := range n.Features {
		if f.Model == authz.Connect {
			add(f.Scope)
		}
	}
	slices.Sort(out)
	return out
}

// Unresolved returns the calls whose requirement is not known: no
// operation matches, or the candidates need different Connect scopes.
func (n *Needs) Unresolved() []*CallNeed {
	m := authz.ModelOf(authz.Connect)
	var out []*CallNeed
	for i := range n.Calls {
		if _, ok := n.Calls[i].Requirement(m); !ok {
			out = append(out, &n.Calls[i])
		}
	}
	return out
}

func (n *Needs) add(m *Needs) {
	n.Calls = append(n.Calls, m.Calls...)
	n.Features = append(n.Features, m.Features...)
}

// normalize sorts by position and drops duplicates (a package seen
// through two import paths, or a test variant and its package).
func (n *Needs) normalize() {
	slices.SortFunc(n.Calls, func(a, b CallNeed) int {
		return cmp.Or(comparePos(a.At, b.At), strings.Compare(a.Request, b.Request), strings.Compare(strings.Join(a.Routes, ","), strings.Join(b.Routes, ",")))
	})
	n.Calls = slices.CompactFunc(n.Calls, func(a, b CallNeed) bool {
		return a.At == b.At && a.Request == b.Request && slices.Equal(a.Routes, b.Routes)
	})
	slices.SortFunc(n.Features, func(a, b Feature) int {
		return cmp.Or(comparePos(a.At, b.At), strings.Compare(a.Scope, b.Scope))
	})
	n.Features = slices.Compact(n.Features)
}

func comparePos(a, b authz.Position) int {
	return cmp.Or(strings.Compare(a.File, b.File), cmp.Compare(a.Line, b.Line), cmp.Compare(a.Column, b.Column))
}

// Merge returns the union of needs, sorted by position, without
// duplicates: what several programs (or packages) need together.
func Merge(ns ...*Needs) *Needs {
	out := &Needs{}
	for _, n := range ns {
		if n != nil {
			out.add(n)
		}
	}
	out.normalize()
	return out
}

func scopeList(ss []connect.Scope) string {
	names := make([]string, len(ss))
	for i, s := range ss {
		names[i] = s.String()
	}
	return strings.Join(names, ", ")
}

func plural(n int, word string) string {
	if n == 1 {
		return word
	}
	return word + "s"
}
