package strpat

import (
	"go/constant"
	"go/token"
	"strconv"
	"strings"

	"golang.org/x/tools/go/ssa"

	"github.com/connectlint/connectlint/internal/gotypes"
)

// Loops.
//
// A loop over the elements of a slice the evaluator knows (items) is
// unrolled: the string it builds is evaluated once per element, with the
// element and the loop counter bound to their values, and the results are
// concatenated in order. Inside an unrolled loop, branches whose condition
// the bound values decide take only their arm (see cond). A run of
// elements standing for a slice parameter (a variadic helper's own
// summary) is evaluated once with placeholders, and becomes a SliceParam
// reference when every element adds the same text around it.
//
// Any other loop, and a loop whose intermediate values something inside
// it observes (an http.Get(u) in the body), keeps the old treatment: what
// the string held before the loop, then a wildcard.

// A loop is a natural loop of the SSA control flow graph.
type loop struct {
	header *ssa.BasicBlock
	blocks map[*ssa.BasicBlock]bool // header included
	backs  []*ssa.BasicBlock        // predecessors of header inside the loop
	// exit is the block after the loop when the only way out is the
	// header's condition being false; nil otherwise.
	exit *ssa.BasicBlock

	// The loop counts through the slice's indices (range over a slice, or
	// i := 0; i < len(s); i++): slice is s and index is the value that
	// is 0, 1, ... in the body; prev, when set, is i-1 (range form).
	slice, index ssa.Value
	prev         ssa.Value
}

// loopAt returns the loop whose header is b, or nil.
func (e *Evaluator) loopAt(b *ssa.BasicBlock) *loop {
	if l, ok := e.loops[b]; ok {
		return l
	}
	if e.loops == nil {
		e.loops = map[*ssa.BasicBlock]*loop{}
	}
	var l *loop
	for _, p := range b.Preds {
		if b.Dominates(p) {
			if l == nil {
				l = &loop{header: b, blocks: map[*ssa.BasicBlock]bool{b: true}}
			}
			l.backs = append(l.backs, p)
		}
	}
	if l != nil {
		// The natural loop: blocks reaching a back edge without passing
		// the header.
		work := append([]*ssa.BasicBlock(nil), l.backs...)
		for len(work) > 0 {
			x := work[len(work)-1]
			work = work[:len(work)-1]
			if l.blocks[x] {
				continue
			}
			l.blocks[x] = true
			work = append(work, x.Preds...)
		}
		l.exit = singleExit(l)
		if l.exit != nil {
			rangeCounter(l)
		}
	}
	e.loops[b] = l
	return l
}

// singleExit returns the block after l when the header's condition is the
// only way out of l (no break, return or panic inside).
func singleExit(l *loop) *ssa.BasicBlock {
	h := l.header
	if _, ok := h.Instrs[len(h.Instrs)-1].(*ssa.If); !ok || !l.blocks[h.Succs[0]] || l.blocks[h.Succs[1]] {
		return nil
	}
	for b := range l.blocks {
		if b != h && len(b.Succs) == 0 {
			return nil
		}
		for _, s := range b.Succs {
			if !l.blocks[s] && b != h {
				return nil
			}
		}
	}
	return h.Succs[1]
}

// rangeCounter recognises a loop over the indices of a slice: the header
// tests i < len(s), where i starts at 0 and grows by one per iteration.
func rangeCounter(l *loop) {
	h := l.header
	cond, ok := h.Instrs[len(h.Instrs)-1].(*ssa.If).Cond.(*ssa.BinOp)
	if !ok || cond.Op != token.LSS {
		return
	}
	lenCall, ok := cond.Y.(*ssa.Call)
	if !ok {
		return
	}
	if b, ok := lenCall.Call.Value.(*ssa.Builtin); !ok || b.Name() != "len" || !isStringSlice(lenCall.Call.Args[0].Type()) {
		return
	}
	// counts tells whether phi starts at first and its back edges carry next.
	counts := func(phi *ssa.Phi, first int64, next func(ssa.Value) bool) bool {
		if phi.Block() != h {
			return false
		}
		for i, v := range phi.Edges {
			if l.blocks[h.Preds[i]] {
				if !next(v) {
					return false
				}
			} else if n, ok := constInt(v); !ok || n != first {
				return false
			}
		}
		return true
	}
	plusOne := func(v, of ssa.Value) bool {
		b, ok := v.(*ssa.BinOp)
		if !ok || b.Op != token.ADD || b.X != of {
			return false
		}
		n, ok := constInt(b.Y)
		return ok && n == 1
	}
	switch x := cond.X.(type) {
	case *ssa.Phi: // for i := 0; i < len(s); i++
		if counts(x, 0, func(v ssa.Value) bool { return plusOne(v, x) }) {
			l.slice, l.index = lenCall.Call.Args[0], x
		}
	case *ssa.BinOp: // for i := range s: the phi holds i-1
		p, ok := x.X.(*ssa.Phi)
		if ok && plusOne(x, p) && counts(p, -1, func(v ssa.Value) bool { return v == x }) {
			l.slice, l.index, l.prev = lenCall.Call.Args[0], x, p
		}
	}
}

