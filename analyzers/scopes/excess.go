package scopes

import (
	"fmt"
	"path/filepath"
	"slices"
	"strings"

	"github.com/connectlint/connectlint/internal/connect"
)

// maxListed bounds the unresolved calls named in a message.
const maxListed = 3

// checkExcess reports each declared scope that the program's needs do not
// require, or, when some calls could not be resolved, one note instead.
func (c *checker) checkExcess(prog *Needs) {
	d := c.d
	if templatedScopes(d) {
		return
	}
	calls := len(prog.Unresolved)
	for _, r := range prog.Reasons {
		if r.Via != viaDescriptor {
			calls++
		}
	}
	if calls == 0 {
		// No Atlassian call in the Go code: the app may make its calls
		// from the browser (AP.request), which connectlint does not see.
		return
	}
	need := prog.Scopes()
	var excess []connect.ScopeEntry
	for _, e := range d.Scopes {
		if e.Scope.Declarable() && e.Scope != connect.None && !connect.Covers(need, e.Scope) {
			excess = append(excess, e)
		}
	}
	if len(excess) == 0 {
		return
	}
	needText := "the code needs no scope"
	if len(need) > 0 {
		needText = "the code needs " + scopeList(need)
	}
	if maybe := mayNeed(prog.Unresolved, need); len(maybe) > 0 {
		needText += fmt.Sprintf(" and may need %s (%d unresolved %s)",
			scopeList(maybe), len(prog.Unresolved), plural(len(prog.Unresolved), "call"))
	}

	// A scope an unresolved call may need is undecided; the others are
	// excess whatever those calls turn out to be.
	var undecided []connect.ScopeEntry
	var blocking []Unresolved
	for _, e := range excess {
		found := false
		for _, u := range prog.Unresolved {
			if u.mayNeed(e.Scope) {
				found = true
				if !slices.ContainsFunc(blocking, func(b Unresolved) bool { return b.Pos == u.Pos }) {
					blocking = append(blocking, u)
				}
			}
		}
		if found {
			undecided = append(undecided, e)
			continue
		}
		broader := false
		for _, n := range need {
			broader = broader || e.Scope.Implies(n)
		}
		verdict := "is not needed"
		if broader {
			verdict = "is broader than needed"
		}
		ruleExcess.Reportf(c.pass, c.span(e.Span), "scope %s %s; %s", e.Scope, verdict, needText)
	}
	if len(undecided) > 0 {
		names := make([]string, len(undecided))
		for i, e := range undecided {
			names[i] = e.Scope.String()
		}
		resolved := "no resolved call needs a scope"
		if len(need) > 0 {
			resolved = "the resolved needs are " + scopeList(need)
		}
		slices.SortFunc(blocking, func(a, b Unresolved) int { return comparePos(a.Pos, b.Pos) })
		ruleUnresolved.Reportf(c.pass, c.span(undecided[0].Span), "cannot tell whether %s %s needed: %s; %s",
			strings.Join(names, ", "), isAre(len(names)), c.unresolvedText(blocking), resolved)
	}
}

// mayNeed returns the scopes unresolved calls may need beyond need, in
// Scope order.
func mayNeed(us []Unresolved, need []connect.Scope) []connect.Scope {
	var out []connect.Scope
	for _, u := range us {
		for _, s := range u.Scopes {
			if s.Declarable() && !connect.Covers(need, s) && !slices.Contains(out, s) {
				out = append(out, s)
			}
		}
	}
	slices.Sort(out)
	return out
}

// unresolvedText says how many calls could not be resolved and where the
// first few are; the scopes subcommand lists them all, with what each is.
func (c *checker) unresolvedText(us []Unresolved) string {
	var b strings.Builder
	if len(us) == 1 {
		b.WriteString("1 Atlassian call could not be resolved to an operation (")
	} else {
		fmt.Fprintf(&b, "%d Atlassian calls could not be resolved to operations (", len(us))
	}
	for i, u := range us {
		if i == maxListed {
			fmt.Fprintf(&b, ", and %d more: see connectlint scopes", len(us)-maxListed)
			break
		}
		if i > 0 {
			b.WriteString(", ")
		}
		p := u.Pos
		p.File = c.rel(p.File)
		b.WriteString(p.String())
	}
	b.WriteString(")")
	return b.String()
}

// rel shortens a file name to be relative to the descriptor's directory,
// usually the module root.
func (c *checker) rel(file string) string {
	if r, err := filepath.Rel(filepath.Dir(c.d.Path), file); err == nil && !strings.HasPrefix(r, "..") {
		return filepath.ToSlash(r)
	}
	return file
}

// span is a descriptor span as a range in pass.Fset.
func (c *checker) span(s connect.Span) posRange {
	return posRange{c.desc.Pos(s.Offset), c.desc.Pos(s.End)}
}

func isAre(n int) string {
	if n == 1 {
		return "is"
	}
	return "are"
}
