package strpat

import (
	"strconv"
	"strings"
)

// MaxAlts bounds how many alternative patterns an operation keeps; beyond
// it the alternatives are widened into one pattern (see Widen).
const MaxAlts = 6

// Param returns the reference to parameter number i (0-based).
func Param(i int) Pattern { return Pattern{{Wild: true, Param: i + 1}} }

// HasParams reports whether p refers to a parameter.
func (p Pattern) HasParams() bool {
	for _, e := range p {
		if e.Param != 0 {
			return true
		}
	}
	return false
}

// Format renders p like String, but names each parameter reference with
// name(i) (i 0-based), e.g. "<path>".
func (p Pattern) Format(name func(i int) string) string {
	var b strings.Builder
	for _, e := range p {
		switch {
		case e.Param != 0:
			b.WriteString("<" + name(e.Param-1))
			if pre, sep, suf, ok := e.Template(); ok {
				// <parts...>, <parts... pre "/">: the elements of a slice.
				b.WriteString("...")
				for _, x := range [][2]string{{"pre", pre}, {"sep", sep}, {"suf", suf}} {
					if x[1] != "" {
						b.WriteString(" " + x[0] + " " + strconv.Quote(x[1]))
					}
				}
			}
			b.WriteString(">")
		case e.Wild:
			b.WriteString(WildMark)
		default:
			b.WriteString(e.Lit)
		}
	}
	return b.String()
}

// Equal reports whether p and q are the same pattern.
func (p Pattern) Equal(q Pattern) bool {
	if len(p) != len(q) {
		return false
	}
	for i := range p {
		if p[i] != q[i] {
			return false
		}
	}
	return true
}

// HasPrefix reports whether p starts with the literal text s.
func (p Pattern) HasPrefix(s string) bool {
	return len(p) > 0 && !p[0].Wild && strings.HasPrefix(p[0].Lit, s)
}

// Subst replaces each parameter reference by the alternatives args[i] give
// for it (a missing or empty entry becomes a plain wildcard) and returns
// the resulting alternatives, at most MaxAlts of them. A slice parameter
// reference (SliceParam) takes its elements from the encoded slices
// (EncodeSlice) args[i] gives, and is a wildcard when args[i] is not one.
func (p Pattern) Subst(args [][]Pattern) []Pattern {
	out := []Pattern{nil}
	for _, e := range p {
		var alts []Pattern
		if e.Param == 0 {
			alts = []Pattern{{e}}
		} else if e.Each != "" {
			alts = substEach(e, args)
		} else if i := e.Param - 1; i < len(args) && len(args[i]) > 0 {
			alts = args[i]
		} else {
			alts = []Pattern{Any()}
		}
		out = Product(out, alts)
	}
	return out
}

// Product concatenates every alternative of a with every alternative of b.
func Product(a, b []Pattern) []Pattern {
	out := make([]Pattern, 0, len(a)*len(b))
	for _, x := range a {
		for _, y := range b {
			out = append(out, Concat(x, y))
		}
	}
	return Dedup(out)
}

// Dedup removes repeated alternatives and widens more than MaxAlts of them.
func Dedup(ps []Pattern) []Pattern {
	out := unique(ps)
	if len(out) > MaxAlts {
		return []Pattern{Widen(out)}
	}
	return out
}

// unique removes repeated alternatives.
func unique(ps []Pattern) []Pattern {
	var out []Pattern
outer:
	for _, p := range ps {
		for _, q := range out {
			if p.Equal(q) {
				continue outer
			}
		}
		out = append(out, p)
	}
	return out
}

// Widen merges alternatives into one pattern that matches all of them:
// their common prefix, a wildcard, and their common suffix (parameter
// references included).
func Widen(ps []Pattern) Pattern {
	if len(ps) == 0 {
		return Any()
	}
	if ps = unique(ps); len(ps) == 1 {
		return ps[0]
	}
	toks := make([][]Elem, len(ps))
	for i, p := range ps {
		toks[i] = tokens(p)
	}
	pre, suf := len(toks[0]), len(toks[0])
	for _, t := range toks[1:] {
		pre = min(pre, commonPrefix(toks[0], t))
		suf = min(suf, commonSuffix(toks[0], t))
	}
	short := len(toks[0])
	for _, t := range toks {
		short = min(short, len(t))
	}
	// Keep prefix and suffix from overlapping in the shortest alternative.
	if pre+suf > short {
		suf = max(0, short-pre)
	}
	first := toks[0]
	return Concat(Pattern(first[:pre]), Any(), Pattern(first[len(first)-suf:]))
}

// tokens splits p into one element per byte of literal text and one per
// wildcard, so that prefixes can be compared element by element.
func tokens(p Pattern) []Elem {
	var out []Elem
	for _, e := range p {
		if e.Wild {
			out = append(out, e)
			continue
		}
		for i := range len(e.Lit) {
			out = append(out, Elem{Lit: e.Lit[i : i+1]})
		}
	}
	return out
}

func commonPrefix(a, b []Elem) int {
	n := 0
	for n < len(a) && n < len(b) && a[n] == b[n] {
		n++
	}
	return n
}

func commonSuffix(a, b []Elem) int {
	n := 0
	for n < len(a) && n < len(b) && a[len(a)-1-n] == b[len(b)-1-n] {
		n++
	}
	return n
}

// TrimLeft removes leading characters in cutset from p's leading literal.
func (p Pattern) TrimLeft(cutset string) Pattern {
	if len(p) == 0 || p[0].Wild {
		return p
	}
	return Concat(Lit(strings.TrimLeft(p[0].Lit, cutset)), p[1:])
}