// elementLoads returns the loads of s[i] in l's body, i being the counter.
func (l *loop) elementLoads() []ssa.Value {
	var out []ssa.Value
	for _, r := range *l.slice.Referrers() {
		ia, ok := r.(*ssa.IndexAddr)
		if !ok || ia.X != l.slice || ia.Index != l.index || !l.blocks[ia.Block()] {
			continue
		}
		for _, rr := range *ia.Referrers() {
			if u, ok := rr.(*ssa.UnOp); ok && u.Op == token.MUL {
				out = append(out, u)
			}
		}
	}
	return out
}

// bindIteration binds l's counter to k (unknown when k < 0) and the
// element loads to el; it returns the function undoing it.
func (e *Evaluator) bindIteration(l *loop, loads []ssa.Value, k int, el []Pattern) func() {
	var keys []ssa.Value
	set := func(v ssa.Value, p []Pattern) {
		if e.bound == nil {
			e.bound = map[ssa.Value][]Pattern{}
		}
		e.bound[v] = p
		keys = append(keys, v)
	}
	if k >= 0 {
		set(l.index, []Pattern{Lit(strconv.Itoa(k))})
		if l.prev != nil {
			set(l.prev, []Pattern{Lit(strconv.Itoa(k - 1))})
		}
	}
	for _, v := range loads {
		set(v, el)
	}
	if e.unrolling == nil {
		e.unrolling = map[*ssa.BasicBlock]int{}
	}
	e.unrolling[l.header]++
	return func() {
		for _, v := range keys {
			delete(e.bound, v)
		}
		if e.unrolling[l.header]--; e.unrolling[l.header] == 0 {
			delete(e.unrolling, l.header)
		}
	}
}

// Placeholders for the accumulated string and the element while a run of
// elements of unknown length is evaluated (see template).
var (
	accHole  = Pattern{{Wild: true, Param: 1 << 30}}
	elemHole = Pattern{{Wild: true, Param: 1<<30 + 1}}
)

// template reads one iteration's result, accHole+pre+elemHole+suf, and
// returns pre and suf.
func template(alts []Pattern) (pre, suf string, ok bool) {
	if len(alts) != 1 {
		return "", "", false
	}
	p := alts[0]
	if len(p) < 2 || !p[0].Equal(accHole[0]) {
		return "", "", false
	}
	p = p[1:]
	if !p[0].Wild {
		pre, p = p[0].Lit, p[1:]
	}
	if len(p) == 0 || !p[0].Equal(elemHole[0]) {
		return "", "", false
	}
	p = p[1:]
	if len(p) == 1 && !p[0].Wild {
		suf, p = p[0].Lit, p[1:]
	}
	return pre, suf, len(p) == 0
}

// Equal reports whether two elements are the same.
func (e Elem) Equal(f Elem) bool { return e == f }

