package strpat

import (
	"go/constant"
	"go/types"
	"strings"

	"golang.org/x/tools/go/ssa"

	"github.com/connectlint/connectlint/internal/gotypes"
)

// MaxElems bounds the slices the evaluator follows element by element: a
// join keeps the first MaxElems elements and a wildcard for the rest; a
// loop over a longer slice is not unrolled (its part is a wildcard).
const MaxElems = 16

// An item is one element of a slice whose elements the evaluator knows
// where the slice is used, or a run of elements standing for a whole slice
// parameter.
type item struct {
	vals    []ssa.Value // the values stored to the element (several when it is overwritten)
	unknown bool        // an element the code does not fix
	spread  int         // when non-zero, 1 + the index of the slice parameter whose elements stand here
}

// zeroItem is an element nothing was stored to: "".
var zeroItem = item{}

// isStringSlice reports whether t is a slice of strings.
func isStringSlice(t types.Type) bool {
	s, ok := t.Underlying().(*types.Slice)
	return ok && gotypes.IsString(s.Elem())
}

// slices returns the elements of the slice v, known where v is used: a
// slice literal or a variadic call's implicit slice, make([]string, n),
// append chains onto one, a constant strings.Split, sub-slices with
// constant bounds, and a slice parameter (one spread item). A slice
// appended to on some paths only (a phi outside a loop) has one
// alternative per path, at most MaxAlts. ok is false when the elements
// are not known (a slice grown in a loop, read from a field, returned by
// an unknown call, or written with a computed index).
func (e *Evaluator) slices(v ssa.Value, d int) (alts [][]item, ok bool) {
	e.nodes++
	if e.nodes > MaxNodes || d > MaxDepth {
		return nil, false
	}
	one := func(its []item, ok bool) ([][]item, bool) {
		if !ok {
			return nil, false
		}
		return [][]item{its}, true
	}
	switch v := v.(type) {
	case *ssa.Const:
		if v.IsNil() {
			return [][]item{nil}, true
		}
	case *ssa.Parameter:
		if e.SliceParams && isStringSlice(v.Type()) {
			return [][]item{{{spread: paramIndex(v) + 1}}}, true
		}
	case *ssa.ChangeType:
		return e.slices(v.X, d+1)
	case *ssa.Slice:
		return e.subSlice(v, d)
	case *ssa.MakeSlice:
		n, ok := constInt(v.Len)
		if !ok || n < 0 || n > 1<<20 {
			return nil, false
		}
		its := make([]item, n)
		return one(its, storedElems(v, its, true))
	case *ssa.Phi:
		// A slice appended to on some paths: one alternative per arm. A
		// slice grown in a loop is not known.
		var out [][]item
		for i, edge := range v.Edges {
			pred := v.Block().Preds[i]
			if v.Block().Dominates(pred) {
				return nil, false
			}
			if !e.feasible(pred, v.Block(), d) {
				continue
			}
			alts, ok := e.slices(edge, d+1)
			if !ok {
				return nil, false
			}
			out = append(out, alts...)
		}
		if len(out) == 0 || len(out) > MaxAlts {
			return nil, false
		}
		return out, true
	case *ssa.Call:
		if b, ok := v.Call.Value.(*ssa.Builtin); ok && b.Name() == "append" && len(v.Call.Args) == 2 && isStringSlice(v.Call.Args[1].Type()) {
			heads, ok := e.slices(v.Call.Args[0], d+1)
			if !ok {
				return nil, false
			}
			tails, ok := e.slices(v.Call.Args[1], d+1)
			if !ok || len(heads)*len(tails) > MaxAlts {
				return nil, false
			}
			var out [][]item
			for _, h := range heads {
				for _, t := range tails {
					out = append(out, append(h[:len(h):len(h)], t...))
				}
			}
			return out, true
		}
		if fn := v.Call.StaticCallee(); fn != nil && FuncName(fn) == "strings.Split" {
			s, ok1 := constString(v.Call.Args[0])
			sep, ok2 := constString(v.Call.Args[1])
			if ok1 && ok2 {
				var its []item
				for _, part := range strings.Split(s, sep) {
					its = append(its, item{vals: []ssa.Value{ssa.NewConst(constant.MakeString(part), types.Typ[types.String])}})
				}
				return [][]item{its}, true
			}
		}
	}
	return nil, false
}

