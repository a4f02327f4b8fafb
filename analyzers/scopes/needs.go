package scopes

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/connectlint/connectlint/analyzers/descriptor"
	"github.com/connectlint/connectlint/internal/connect"
	"github.com/connectlint/connectlint/internal/jsonpos"
)

// Needs is what a package's Atlassian calls need. As a package fact it
// covers the package's own calls; a Result's Needs covers the program.
type Needs struct {
	// Reasons are the resolved calls (and descriptor features), each with
	// the scope it needs: NONE for calls that need no scope, INACCESSIBLE
	// for calls no scope grants.
	Reasons []Reason
	// Unresolved are Atlassian calls whose operation, or whose candidate
	// operations' scope, is not known.
	Unresolved []Unresolved
}

// Reason is one thing that needs a scope.
type Reason struct {
	Scope connect.Scope
	What  string // "GET /rest/api/3/issue/{issueIdOrKey}", "webhook jira:issue_updated"
	Via   string // how the call is made: "net/http", a wrapper, a library
	Pos   Position
}

// Unresolved is an Atlassian call whose scope is not known.
type Unresolved struct {
	What       string // the request as the code builds it
	Candidates int    // operations it may be (0: it matches none)
	// Scopes are the distinct scopes of the candidate operations, one of
	// which the call needs; nil when it matches no operation.
	Scopes []connect.Scope
	Pos    Position
}

// mayNeed reports whether the call may need what only scope s (or a
// broader one) grants.
func (u Unresolved) mayNeed(s connect.Scope) bool {
	if len(u.Scopes) == 0 {
		return true // any operation, as far as we know
	}
	for _, c := range u.Scopes {
		if c == connect.ScopeUnknown || c.Implies(s) {
			return true
		}
	}
	return false
}

// Position is a source position that survives the trip through facts,
// which token.Pos does not.
type Position struct {
	File         string
	Line, Column int
}

func (p Position) String() string {
	if p.Line == 0 {
		return p.File
	}
	return fmt.Sprintf("%s:%d:%d", p.File, p.Line, p.Column)
}

func comparePos(a, b Position) int {
	return cmp.Or(strings.Compare(a.File, b.File), cmp.Compare(a.Line, b.Line), cmp.Compare(a.Column, b.Column))
}

// AFact marks Needs as an analysis fact.
func (*Needs) AFact() {}

// String summarises the needs for fact expectations in tests:
// "needs READ, DELETE; 1 unresolved".
func (n *Needs) String() string {
	var b strings.Builder
	b.WriteString("needs ")
	if s := n.Scopes(); len(s) > 0 {
		b.WriteString(scopeList(s))
	} else {
		b.WriteString("no scope")
	}
	if k := len(n.Unresolved); k > 0 {
		fmt.Fprintf(&b, "; %d unresolved", k)
	}
	return b.String()
}

func (n *Needs) empty() bool { return len(n.Reasons) == 0 && len(n.Unresolved) == 0 }

// Scopes returns the distinct scopes a descriptor must grant, in Scope
// order (NONE and INACCESSIBLE left out): each is needed by some reason.
// A scope implied by another one stays listed, as descriptors usually
// list them ("READ", "WRITE", "DELETE"); declaring only the strongest
// (connect.Minimal) grants the same.
func (n *Needs) Scopes() []connect.Scope {
	var out []connect.Scope
	for _, r := range n.Reasons {
		if r.Scope.Declarable() && r.Scope != connect.None && !slices.Contains(out, r.Scope) {
			out = append(out, r.Scope)
		}
	}
	slices.Sort(out)
	return out
}

// add merges m into n, dropping what n already has.
func (n *Needs) add(m *Needs) {
	n.Reasons = append(n.Reasons, m.Reasons...)
	n.Unresolved = append(n.Unresolved, m.Unresolved...)
}

// normalize sorts by position and drops duplicates (a package seen
// through two import paths, or a test variant and its package).
func (n *Needs) normalize() {
	slices.SortFunc(n.Reasons, func(a, b Reason) int {
		return cmp.Or(comparePos(a.Pos, b.Pos), cmp.Compare(a.Scope, b.Scope), strings.Compare(a.What, b.What))
	})
	n.Reasons = slices.Compact(n.Reasons)
	slices.SortFunc(n.Unresolved, func(a, b Unresolved) int {
		return cmp.Or(comparePos(a.Pos, b.Pos), strings.Compare(a.What, b.What))
	})
	n.Unresolved = slices.CompactFunc(n.Unresolved, func(a, b Unresolved) bool {
		return a.Pos == b.Pos && a.What == b.What
	})
}

// program returns what the package needs together with every package of
// the app it imports (their Needs facts, which the analysis framework
// hands on transitively) and the descriptor's features.
func (c *checker) program(own *Needs) *Needs {
	prog := &Needs{}
	prog.add(own)
	for _, f := range c.pass.AllPackageFacts() {
		if f.Package == c.pass.Pkg {
			continue // own, added above
		}
		if n, ok := f.Fact.(*Needs); ok {
			prog.add(n)
		}
	}
	if c.d != nil {
		prog.add(descriptorNeeds(c.d, c.desc))
	}
	prog.normalize()
	return prog
}

// descriptorNeeds are the scopes the descriptor's own features need:
// Atlassian refuses to install an app with webhooks but without READ.
func descriptorNeeds(d *connect.Descriptor, res *descriptor.Result) *Needs {
	n := &Needs{}
	for _, m := range d.Modules {
		if m.Type != "webhooks" {
			continue
		}
		what := "webhook"
		if m.Event != "" {
			what += " " + m.Event
		}
		at := m.Span
		if ev := moduleValue(d, m, "event"); ev != nil {
			at = ev.Span
		}
		n.Reasons = append(n.Reasons, Reason{Scope: connect.Read, What: what, Via: viaDescriptor, Pos: descPosition(res, at.Offset)})
	}
	return n
}

// descPosition is the position of a byte offset in the descriptor.
func descPosition(res *descriptor.Result, offset int) Position {
	p := res.File.Position(res.Pos(offset))
	return Position{File: p.Filename, Line: p.Line, Column: p.Column}
}

// viaDescriptor is the Via of reasons that come from the descriptor.
const viaDescriptor = "descriptor"

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

// moduleValue returns the value of a module's member key, nil if absent.
func moduleValue(d *connect.Descriptor, m connect.Module, key string) *jsonpos.Value {
	list := d.Root.Get("modules").Get(m.Type)
	if list == nil || list.Kind != jsonpos.Array || m.Index >= len(list.Elems) {
		return nil
	}
	return list.Elems[m.Index].Get(key)
}