// unroll runs a loop over the known items its: step(acc) returns the
// alternatives after one more iteration, the element and the counter
// being bound. A run standing for a slice parameter is evaluated with
// placeholders (see template). ok is false when the loop cannot be
// unrolled: too many elements, or a run whose iterations do not all add
// the same text around the element.
func (e *Evaluator) unroll(l *loop, its []item, init []Pattern, d int, step func(acc []Pattern) []Pattern) (out []Pattern, ok bool) {
	if len(its) > MaxElems {
		return nil, false
	}
	loads := l.elementLoads()
	acc := init
	counted := true // the counter's value is known
	for k, it := range its {
		e.nodes++
		if e.nodes > MaxNodes {
			return nil, false
		}
		if it.spread != 0 {
			run := func(i int) (string, string, bool) {
				undo := e.bindIteration(l, loads, i, []Pattern{elemHole})
				defer undo()
				return template(step([]Pattern{accHole}))
			}
			var ref Pattern
			if counted && k == 0 {
				// The first element may differ from the others only
				// by a separator the later ones write first.
				pre0, suf0, ok0 := run(0)
				pre1, suf1, ok1 := run(1)
				pre2, suf2, ok2 := run(2)
				if !ok0 || !ok1 || !ok2 || pre1 != pre2 || suf1 != suf2 || suf0 != suf1 || !strings.HasSuffix(pre1, pre0) {
					return nil, false
				}
				ref, ok = SliceParam(it.spread-1, pre0, pre1[:len(pre1)-len(pre0)], suf0)
			} else {
				i := -1
				if counted {
					i = k
				}
				pre, suf, ok1 := run(i)
				if counted {
					preB, sufB, okB := run(k + 1)
					ok1 = ok1 && okB && pre == preB && suf == sufB
				}
				if !ok1 {
					return nil, false
				}
				ref, ok = SliceParam(it.spread-1, pre, "", suf)
			}
			if !ok {
				return nil, false
			}
			acc = Product(acc, []Pattern{ref})
			counted = false
			continue
		}
		i := -1
		if counted {
			i = k
		}
		undo := e.bindIteration(l, loads, i, e.itemPatterns(it, d))
		next := step(acc)
		undo()
		if len(next) == 0 {
			return nil, false
		}
		acc = next
	}
	return acc, true
}

// unrollPhi evaluates a string the loop l builds in the phi v (s += ...),
// when l runs over a known slice and nothing in l observes the string
// before the loop ends.
func (e *Evaluator) unrollPhi(v *ssa.Phi, l *loop, d int) ([]Pattern, bool) {
	if l.slice == nil || !gotypes.IsString(v.Type()) || !accumulates(v, l) {
		return nil, false
	}
	alts, ok := e.slices(l.slice, d)
	if !ok {
		return nil, false
	}
	var init []Pattern
	for i, edge := range v.Edges {
		if !l.blocks[l.header.Preds[i]] {
			init = append(init, e.str(edge, d)...)
		}
	}
	step := func(acc []Pattern) []Pattern {
		e.bound[v] = acc
		defer delete(e.bound, v)
		var next []Pattern
		for i, edge := range v.Edges {
			if p := l.header.Preds[i]; l.blocks[p] && e.feasible(p, l.header, d) {
				next = append(next, e.str(edge, d)...)
			}
		}
		return Dedup(next)
	}
	init = Dedup(init)
	out, ok := e.unrollEach(l, alts, init, d, step)
	if !ok && e.nodes > MaxNodes {
		// Out of budget: the old treatment could no longer see even the
		// string before the loop.
		return Product(init, any1), true
	}
	return out, ok
}

// unrollEach unrolls l over each slice it may run over.
func (e *Evaluator) unrollEach(l *loop, alts [][]item, init []Pattern, d int, step func(acc []Pattern) []Pattern) ([]Pattern, bool) {
	var out []Pattern
	for _, its := range alts {
		ps, ok := e.unroll(l, its, init, d, step)
		if !ok {
			return nil, false
		}
		out = append(out, ps...)
	}
	return Dedup(out), true
}

// accumulates reports whether the values computed from v inside l only
// compute more of the string: nothing in the loop sends, stores or passes
// on an intermediate value (then only the final one is observable, after
// the loop).
func accumulates(v *ssa.Phi, l *loop) bool {
	seen := map[ssa.Value]bool{v: true}
	work := []ssa.Value{v}
	for len(work) > 0 {
		x := work[len(work)-1]
		work = work[:len(work)-1]
		for _, r := range *x.Referrers() {
			if !l.blocks[r.Block()] {
				if x == v {
					continue // the final value, after the loop
				}
				return false
			}
			var next ssa.Value
			switch r := r.(type) {
			case *ssa.If, *ssa.DebugRef:
				continue
			case *ssa.Phi, *ssa.BinOp, *ssa.ChangeType, *ssa.Convert, *ssa.Slice:
				next = r.(ssa.Value)
			case *ssa.Call:
				if !pureCall(&r.Call) {
					return false
				}
				next = r
			case *ssa.MakeInterface:
				// fmt.Sprintf("%s/%s", s, p): through the varargs array.
				call := varargsCall(r)
				if call == nil || !pureCall(&call.Call) {
					return false
				}
				next = call
			default:
				return false
			}
			if !seen[next] {
				seen[next] = true
				work = append(work, next)
			}
		}
	}
	return true
}