// subSlice returns the elements of s[lo:hi], where s is an array literal
// (slice literals and variadic calls are those) or a known slice.
func (e *Evaluator) subSlice(v *ssa.Slice, d int) ([][]item, bool) {
	var alts [][]item
	if arr, ok := v.X.(*ssa.Alloc); ok {
		its, ok := e.array(arr)
		if !ok {
			return nil, false
		}
		alts = [][]item{its}
	} else if isStringSlice(v.X.Type()) {
		var ok bool
		if alts, ok = e.slices(v.X, d+1); !ok {
			return nil, false
		}
	} else {
		return nil, false
	}
	var out [][]item
	for _, its := range alts {
		lo, hi := 0, len(its)
		if v.Low != nil || v.High != nil {
			for _, it := range its {
				if it.spread != 0 {
					return nil, false // bounds inside a slice of unknown length
				}
			}
		}
		if v.Low != nil {
			n, ok := constInt(v.Low)
			if !ok {
				return nil, false
			}
			lo = int(n)
		}
		if v.High != nil {
			n, ok := constInt(v.High)
			if !ok {
				return nil, false
			}
			hi = int(n)
		}
		if lo < 0 || hi > len(its) || lo > hi {
			return nil, false
		}
		sub := append([]item(nil), its[lo:hi]...)
		// Writes through the slice value itself (parts[1] = x).
		if !storedElems(v, sub, !fresh(v.X)) {
			return nil, false
		}
		out = append(out, sub)
	}
	return out, true
}

// array returns the elements of a local array of strings (once per
// evaluator: a literal may have thousands).
func (e *Evaluator) array(arr *ssa.Alloc) ([]item, bool) {
	if its, ok := e.arrays[arr]; ok {
		return its, its != nil
	}
	if e.arrays == nil {
		e.arrays = map[*ssa.Alloc][]item{}
	}
	its, ok := arrayItems(arr)
	if !ok {
		its = nil
	} else if its == nil {
		its = []item{}
	}
	e.arrays[arr] = its
	return its, ok
}

func arrayItems(arr *ssa.Alloc) ([]item, bool) {
	p, ok := arr.Type().Underlying().(*types.Pointer)
	if !ok {
		return nil, false
	}
	a, ok := p.Elem().Underlying().(*types.Array)
	if !ok || a.Len() > 1<<20 || !gotypes.IsString(a.Elem()) {
		return nil, false
	}
	its := make([]item, a.Len())
	// A literal's elements are all stored; another array starts as zero
	// values that code elsewhere may fill, through any slice of it.
	if !storedElems(arr, its, !fresh(arr)) {
		return nil, false
	}
	if !fresh(arr) {
		for _, r := range *arr.Referrers() {
			if sl, ok := r.(*ssa.Slice); ok && !storedElems(sl, its, true) {
				return nil, false
			}
		}
	}
	return its, true
}

// storedElems records in its the values stored through &x[k] for constant
// k; it returns false when x is written with a computed index, or, when
// zeroUnknown is set, marks the elements nothing was stored to unknown if
// x escapes to code that may fill it.
func storedElems(x ssa.Value, its []item, zeroUnknown bool) bool {
	refs := x.Referrers()
	if refs == nil {
		return true
	}
	escapes := false
	stored := make([]bool, len(its))
	for _, r := range *refs {
		ia, ok := r.(*ssa.IndexAddr)
		if !ok {
			switch r := r.(type) {
			case *ssa.Slice, *ssa.DebugRef:
			case *ssa.Call:
				if reorders(&r.Call) {
					return false
				}
				if !pureCall(&r.Call) {
					escapes = true
				}
			default:
				escapes = true
			}
			continue
		}
		var st []ssa.Value
		for _, rr := range *ia.Referrers() {
			if s, ok := rr.(*ssa.Store); ok && s.Addr == ia {
				val := s.Val
				if mi, ok := val.(*ssa.MakeInterface); ok {
					val = mi.X
				}
				st = append(st, val)
			}
		}
		if len(st) == 0 {
			continue
		}
		k, ok := constInt(ia.Index)
		if !ok || k < 0 || int(k) >= len(its) {
			return false
		}
		its[k].vals = append(its[k].vals[:len(its[k].vals):len(its[k].vals)], st...)
		stored[k] = true
	}
	if zeroUnknown && escapes {
		for k := range its {
			if !stored[k] {
				its[k].unknown = true
			}
		}
	}
	return true
}

