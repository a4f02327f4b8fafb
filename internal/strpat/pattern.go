// Package strpat models the strings a program can build: a Pattern is a
// sequence of literal text and wildcards (parts the code does not fix, such
// as an issue key from a parameter or a base URL from configuration). An
// Evaluator computes the patterns of an SSA value; the operations in
// ops.go (Subst, Widen, ResolveReference, JoinPath, CleanURL) are the
// string and URL operations the evaluator and the call summaries need.
package strpat

import "strings"

// Elem is one piece of a Pattern: literal text, or a wildcard standing for
// any string (possibly empty).
//
// A wildcard with a non-zero Param is a parameter reference: it stands for
// whatever the enclosing function's parameter number Param-1 is (see Subst).
// Parameter references appear only in function summaries; every consumer
// that ignores Param sees an ordinary wildcard.
//
// A parameter reference with Each set stands for the elements of a slice
// parameter (a variadic one, typically), each written as the template in
// Each says: strings.Join(parts, "/") in a summary is the reference to
// parts with separator "/". Build one with SliceParam; Subst fills it in
// from the slice a call passes.
type Elem struct {
	Lit   string
	Wild  bool
	Param int    `json:",omitempty"`
	Each  string `json:",omitempty"` // see SliceParam
}

// Pattern is a normalised sequence of Elems: no empty literals, no two
// adjacent literals, no two adjacent plain wildcards (a plain wildcard also
// absorbs a neighbouring one; parameter references are kept). The zero value
// is the pattern of the empty string.
type Pattern []Elem

// WildMark is how String renders a wildcard.
const WildMark = "…"

// Lit returns the pattern of exactly s.
func Lit(s string) Pattern {
	if s == "" {
		return nil
	}
	return Pattern{{Lit: s}}
}

// Any returns the pattern matching every string.
func Any() Pattern { return Pattern{{Wild: true}} }

// Concat joins patterns end to end, keeping the result normalised.
func Concat(ps ...Pattern) Pattern {
	var out Pattern
	for _, p := range ps {
		for _, e := range p {
			out = out.appendElem(e)
		}
	}
	return out
}

func (p Pattern) appendElem(e Elem) Pattern {
	if !e.Wild && e.Lit == "" {
		return p
	}
	if e.Wild {
		e.Lit = ""
	}
	if e.Param != 0 {
		e.Wild = true
	}
	if n := len(p); n > 0 {
		last := &p[n-1]
		if e.Wild && last.Wild && e.Param == 0 && last.Param == 0 {
			return p
		}
		if !e.Wild && !last.Wild {
			last.Lit += e.Lit
			return p
		}
	}
	return append(p, e)
}

// Const reports whether p is a single known string, and returns it.
func (p Pattern) Const() (string, bool) {
	switch len(p) {
	case 0:
		return "", true
	case 1:
		if !p[0].Wild {
			return p[0].Lit, true
		}
	}
	return "", false
}

// IsAny reports whether p matches every string and fixes nothing.
func (p Pattern) IsAny() bool { return len(p) == 1 && p[0].Wild && p[0].Param == 0 }

// String renders p with each wildcard as WildMark.
func (p Pattern) String() string {
	var b strings.Builder
	for _, e := range p {
		if e.Wild {
			b.WriteString(WildMark)
		} else {
			b.WriteString(e.Lit)
		}
	}
	return b.String()
}

// Parse is the inverse of String: each WildMark becomes a wildcard.
func Parse(s string) Pattern {
	var out Pattern
	for i, part := range strings.Split(s, WildMark) {
		if i > 0 {
			out = out.appendElem(Elem{Wild: true})
		}
		out = out.appendElem(Elem{Lit: part})
	}
	return out
}
