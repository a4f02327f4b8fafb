package strpat

import (
	"go/constant"
	"strings"

	"golang.org/x/tools/go/ssa"
)

// builderWalk follows the writes to a local strings.Builder or
// bytes.Buffer through the control flow graph of its function, up to the
// String() call at: the content is one set of alternatives per point, the
// arms of a branch give alternatives, a loop over a known slice is
// unrolled, and any other loop that writes adds a wildcard.
type builderWalk struct {
	e      *Evaluator
	alloc  *ssa.Alloc
	at     ssa.Instruction
	d      int
	order  []*ssa.BasicBlock // reverse postorder of the function
	result []Pattern         // content at `at`, over all the times it runs
	seen   bool              // `at` was reached
}

// builder evaluates the String() call at on the local builder alloc.
func (e *Evaluator) builder(alloc *ssa.Alloc, at ssa.Instruction, d int) []Pattern {
	fn := alloc.Parent()
	if fn == nil || len(fn.Blocks) == 0 || at == nil {
		return any1
	}
	order, ok := e.orders[fn]
	if !ok {
		if e.orders == nil {
			e.orders = map[*ssa.Function][]*ssa.BasicBlock{}
		}
		order = reversePostorder(fn)
		e.orders[fn] = order
	}
	w := &builderWalk{e: e, alloc: alloc, at: at, d: d, order: order}
	w.run(func(*ssa.BasicBlock) bool { return true }, fn.Blocks[0], []Pattern{nil}, nil)
	if !w.seen || len(w.result) == 0 {
		return any1
	}
	return Dedup(w.result)
}

func reversePostorder(fn *ssa.Function) []*ssa.BasicBlock {
	seen := make([]bool, len(fn.Blocks))
	var post []*ssa.BasicBlock
	var visit func(b *ssa.BasicBlock)
	visit = func(b *ssa.BasicBlock) {
		seen[b.Index] = true
		for _, s := range b.Succs {
			if !seen[s.Index] {
				visit(s)
			}
		}
		post = append(post, b)
	}
	visit(fn.Blocks[0])
	for i, j := 0, len(post)-1; i < j; i, j = i+1, j-1 {
		post[i], post[j] = post[j], post[i]
	}
	return post
}

func union(a, b []Pattern) []Pattern {
	if a == nil {
		return b
	}
	return Dedup(append(append([]Pattern(nil), a...), b...))
}

// run interprets the blocks for which in holds, from entry with content
// init, in reverse postorder; an inner loop is handled as one step. It
// returns the content flowing along the edges back to header (the loop
// being unrolled; nil for the whole function).
func (w *builderWalk) run(in func(*ssa.BasicBlock) bool, entry *ssa.BasicBlock, init []Pattern, header *ssa.BasicBlock) (back []Pattern) {
	states := map[*ssa.BasicBlock][]Pattern{entry: init}
	done := map[*ssa.BasicBlock]bool{}
	flow := func(to *ssa.BasicBlock, s []Pattern) {
		if to == header {
			back = union(back, s)
			return
		}
		states[to] = union(states[to], s)
	}
	for _, b := range w.order {
		s, reached := states[b]
		if !in(b) || done[b] || !reached {
			continue
		}
		if w.e.nodes > MaxNodes {
			// Out of budget: what is known so far, then anything.
			s = Product(s, any1)
			if w.at.Block() == b {
				w.record(s)
			}
			for _, t := range b.Succs {
				flow(t, s)
			}
			continue
		}
		if l := w.e.loopAt(b); l != nil && b != header {
			out := w.loop(l, s)
			for x := range l.blocks {
				done[x] = true
				for _, t := range x.Succs {
					if !l.blocks[t] && out != nil {
						flow(t, out)
					}
				}
			}
			continue
		}
		s = w.block(b, s)
		for _, t := range b.Succs {
			if !w.e.deciding() || w.e.takes(b, t, w.d) {
				flow(t, s)
			}
		}
	}
	return back
}

func (w *builderWalk) record(s []Pattern) {
	w.seen = true
	w.result = union(w.result, s)
}

