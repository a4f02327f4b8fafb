package strpat

import "strings"

// Slices in patterns.
//
// A summary refers to a slice parameter with SliceParam: the slice's
// elements, each written between a prefix and a suffix, with a separator
// between two of them. strings.Join(parts, "/") is SliceParam(i, "", "/",
// ""); a loop writing "/"+part for each part is SliceParam(i, "/", "", "").
//
// A call passes a slice to such a parameter as an encoded slice (see
// EncodeSlice): one pattern holding the elements, each introduced by
// sliceMark, so that argument patterns keep their type ([][]Pattern, one
// list of alternatives per parameter) and Subst can take them apart.

// sliceMark introduces each element of an encoded slice. URLs never hold
// it; an element that does is not encoded (see EncodeSlice).
const sliceMark = "\x1f"

// eachSep separates prefix, separator and suffix in Elem.Each.
const eachSep = "\x00"

// SliceParam returns the reference to slice parameter number i (0-based):
// its elements, each as pre+element+suf, with sep between two. ok is false
// when a part holds a byte the encoding reserves.
func SliceParam(i int, pre, sep, suf string) (p Pattern, ok bool) {
	for _, s := range []string{pre, sep, suf} {
		if strings.Contains(s, eachSep) {
			return nil, false
		}
	}
	return Pattern{{Wild: true, Param: i + 1, Each: pre + eachSep + sep + eachSep + suf}}, true
}

// Template returns the prefix, separator and suffix of a slice parameter
// reference; ok is false for any other element.
func (e Elem) Template() (pre, sep, suf string, ok bool) {
	if e.Param == 0 || e.Each == "" {
		return "", "", "", false
	}
	parts := strings.SplitN(e.Each, eachSep, 3)
	if len(parts) != 3 {
		return "", "", "", false
	}
	return parts[0], parts[1], parts[2], true
}

// A Part is one element of a slice, or a run of elements standing for a
// whole slice parameter.
type Part struct {
	Alts   []Pattern // the element's alternatives
	Spread int       // when non-zero, 1 + the index of the slice parameter whose elements stand here
}

// JoinParts writes the elements of a slice, each as pre+element+suf, with
// sep between two: strings.Join is JoinParts(parts, "", sep, ""). A slice
// parameter among the parts becomes a SliceParam reference with the
// template that keeps the separators right when it holds no element,
// except when several such runs stand with no element between them.
func JoinParts(parts []Part, pre, sep, suf string) []Pattern {
	out := []Pattern{nil}
	emitted := false // an element was written: the next one needs sep first
	for k, p := range parts {
		if p.Spread == 0 {
			lead := pre
			if emitted {
				lead = sep + pre
			}
			var alts []Pattern
			for _, a := range p.Alts {
				alts = append(alts, Concat(Lit(lead), a, Lit(suf)))
			}
			if len(alts) == 0 {
				alts = []Pattern{Concat(Lit(lead), Any(), Lit(suf))}
			}
			out = Product(out, alts)
			emitted = true
			continue
		}
		var ref Pattern
		var ok bool
		switch {
		case emitted:
			ref, ok = SliceParam(p.Spread-1, sep+pre, "", suf)
		case knownAfter(parts[k+1:]):
			// Each element followed by sep; the next element takes none.
			ref, ok = SliceParam(p.Spread-1, pre, "", suf+sep)
		default:
			ref, ok = SliceParam(p.Spread-1, pre, sep, suf)
		}
		if !ok {
			ref = Any()
		}
		out = Product(out, []Pattern{ref})
	}
	return out
}

func knownAfter(parts []Part) bool {
	for _, p := range parts {
		if p.Spread == 0 {
			return true
		}
	}
	return false
}

// EncodeSlice returns the pattern of a slice passed as an argument, for
// Subst to fill a SliceParam reference with: one alternative per choice of
// the elements' alternatives (at most MaxAlts, then widened). ok is false
// when an element holds the mark the encoding uses.
func EncodeSlice(parts []Part) (alts []Pattern, ok bool) {
	out := []Pattern{nil}
	for _, p := range parts {
		if p.Spread != 0 {
			ref, _ := SliceParam(p.Spread-1, sliceMark, "", "")
			out = Product(out, []Pattern{ref})
			continue
		}
		var el []Pattern
		for _, a := range p.Alts {
			for _, e := range a {
				if strings.Contains(e.Lit, sliceMark) || strings.Contains(e.Each, sliceMark) {
					return nil, false
				}
			}
			el = append(el, Concat(Lit(sliceMark), a))
		}
		if len(el) == 0 {
			el = []Pattern{Concat(Lit(sliceMark), Any())}
		}
		out = Product(out, el)
	}
	return out, true
}

// decodeSlice takes an encoded slice apart; ok is false when p is not one
// (the argument's elements are unknown).
func decodeSlice(p Pattern) (parts []Part, ok bool) {
	var cur Pattern
	open := false // cur holds an element being read
	flush := func() {
		if open {
			parts = append(parts, Part{Alts: []Pattern{cur}})
		}
		cur, open = nil, false
	}
	for _, e := range p {
		if pre, sep, suf, isRef := e.Template(); isRef && pre == sliceMark && sep == "" && suf == "" {
			flush()
			parts = append(parts, Part{Spread: e.Param})
			continue
		}
		if e.Wild {
			if !open {
				return nil, false
			}
			cur = Concat(cur, Pattern{e})
			continue
		}
		for i, s := range strings.Split(e.Lit, sliceMark) {
			if i > 0 {
				flush()
				open = true
			} else if !open && s != "" {
				return nil, false
			}
			cur = Concat(cur, Lit(s))
		}
	}
	flush()
	return parts, true
}

// substEach fills the slice parameter reference e from the slices args
// gives for it.
func substEach(e Elem, args [][]Pattern) []Pattern {
	pre, sep, suf, _ := e.Template()
	i := e.Param - 1
	if i >= len(args) || len(args[i]) == 0 {
		return []Pattern{Any()}
	}
	var out []Pattern
	for _, a := range args[i] {
		parts, ok := decodeSlice(a)
		if !ok {
			out = append(out, Any())
			continue
		}
		out = append(out, JoinParts(parts, pre, sep, suf)...)
	}
	return Dedup(out)
}
