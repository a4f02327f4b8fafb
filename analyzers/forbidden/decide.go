package forbidden

import (
	"fmt"
	"go/constant"
	"go/token"
	"net/http"

	"golang.org/x/tools/go/ssa"

	"github.com/connectlint/connectlint/internal/gotypes"
)

// A decision is a chain of branches on the status (s == 200 || s == 403,
// a switch, s >= 400 && s != 403, s/100 == 2). Running it with concrete
// statuses tells where each status lands: the first block that does more
// than compare the status.

// accepts403 returns a comparison with 403 in a decision where 403 lands
// where a 2xx status lands, and a failure (500) does not: the 403 branch
// treats the call as success. It returns nil when there is none.
func (f *flow) accepts403() *ssa.BinOp {
	var decisions []*ssa.BasicBlock
	for _, b := range f.fn.Blocks {
		if t, ok := b.Instrs[len(b.Instrs)-1].(*ssa.If); ok {
			if _, ok := f.eval(t.Cond, 200, nil, 0); ok {
				decisions = append(decisions, b)
			}
		}
	}
	if len(decisions) == 0 {
		return nil
	}
	// Only a chain's head decides: the blocks after it only continue it.
	continued := map[*ssa.BasicBlock]bool{}
	for _, b := range decisions {
		for _, s := range []int{200, 403, 500} {
			f.land(b, s, continued)
		}
	}
	for _, b := range decisions {
		if continued[b] {
			continue
		}
		var cmp403 *ssa.BinOp
		l403, cmp := f.landing(b, 403)
		cmp403 = cmp
		if cmp403 == nil || l403 == nil {
			continue
		}
		l500, _ := f.landing(b, 500)
		if l500 == l403 {
			continue
		}
		for _, ok := range []int{200, 201, 204} {
			if l, _ := f.landing(b, ok); l == l403 {
				return cmp403
			}
		}
	}
	return nil
}

// landing runs the decision at b with status s and returns the block it
// lands in, and the comparison with 403 it passed, if any.
func (f *flow) landing(b *ssa.BasicBlock, s int) (*ssa.BasicBlock, *ssa.BinOp) {
	f.cmp403 = nil
	l := f.land(b, s, nil)
	return l, f.cmp403
}

func (f *flow) land(b *ssa.BasicBlock, s int, continued map[*ssa.BasicBlock]bool) *ssa.BasicBlock {
	var prev *ssa.BasicBlock
	for range 64 {
		var next *ssa.BasicBlock
		switch t := b.Instrs[len(b.Instrs)-1].(type) {
		case *ssa.If:
			v, ok := f.eval(t.Cond, s, prev, 0)
			if !ok || v.Kind() != constant.Bool {
				return b
			}
			if constant.BoolVal(v) {
				next = b.Succs[0]
			} else {
				next = b.Succs[1]
			}
		case *ssa.Jump:
			if prev == nil {
				return b
			}
			next = b.Succs[0]
		default:
			return b
		}
		if !pure(next) {
			return next
		}
		if continued != nil {
			continued[next] = true
		}
		prev, b = b, next
	}
	return b
}

// pure tells whether a block only computes on the status and branches.
func pure(b *ssa.BasicBlock) bool {
	for _, instr := range b.Instrs[:len(b.Instrs)-1] {
		switch instr := instr.(type) {
		case *ssa.Phi, *ssa.BinOp, *ssa.FieldAddr, *ssa.Convert, *ssa.ChangeType, *ssa.DebugRef, *ssa.Index, *ssa.Slice:
		case *ssa.UnOp:
			if instr.Op == token.ARROW {
				return false
			}
		default:
			return false
		}
	}
	switch b.Instrs[len(b.Instrs)-1].(type) {
	case *ssa.If, *ssa.Jump:
		return true
	}
	return false
}

// eval computes v when the status is s, having come to v's block from
// prev (for phis).
func (f *flow) eval(v ssa.Value, s int, prev *ssa.BasicBlock, depth int) (constant.Value, bool) {
	if depth > 16 {
		return nil, false
	}
	if f.roots[v] {
		if gotypes.IsString(v.Type()) {
			return constant.MakeString(fmt.Sprintf("%d %s", s, http.StatusText(s))), true
		}
		return constant.MakeInt64(int64(s)), true
	}
	switch v := v.(type) {
	case *ssa.Const:
		return v.Value, v.Value != nil
	case *ssa.BinOp:
		x, ok := f.eval(v.X, s, prev, depth+1)
		if !ok {
			return nil, false
		}
		y, ok := f.eval(v.Y, s, prev, depth+1)
		if !ok || x.Kind() != y.Kind() {
			return nil, false
		}
		if isComparison(v.Op) {
			if is403(v.X) || is403(v.Y) {
				f.cmp403 = v
			}
			return constant.MakeBool(constant.Compare(x, v.Op, y)), true
		}
		op := v.Op
		switch op {
		case token.QUO:
			if x.Kind() != constant.Int || constant.Sign(y) == 0 {
				return nil, false
			}
			op = token.QUO_ASSIGN // integer division
		case token.REM:
			if x.Kind() != constant.Int || constant.Sign(y) == 0 {
				return nil, false
			}
		case token.ADD, token.SUB, token.MUL, token.LAND, token.LOR:
		default:
			return nil, false
		}
		return constant.BinaryOp(x, op, y), true
	case *ssa.UnOp:
		if v.Op != token.NOT {
			return nil, false
		}
		x, ok := f.eval(v.X, s, prev, depth+1)
		if !ok || x.Kind() != constant.Bool {
			return nil, false
		}
		return constant.MakeBool(!constant.BoolVal(x)), true
	case *ssa.Convert:
		x, ok := f.eval(v.X, s, prev, depth+1)
		if !ok || x.Kind() != constant.Int || !isInteger(v.Type()) {
			return nil, false
		}
		return x, true
	case *ssa.ChangeType:
		return f.eval(v.X, s, prev, depth+1)
	case *ssa.Index:
		x, ok := f.eval(v.X, s, prev, depth+1)
		i, ok2 := f.eval(v.Index, s, prev, depth+1)
		if !ok || !ok2 || x.Kind() != constant.String || i.Kind() != constant.Int {
			return nil, false
		}
		str := constant.StringVal(x)
		k, exact := constant.Int64Val(i)
		if !exact || k < 0 || k >= int64(len(str)) {
			return nil, false
		}
		return constant.MakeInt64(int64(str[k])), true
	case *ssa.Slice:
		x, ok := f.eval(v.X, s, prev, depth+1)
		if !ok || x.Kind() != constant.String {
			return nil, false
		}
		str := constant.StringVal(x)
		lo, hi := int64(0), int64(len(str))
		if v.Low != nil {
			c, ok := f.eval(v.Low, s, prev, depth+1)
			if !ok || c.Kind() != constant.Int {
				return nil, false
			}
			lo, _ = constant.Int64Val(c)
		}
		if v.High != nil {
			c, ok := f.eval(v.High, s, prev, depth+1)
			if !ok || c.Kind() != constant.Int {
				return nil, false
			}
			hi, _ = constant.Int64Val(c)
		}
		if lo < 0 || hi > int64(len(str)) || lo > hi {
			return nil, false
		}
		return constant.MakeString(str[lo:hi]), true
	case *ssa.Phi:
		if prev == nil {
			return nil, false
		}
		for i, p := range v.Block().Preds {
			if p == prev {
				return f.eval(v.Edges[i], s, nil, depth+1)
			}
		}
	}
	return nil, false
}