// TrimRight removes trailing characters in cutset from p's trailing literal.
func (p Pattern) TrimRight(cutset string) Pattern {
	n := len(p)
	if n == 0 || p[n-1].Wild {
		return p
	}
	return Concat(p[:n-1], Lit(strings.TrimRight(p[n-1].Lit, cutset)))
}

// TrimPrefix removes the literal prefix s when p surely starts with it.
func (p Pattern) TrimPrefix(s string) Pattern {
	if p.HasPrefix(s) {
		return Concat(Lit(strings.TrimPrefix(p[0].Lit, s)), p[1:])
	}
	return p
}

// TrimSuffix removes the literal suffix s when p surely ends with it.
func (p Pattern) TrimSuffix(s string) Pattern {
	n := len(p)
	if n > 0 && !p[n-1].Wild && strings.HasSuffix(p[n-1].Lit, s) {
		return Concat(p[:n-1], Lit(strings.TrimSuffix(p[n-1].Lit, s)))
	}
	return p
}

// JoinPath joins path elements with single slashes, as path.Join and
// url.JoinPath do for the parts the code fixes.
func JoinPath(elems ...Pattern) Pattern {
	var out Pattern
	first := true
	for _, e := range elems {
		if len(e) == 0 {
			continue
		}
		if !first {
			out = Concat(out.TrimRight("/"), Lit("/"), e.TrimLeft("/"))
		} else {
			out = e
		}
		first = false
	}
	return out
}

// schemeHost returns the scheme and host part of an absolute URL pattern
// ("https://x.atlassian.net"), or a wildcard when p does not fix it.
func schemeHost(p Pattern) Pattern {
	if len(p) == 0 || p[0].Wild {
		return Any()
	}
	lit := p[0].Lit
	i := strings.Index(lit, "://")
	if i < 0 {
		return Any()
	}
	if j := strings.IndexAny(lit[i+3:], "/?#"); j >= 0 {
		return Lit(lit[:i+3+j])
	}
	return Concat(Lit(lit), Any()).cutAtPath()
}

// cutAtPath keeps the elements of p up to (not including) its first
// literal "/", "?" or "#" after the first element.
func (p Pattern) cutAtPath() Pattern {
	var out Pattern
	for i, e := range p {
		if i > 0 && !e.Wild {
			if j := strings.IndexAny(e.Lit, "/?#"); j >= 0 {
				return Concat(out, Lit(e.Lit[:j]))
			}
		}
		out = Concat(out, Pattern{e})
	}
	return out
}

// IsAbs reports whether p surely starts with a URL scheme.
func (p Pattern) IsAbs() bool {
	if len(p) == 0 || p[0].Wild {
		return false
	}
	lit := p[0].Lit
	i := strings.Index(lit, "://")
	return i > 0 && strings.IndexFunc(lit[:i], func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '+' || r == '-' || r == '.')
	}) < 0
}

// ResolveReference resolves ref against base as (*url.URL).ResolveReference
// does, as far as the patterns fix the parts: an absolute ref wins, an
// absolute path keeps base's scheme and host, a relative path is appended
// to base's directory. A base that is a wildcard (a configured site URL) is
// treated as a directory.
func ResolveReference(base, ref Pattern) Pattern {
	switch {
	case ref.IsAbs():
		return ref
	case ref.HasPrefix("/"):
		return Concat(schemeHost(base), ref)
	case len(ref) == 0:
		return base
	}
	n := len(base)
	if n == 0 {
		return ref
	}
	if last := base[n-1]; !last.Wild {
		i := strings.LastIndexByte(last.Lit, '/')
		if i < 0 {
			return Concat(base, Lit("/"), ref)
		}
		return Concat(base[:n-1], Lit(last.Lit[:i+1]), ref)
	}
	return Concat(base, Lit("/"), ref)
}

// CleanURL tidies a URL pattern assembled from parts: "//" inside the path
// becomes "/", and an absolute URL that ended up behind a wildcard base
// ("…/https://h/p") drops the base. The query and fragment are kept as
// they are.
func CleanURL(p Pattern) Pattern {
	for i, e := range p {
		if e.Wild {
			continue
		}
		q := queryStart(e.Lit)
		if j := strings.Index(e.Lit[:q], "://"); i > 0 && j > 0 {
			k := j
			for k > 0 && isSchemeChar(e.Lit[k-1]) {
				k--
			}
			onlyBase := k < j && strings.Trim(e.Lit[:k], "/") == ""
			for _, b := range p[:i] {
				if !b.Wild && strings.Trim(b.Lit, "/") != "" {
					onlyBase = false
				}
			}
			if onlyBase {
				p = Concat(Lit(e.Lit[k:]), p[i+1:])
			}
			break
		}
		if q < len(e.Lit) {
			break
		}
	}
	var out Pattern
	for i, e := range p {
		if e.Wild {
			out = Concat(out, Pattern{e})
			continue
		}
		lit := e.Lit
		q := queryStart(lit)
		start := 0
		if i == 0 {
			if j := strings.Index(lit[:q], "://"); j >= 0 {
				start = j + 3
			}
		}
		head := lit[start:q]
		for strings.Contains(head, "//") {
			head = strings.ReplaceAll(head, "//", "/")
		}
		out = Concat(out, Lit(lit[:start]+head+lit[q:]))
		if q < len(lit) {
			// The rest is query or fragment: keep it as it is.
			return Concat(out, p[i+1:])
		}
	}
	return out
}

// queryStart is the index of the first "?" or "#" in s, or len(s).
func queryStart(s string) int {
	if q := strings.IndexAny(s, "?#"); q >= 0 {
		return q
	}
	return len(s)
}

func isSchemeChar(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '+' || c == '-' || c == '.'
}

// WithoutQuery returns p up to its query or fragment, when p's literal
// text fixes where that starts.
func (p Pattern) WithoutQuery() Pattern { return cutQuery(p) }