// fresh reports whether x is a slice literal's or a variadic call's array,
// all of whose elements are stored where it is made.
func fresh(x ssa.Value) bool {
	a, ok := x.(*ssa.Alloc)
	return ok && (a.Comment == "slicelit" || a.Comment == "varargs")
}

// reorders reports whether a call may sort, reverse or otherwise rewrite
// the slice it is given in place (package sort and slices).
func reorders(c *ssa.CallCommon) bool {
	fn := c.StaticCallee()
	if fn == nil {
		return false
	}
	name := FuncName(fn)
	return strings.HasPrefix(name, "sort.") || strings.HasPrefix(name, "slices.")
}

func constInt(v ssa.Value) (int64, bool) {
	c, ok := v.(*ssa.Const)
	if !ok || c.Value == nil || c.Value.Kind() != constant.Int {
		return 0, false
	}
	return constant.Int64Val(c.Value)
}

// itemPatterns returns the alternatives of a known element.
func (e *Evaluator) itemPatterns(it item, d int) []Pattern {
	switch {
	case it.unknown || it.spread != 0:
		return any1
	case len(it.vals) == 0:
		return []Pattern{nil}
	}
	var out []Pattern
	for _, v := range it.vals {
		if !gotypes.IsString(v.Type()) {
			return any1
		}
		out = append(out, e.str(v, d)...)
	}
	return Dedup(out)
}

// parts evaluates a slice's items for JoinParts and EncodeSlice, keeping
// the first MaxElems elements and a wildcard element for the rest.
func (e *Evaluator) parts(its []item, d int) []Part {
	var out []Part
	for k, it := range its {
		if k == MaxElems {
			out = append(out, Part{Alts: any1})
			break
		}
		if it.spread != 0 {
			out = append(out, Part{Spread: it.spread})
			continue
		}
		out = append(out, Part{Alts: e.itemPatterns(it, d)})
	}
	return out
}

// slicePatterns returns the encoded slice (EncodeSlice) v holds, for a
// call's argument: what Subst fills a slice parameter reference with.
func (e *Evaluator) slicePatterns(v ssa.Value, d int) []Pattern {
	return e.overSlices(v, d, func(its []item) ([]Pattern, bool) {
		return EncodeSlice(e.parts(its, d))
	})
}

// overSlices returns the alternatives f gives for the slices v may be, or
// a wildcard when they are not known or f gives up on one.
func (e *Evaluator) overSlices(v ssa.Value, d int, f func(its []item) ([]Pattern, bool)) []Pattern {
	alts, ok := e.slices(v, d)
	if !ok {
		return any1
	}
	var out []Pattern
	for _, its := range alts {
		ps, ok := f(its)
		if !ok {
			return any1
		}
		out = append(out, ps...)
	}
	if len(out) == 0 {
		return any1
	}
	return Dedup(out)
}

// element returns what s[i] loads: the element when the index is known
// (a constant, or the counter of a loop being unrolled), otherwise any of
// the elements.
func (e *Evaluator) element(ia *ssa.IndexAddr, d int) []Pattern {
	if !isStringSlice(ia.X.Type()) {
		return any1
	}
	k, known := e.intVal(ia.Index, d)
	return e.overSlices(ia.X, d, func(its []item) ([]Pattern, bool) {
		if known {
			for j, it := range its {
				if it.spread != 0 {
					return nil, false // the index is past a run of unknown length
				}
				if int64(j) == k {
					return e.itemPatterns(it, d), true
				}
			}
			return nil, false
		}
		if len(its) > MaxElems {
			return nil, false
		}
		var out []Pattern
		for _, it := range its {
			if it.spread != 0 {
				return nil, false
			}
			out = append(out, e.itemPatterns(it, d)...)
		}
		return out, len(out) > 0
	})
}