// loop returns the content after the loop l, entered with content s.
func (w *builderWalk) loop(l *loop, s []Pattern) []Pattern {
	if !w.touches(l) {
		if l.blocks[w.at.Block()] {
			w.record(s)
		}
		return s
	}
	if l.exit != nil && l.slice != nil && w.e.unrolling[l.header] == 0 {
		if alts, ok := w.e.slices(l.slice, w.d); ok && !(l.blocks[w.at.Block()] && hasSpread(alts)) {
			// (String() inside a loop over a slice parameter would see
			// the placeholders a run of its elements is evaluated with.)
			step := func(acc []Pattern) []Pattern {
				acc = w.block(l.header, acc)
				inside := func(b *ssa.BasicBlock) bool { return l.blocks[b] && b != l.header }
				return w.run(inside, l.header.Succs[0], acc, l.header)
			}
			if out, ok := w.e.unrollEach(l, alts, s, w.d, step); ok {
				return w.block(l.header, out)
			}
		}
	}
	// Not unrolled: the loop may write anything, any number of times.
	s = Product(s, any1)
	if l.blocks[w.at.Block()] {
		w.record(s)
	}
	return s
}

func hasSpread(alts [][]item) bool {
	for _, its := range alts {
		for _, it := range its {
			if it.spread != 0 {
				return true
			}
		}
	}
	return false
}

// touches reports whether the loop writes to the builder or holds `at`.
func (w *builderWalk) touches(l *loop) bool {
	if l.blocks[w.at.Block()] {
		return true
	}
	for b := range l.blocks {
		for _, instr := range b.Instrs {
			if w.uses(instr) {
				return true
			}
		}
	}
	return false
}

// uses reports whether instr may change the builder.
func (w *builderWalk) uses(instr ssa.Instruction) bool {
	call, ok := instr.(ssa.CallInstruction)
	if !ok {
		if st, ok := instr.(*ssa.Store); ok {
			return unbox(st.Val) == w.alloc
		}
		return false
	}
	for _, a := range call.Common().Args {
		if unbox(a) == w.alloc {
			return true
		}
	}
	return false
}

func unbox(v ssa.Value) ssa.Value {
	if mi, ok := v.(*ssa.MakeInterface); ok {
		return mi.X
	}
	return v
}

// block applies the writes of block b to the content s.
func (w *builderWalk) block(b *ssa.BasicBlock, s []Pattern) []Pattern {
	for _, instr := range b.Instrs {
		if instr == w.at {
			w.record(s)
		}
		if !w.uses(instr) {
			continue
		}
		s = w.write(instr, s)
	}
	return s
}

// write applies one call that uses the builder.
func (w *builderWalk) write(instr ssa.Instruction, s []Pattern) []Pattern {
	call, ok := instr.(ssa.CallInstruction)
	if !ok {
		return Product(s, any1) // the builder's address stored away
	}
	c := call.Common()
	callee := c.StaticCallee()
	if callee == nil {
		return Product(s, any1)
	}
	e, d := w.e, w.d
	recv := len(c.Args) > 0 && c.Args[0] == w.alloc
	switch name := FuncName(callee); {
	case recv && (name == "(*strings.Builder).WriteString" || name == "(*bytes.Buffer).WriteString"):
		return Product(s, e.str(c.Args[1], d))
	case recv && (strings.HasSuffix(name, ").WriteByte") || strings.HasSuffix(name, ").WriteRune")):
		if k, ok := c.Args[1].(*ssa.Const); ok && k.Value != nil {
			if r, ok := constant.Int64Val(k.Value); ok {
				return Product(s, []Pattern{Lit(string(rune(r)))})
			}
		}
		return Product(s, any1)
	case recv && (strings.HasSuffix(name, ").String") || strings.HasSuffix(name, ").Len") ||
		strings.HasSuffix(name, ").Cap") || strings.HasSuffix(name, ").Grow")):
		return s
	case recv && strings.HasSuffix(name, ").Reset"):
		return []Pattern{nil}
	case name == "fmt.Fprintf" && len(c.Args) == 3 && unbox(c.Args[0]) == w.alloc:
		return Product(s, e.sprintf(c.Args[1], c.Args[2], d))
	}
	// Write([]byte), Fprint, an encoder, a helper given the builder:
	// unknown text.
	return Product(s, any1)
}