// varargsCall returns the call a boxed value is passed to as a variadic
// argument (MakeInterface, stored to &arr[k], arr sliced into the call).
func varargsCall(mi *ssa.MakeInterface) *ssa.Call {
	var call *ssa.Call
	for _, r := range *mi.Referrers() {
		st, ok := r.(*ssa.Store)
		if !ok || st.Val != mi {
			return nil
		}
		ia, ok := st.Addr.(*ssa.IndexAddr)
		if !ok {
			return nil
		}
		arr, ok := ia.X.(*ssa.Alloc)
		if !ok || arr.Comment != "varargs" {
			return nil
		}
		for _, ar := range *arr.Referrers() {
			sl, ok := ar.(*ssa.Slice)
			if !ok {
				continue
			}
			for _, sr := range *sl.Referrers() {
				if c, ok := sr.(*ssa.Call); ok && (call == nil || call == c) {
					call = c
				} else {
					return nil
				}
			}
		}
	}
	return call
}

// pureCall reports whether a call only computes a value from its
// arguments (string functions, len).
func pureCall(c *ssa.CallCommon) bool {
	if b, ok := c.Value.(*ssa.Builtin); ok {
		return b.Name() == "len"
	}
	fn := c.StaticCallee()
	if fn == nil || fn.Signature.Recv() != nil || fn.Pkg == nil {
		return false
	}
	switch fn.Pkg.Pkg.Path() {
	case "strings", "path", "strconv":
		return true
	}
	switch FuncName(fn) {
	case "fmt.Sprintf", "fmt.Sprint", "net/url.PathEscape", "net/url.QueryEscape", "net/url.JoinPath":
		return true
	}
	return false
}

// deciding reports whether branch conditions are evaluated: only inside
// an unrolled loop, where the bound element and counter decide them.
func (e *Evaluator) deciding() bool { return len(e.unrolling) > 0 }

// feasible reports whether control can flow from block p to its
// successor b, given the conditions the bound values decide: the edge
// itself, and the edges on p's dominator path (up to a few levels).
func (e *Evaluator) feasible(p, b *ssa.BasicBlock, d int) bool {
	if !e.deciding() {
		return true
	}
	if !e.takes(p, b, d) {
		return false
	}
	x := p
	for range 8 {
		dom := x.Idom()
		if dom == nil {
			break
		}
		if len(x.Preds) == 1 && x.Preds[0] == dom && !e.takes(dom, x, d) {
			return false
		}
		x = dom
	}
	return true
}

// takes reports whether p may continue to its successor s.
func (e *Evaluator) takes(p, s *ssa.BasicBlock, d int) bool {
	ifi, ok := p.Instrs[len(p.Instrs)-1].(*ssa.If)
	if !ok || p.Succs[0] == p.Succs[1] {
		return true
	}
	c, known := e.cond(ifi.Cond, d)
	if !known {
		return true
	}
	if c {
		return s == p.Succs[0]
	}
	return s == p.Succs[1]
}

// cond evaluates a branch condition: comparisons of strings, string
// lengths and integers the evaluator knows. A string the code does not
// fix (a wildcard) is taken to be non-empty: code that tests an element
// for "" before writing it ("if p != "" { b.WriteString("/" + p) }")
// skips empty path segments, and an ID in a path is not empty.
func (e *Evaluator) cond(v ssa.Value, d int) (val, known bool) {
	e.nodes++
	if e.nodes > MaxNodes || d > MaxDepth {
		return false, false
	}
	switch v := v.(type) {
	case *ssa.Const:
		if v.Value != nil && v.Value.Kind() == constant.Bool {
			return constant.BoolVal(v.Value), true
		}
	case *ssa.UnOp:
		if v.Op == token.NOT {
			c, ok := e.cond(v.X, d+1)
			return !c, ok
		}
	case *ssa.BinOp:
		switch v.Op {
		case token.EQL, token.NEQ, token.LSS, token.LEQ, token.GTR, token.GEQ:
		default:
			return false, false
		}
		if gotypes.IsString(v.X.Type()) {
			return e.compareStrings(v, d)
		}
		x, okX := e.intVal(v.X, d+1)
		y, okY := e.intVal(v.Y, d+1)
		if okX && okY {
			return compareInts(v.Op, x, y), true
		}
		// len(s) against 0, s not fixed: s is taken to be non-empty.
		if okY && y == 0 && isLen(v.X) {
			if empty, known := e.emptiness(v.X.(*ssa.Call).Call.Args[0], d+1); known {
				n := int64(1)
				if empty {
					n = 0
				}
				return compareInts(v.Op, n, 0), true
			}
		}
	}
	return false, false
}

func isLen(v ssa.Value) bool {
	c, ok := v.(*ssa.Call)
	if !ok {
		return false
	}
	b, ok := c.Call.Value.(*ssa.Builtin)
	return ok && b.Name() == "len" && gotypes.IsString(c.Call.Args[0].Type())
}

func compareInts(op token.Token, x, y int64) bool {
	switch op {
	case token.EQL:
		return x == y
	case token.NEQ:
		return x != y
	case token.LSS:
		return x < y
	case token.LEQ:
		return x <= y
	case token.GTR:
		return x > y
	}
	return x >= y
}

// compareStrings decides s == t (and the other comparisons) when both are
// known strings, or one is "" and the other surely is or is not empty.
func (e *Evaluator) compareStrings(v *ssa.BinOp, d int) (val, known bool) {
	x, y := e.str(v.X, d+1), e.str(v.Y, d+1)
	if len(x) == 1 && len(y) == 1 {
		xs, okX := x[0].Const()
		ys, okY := y[0].Const()
		if okX && okY {
			return compareInts(v.Op, int64(strings.Compare(xs, ys)), 0), true
		}
	}
	if v.Op != token.EQL && v.Op != token.NEQ {
		return false, false
	}
	other := x
	if len(x) == 1 && len(x[0]) == 0 {
		other = y
	} else if !(len(y) == 1 && len(y[0]) == 0) {
		return false, false
	}
	empty, ok := allEmpty(other)
	if !ok {
		return false, false
	}
	return empty == (v.Op == token.EQL), true
}

// emptiness tells whether the string v surely is, or is taken not to be,
// empty.
func (e *Evaluator) emptiness(v ssa.Value, d int) (empty, known bool) {
	return allEmpty(e.str(v, d))
}

func allEmpty(alts []Pattern) (empty, known bool) {
	nEmpty := 0
	for _, p := range alts {
		if len(p) == 0 {
			nEmpty++
		}
	}
	switch nEmpty {
	case 0:
		return false, true
	case len(alts):
		return true, true
	}
	return false, false
}

// intVal evaluates an integer: constants, a bound loop counter, len of a
// known string or slice, and sums and differences of those.
func (e *Evaluator) intVal(v ssa.Value, d int) (int64, bool) {
	if b, ok := e.bound[v]; ok {
		if len(b) == 1 {
			if s, ok := b[0].Const(); ok {
				n, err := strconv.ParseInt(s, 10, 64)
				return n, err == nil
			}
		}
		return 0, false
	}
	e.nodes++
	if e.nodes > MaxNodes || d > MaxDepth {
		return 0, false
	}
	switch v := v.(type) {
	case *ssa.Const:
		return constInt(v)
	case *ssa.BinOp:
		x, okX := e.intVal(v.X, d+1)
		y, okY := e.intVal(v.Y, d+1)
		if !okX || !okY {
			return 0, false
		}
		switch v.Op {
		case token.ADD:
			return x + y, true
		case token.SUB:
			return x - y, true
		}
	case *ssa.Call:
		if b, ok := v.Call.Value.(*ssa.Builtin); ok && b.Name() == "len" {
			arg := v.Call.Args[0]
			if gotypes.IsString(arg.Type()) {
				if alts := e.str(arg, d+1); len(alts) == 1 {
					if s, ok := alts[0].Const(); ok {
						return int64(len(s)), true
					}
				}
				return 0, false
			}
			if alts, ok := e.slices(arg, d+1); ok {
				n := -1
				for _, its := range alts {
					for _, it := range its {
						if it.spread != 0 {
							return 0, false
						}
					}
					if n >= 0 && n != len(its) {
						return 0, false
					}
					n = len(its)
				}
				return int64(n), n >= 0
			}
		}
	}
	return 0, false
}
