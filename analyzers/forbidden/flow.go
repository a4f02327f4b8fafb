package forbidden

import (
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/ssa"

	"github.com/connectlint/connectlint/analyzers/restcalls"
	"github.com/connectlint/connectlint/internal/gotypes"
)

// flow follows one response (or one status value) through a function:
// where its status is examined, whether it is used, returned, or handed
// to code that cannot be followed.
type flow struct {
	c  *checker
	fn *ssa.Function
	// param is set when the followed value is a parameter: only real
	// examinations count then (the function's fact says it examines the
	// parameter), not values escaping out of sight.
	param bool
	depth int

	exams    []ssa.Instruction // where the status is examined, in fn
	told403  bool              // the status is compared with 403
	used     bool              // body, fields or the response itself read
	returned int               // result the response is returned through, -1

	resps    map[ssa.Value]bool // values that are the response
	statuses map[ssa.Value]bool // status code or text, and values computed from it
	roots    map[ssa.Value]bool // the loads of the status fields (and status parameters)
	addrs    map[ssa.Value]bool // variables holding the response

	cmp403 *ssa.BinOp // the comparison with 403 a decision passed (see landing)

	errs        map[ssa.Value]bool // the call's error result
	errRead     bool               // the error is read
	errReturned int                // result the error is returned through, -1
}

// maxClosureDepth bounds how deep closures capturing a response are
// followed.
const maxClosureDepth = 3

func newFlow(c *checker, fn *ssa.Function) *flow {
	return &flow{
		c: c, fn: fn,
		returned: -1, errReturned: -1,
		resps:    map[ssa.Value]bool{},
		statuses: map[ssa.Value]bool{},
		roots:    map[ssa.Value]bool{},
		addrs:    map[ssa.Value]bool{},
		errs:     map[ssa.Value]bool{},
	}
}

func (f *flow) exam(instr ssa.Instruction) { f.exams = append(f.exams, instr) }

// escape records that the response leaves what the flow can follow
// (stored in a struct, sent on a channel, passed to an unknown function):
// for a call's response it counts as examined, as the code it goes to
// cannot be seen; for a parameter it does not.
func (f *flow) escape(instr ssa.Instruction) {
	if f.param {
		f.used = true
		return
	}
	f.exam(instr)
}

// resp follows a value that is the response.
func (f *flow) resp(v ssa.Value) {
	if v == nil || f.resps[v] {
		return
	}
	f.resps[v] = true
	for _, r := range referrers(v) {
		switch r := r.(type) {
		case *ssa.FieldAddr:
			f.field(r)
		case *ssa.Phi:
			f.resp(r)
		case *ssa.ChangeType:
			f.resp(r)
		case *ssa.MakeInterface:
			f.iface(r)
		case *ssa.Return:
			for i, x := range r.Results {
				if x == v && (f.returned < 0 || i < f.returned) {
					f.returned = i
				}
			}
		case *ssa.Store:
			if r.Val == v {
				f.store(r, f.resp)
			}
		case *ssa.MakeClosure:
			for i, b := range r.Bindings {
				if b == v {
					f.closure(r, i, false)
				}
			}
		case ssa.CallInstruction:
			f.call(r, v)
		case *ssa.BinOp:
			// A nil check: see prune.
		case *ssa.DebugRef:
		case *ssa.Send, *ssa.MapUpdate:
			f.escape(r)
		default:
			f.used = true
		}
	}
}

// field follows resp.StatusCode, resp.Status, go-atlassian's resp.Code,
// resp.Body and the *http.Response embedded in a library's response.
func (f *flow) field(fa *ssa.FieldAddr) {
	st, ok := deref(fa.X.Type()).Underlying().(*types.Struct)
	if !ok {
		f.used = true
		return
	}
	fld := st.Field(fa.Field)
	switch {
	case gotypes.IsNamed(fld.Type(), "net/http", "Response"):
		// An embedded http.Response value: its address is the response.
		f.resp(fa)
		return
	case gotypes.IsHTTPResponse(fld.Type()):
		f.loads(fa, f.resp)
		return
	}
	switch fld.Name() {
	case "StatusCode", "Status", "Code":
		if isStatusType(fld.Type()) {
			f.loads(fa, func(v ssa.Value) {
				f.roots[v] = true
				f.status(v)
			})
			return
		}
	case "Body":
		f.loads(fa, f.body)
		return
	}
	f.used = true
}

// loads calls visit for each value loaded from addr.
func (f *flow) loads(addr ssa.Value, visit func(ssa.Value)) {
	for _, r := range referrers(addr) {
		if u, ok := r.(*ssa.UnOp); ok && u.Op == token.MUL {
			visit(u)
		}
	}
}

// store follows a value stored in a local variable (one captured by a
// closure lives in memory) or wrapped in a response struct
// (&Response{Response: r}); other stores are escapes.
func (f *flow) store(s *ssa.Store, visit func(ssa.Value)) {
	switch addr := s.Addr.(type) {
	case *ssa.Alloc:
		f.addr(addr, visit)
		return
	case *ssa.FieldAddr:
		if alloc, ok := addr.X.(*ssa.Alloc); ok && gotypes.IsResponse(alloc.Type()) {
			f.resp(alloc)
			return
		}
	}
	f.escape(s)
}

// addr follows a variable holding the response or status: its loads, and
// closures capturing it.
func (f *flow) addr(a ssa.Value, visit func(ssa.Value)) {
	if f.addrs[a] {
		return
	}
	f.addrs[a] = true
	for _, r := range referrers(a) {
		switch r := r.(type) {
		case *ssa.UnOp:
			if r.Op == token.MUL {
				visit(r)
			}
		case *ssa.MakeClosure:
			for i, b := range r.Bindings {
				if b == a {
					f.closure(r, i, true)
				}
			}
		case *ssa.Store, *ssa.DebugRef:
		default:
			// &resp handed to a function.
			f.escape(r)
		}
	}
}

// closure follows a response captured by a function literal. What the
// literal does counts where it is made: a deferred func() {
// resp.Body.Close() }() is fine, one that examines the status examines it.
func (f *flow) closure(mc *ssa.MakeClosure, i int, isAddr bool) {
	fn, ok := mc.Fn.(*ssa.Function)
	if !ok || i >= len(fn.FreeVars) || f.depth >= maxClosureDepth {
		f.escape(mc)
		return
	}
	sub := newFlow(f.c, fn)
	sub.param, sub.depth = f.param, f.depth+1
	fv := fn.FreeVars[i]
	if isAddr {
		sub.addr(fv, sub.resp)
	} else {
		sub.resp(fv)
	}
	if len(sub.exams) > 0 {
		f.exam(mc)
	}
	f.told403 = f.told403 || sub.told403
	f.used = f.used || sub.used
}

// iface follows the response converted to an interface: passed to a
// function (fmt.Println(resp), a helper taking any) or stored.
func (f *flow) iface(mi *ssa.MakeInterface) {
	for _, r := range referrers(mi) {
		if ci, ok := r.(ssa.CallInstruction); ok {
			f.call(ci, mi)
			continue
		}
		f.used = true
	}
}

// call follows the response passed to a call: to a helper that examines
// it (a Handling fact on its parameter), to a function wrapping it in
// another response (go-jira's newResponse), or elsewhere.
func (f *flow) call(ci ssa.CallInstruction, v ssa.Value) {
	c := ci.Common()
	if c.IsInvoke() {
		if c.Value == v {
			f.used = true // a method of the interface holding it
			return
		}
		f.escape(ci) // an implementation we cannot see may examine it
		return
	}
	callee := c.StaticCallee()
	if callee == nil {
		f.escape(ci) // a function value
		return
	}
	h := f.c.handling(callee)
	examined := false
	for i, a := range c.Args {
		if a == v && h.examines(i) {
			examined = true
			if h.tells403(i) {
				f.told403 = true
			}
		}
	}
	if examined {
		f.exam(ci)
	} else {
		f.used = true
	}
	// A call returning a response made from this one wraps it.
	if call, ok := ci.(*ssa.Call); ok {
		res := call.Call.Signature().Results()
		for i := range res.Len() {
			if gotypes.IsResponse(res.At(i).Type()) {
				f.resp(restcalls.ResultValue(call, i))
			}
		}
	}
}

// body follows resp.Body: closing it is not a use.
func (f *flow) body(v ssa.Value) {
	for _, r := range referrers(v) {
		if ci, ok := r.(ssa.CallInstruction); ok {
			c := ci.Common()
			if c.IsInvoke() && c.Value == v && c.Method.Name() == "Close" {
				continue
			}
		}
		if _, ok := r.(*ssa.DebugRef); ok {
			continue
		}
		f.used = true
	}
}

// status follows a status code or text: comparing it (==, !=, ranges,
// switch cases, after /100), parsing it, looking it up in a map or
// handing it to a helper that examines it counts as examining it.
func (f *flow) status(v ssa.Value) {
	if f.statuses[v] {
		return
	}
	f.statuses[v] = true
	for _, r := range referrers(v) {
		switch r := r.(type) {
		case *ssa.BinOp:
			if isComparison(r.Op) {
				f.exam(r)
				if is403(r.X) || is403(r.Y) {
					f.told403 = true
				}
				continue
			}
			f.status(r)
		case *ssa.Convert:
			f.status(r)
		case *ssa.ChangeType:
			f.status(r)
		case *ssa.Phi:
			f.status(r)
		case *ssa.Slice:
			f.status(r)
		case *ssa.Index:
			f.status(r)
		case *ssa.Lookup:
			f.exam(r)
		case *ssa.Return:
			f.escape(r) // the caller gets the status
		case *ssa.Store:
			f.store(r, f.status)
		case *ssa.MakeClosure:
			f.escape(r)
		case ssa.CallInstruction:
			f.statusCall(r, v)
		}
	}
}

// statusCall follows a status handed to a function.
func (f *flow) statusCall(ci ssa.CallInstruction, v ssa.Value) {
	callee := ci.Common().StaticCallee()
	if callee == nil {
		return
	}
	h := f.c.handling(callee)
	for i, a := range ci.Common().Args {
		if a == v && h.examines(i) {
			f.exam(ci)
			if h.tells403(i) {
				f.told403 = true
			}
			return
		}
	}
	// Parsing the status text: strings.HasPrefix(resp.Status, "2"),
	// strconv.Atoi(resp.Status[:3]).
	if gotypes.IsString(v.Type()) && callee.Pkg != nil {
		switch callee.Pkg.Pkg.Path() {
		case "strings", "strconv", "fmt", "bytes", "regexp":
			if !strings.HasPrefix(callee.Name(), "Sprint") && !strings.HasPrefix(callee.Name(), "Print") &&
				!strings.HasPrefix(callee.Name(), "Fprint") && callee.Name() != "Errorf" {
				f.exam(ci)
			}
		}
	}
}

// errv follows the call's error result.
func (f *flow) errv(v ssa.Value) {
	if v == nil || f.errs[v] {
		return
	}
	f.errs[v] = true
	for _, r := range referrers(v) {
		switch r := r.(type) {
		case *ssa.Return:
			for i, x := range r.Results {
				if x == v && (f.errReturned < 0 || i < f.errReturned) {
					f.errReturned = i
				}
			}
		case *ssa.Phi:
			f.errv(r)
		case *ssa.DebugRef:
		default:
			f.errRead = true
		}
	}
}

// unexaminedExit reports whether some path from src reaches a success
// exit without passing an examination of the status: a return that
// neither hands the response to the caller nor returns a non-nil error,
// or src itself again (the next iteration of a loop). Paths where the call's error is non-nil or the
// response is nil are not followed (there is no response on them), nor
// paths ending in a panic.
func (f *flow) unexaminedExit(src ssa.Instruction) bool {
	examAt := map[*ssa.BasicBlock][]int{}
	for _, e := range f.exams {
		if b := e.Block(); b != nil {
			examAt[b] = append(examAt[b], indexIn(b, e))
		}
	}
	sb := src.Block()
	si := indexIn(sb, src)
	examinedFrom := func(b *ssa.BasicBlock, from, to int) bool {
		for _, k := range examAt[b] {
			if k >= from && k < to {
				return true
			}
		}
		return false
	}
	visited := map[*ssa.BasicBlock]bool{}
	var visit func(b *ssa.BasicBlock, from int) bool
	step := func(s *ssa.BasicBlock) bool {
		if s == sb {
			return !examinedFrom(sb, 0, si)
		}
		if visited[s] {
			return false
		}
		visited[s] = true
		return visit(s, 0)
	}
	visit = func(b *ssa.BasicBlock, from int) bool {
		if examinedFrom(b, from, len(b.Instrs)) {
			return false
		}
		switch t := b.Instrs[len(b.Instrs)-1].(type) {
		case *ssa.Return:
			for i, x := range t.Results {
				x = storedResult(b, x)
				if f.resps[x] {
					return false // handed to the caller
				}
				if i == lastError(f.fn.Signature) && nonNilError(b, x) {
					return false // a failure, not success
				}
			}
			return true
		case *ssa.If:
			for _, s := range f.prune(t) {
				if step(s) {
					return true
				}
			}
		case *ssa.Jump:
			return step(b.Succs[0])
		}
		return false
	}
	return visit(sb, si+1)
}

// prune returns the successors of an if worth following: not the branch
// where the call's error is non-nil, nor the one where the response is
// nil.
func (f *flow) prune(t *ssa.If) []*ssa.BasicBlock {
	succs := t.Block().Succs
	bo, ok := t.Cond.(*ssa.BinOp)
	if !ok || bo.Op != token.EQL && bo.Op != token.NEQ {
		return succs
	}
	x, y := bo.X, bo.Y
	if isNil(x) {
		x, y = y, x
	}
	if !isNil(y) {
		return succs
	}
	isNilBranch := 0 // the successor taken when x == nil
	if bo.Op == token.NEQ {
		isNilBranch = 1
	}
	switch {
	case f.errs[x]:
		return succs[isNilBranch : isNilBranch+1]
	case f.resps[x]:
		return succs[1-isNilBranch : 2-isNilBranch]
	}
	return succs
}

func indexIn(b *ssa.BasicBlock, instr ssa.Instruction) int {
	for i, x := range b.Instrs {
		if x == instr {
			return i
		}
	}
	return len(b.Instrs)
}

func isComparison(op token.Token) bool {
	switch op {
	case token.EQL, token.NEQ, token.LSS, token.LEQ, token.GTR, token.GEQ:
		return true
	}
	return false
}

func is403(v ssa.Value) bool {
	c, ok := v.(*ssa.Const)
	if !ok || c.Value == nil {
		return false
	}
	n, ok := constantInt(c)
	return ok && n == 403
}

func isNil(v ssa.Value) bool {
	c, ok := v.(*ssa.Const)
	return ok && c.Value == nil
}

// storedResult sees through the result slots of functions with defers:
// "*t0 = nil; rundefers; t1 = *t0; return t1" returns nil.
func storedResult(b *ssa.BasicBlock, x ssa.Value) ssa.Value {
	load, ok := x.(*ssa.UnOp)
	if !ok || load.Op != token.MUL {
		return x
	}
	if _, ok := load.X.(*ssa.Alloc); !ok {
		return x
	}
	for i := indexIn(b, load) - 1; i >= 0; i-- {
		if st, ok := b.Instrs[i].(*ssa.Store); ok && st.Addr == load.X {
			return st.Val
		}
	}
	return x
}

// nonNilError tells whether an error returned in block b is surely an
// error: made by an error constructor or from a concrete value, or checked
// to be non-nil on the way to b.
func nonNilError(b *ssa.BasicBlock, x ssa.Value) bool {
	switch x := x.(type) {
	case *ssa.Const:
		return false
	case *ssa.MakeInterface:
		return true
	case *ssa.Call:
		if fn := x.Call.StaticCallee(); fn != nil && makesError(fn) {
			return true
		}
	}
	for _, r := range referrers(x) {
		bo, ok := r.(*ssa.BinOp)
		if !ok || bo.Op != token.EQL && bo.Op != token.NEQ {
			continue
		}
		other := bo.X
		if other == x {
			other = bo.Y
		}
		if !isNil(other) {
			continue
		}
		for _, u := range referrers(bo) {
			t, ok := u.(*ssa.If)
			if !ok {
				continue
			}
			succ := t.Block().Succs[0] // x != nil
			if bo.Op == token.EQL {
				succ = t.Block().Succs[1]
			}
			if len(succ.Preds) == 1 && succ.Dominates(b) {
				return true
			}
		}
	}
	return false
}

// makesError tells whether fn builds an error: fmt.Errorf, the functions
// of error packages (errors, github.com/pkg/errors, xerrors: New, Wrap,
// Errorf, WithMessage...), and functions named like NewJiraError or
// newErr. errors.Wrap(nil, ...) is nil, but wrapping an error that may be
// nil is the caller's bug, not a success.
func makesError(fn *ssa.Function) bool {
	fn = gotypes.Origin(fn)
	if fn.Pkg != nil {
		path := fn.Pkg.Pkg.Path()
		if path == "fmt" {
			return fn.Name() == "Errorf"
		}
		switch path[strings.LastIndexByte(path, '/')+1:] {
		case "errors", "xerrors", "errs":
			return fn.Signature.Results().Len() == 1
		}
	}
	return fn.Signature.Recv() == nil && fn.Signature.Results().Len() == 1 &&
		isError(fn.Signature.Results().At(0).Type()) && strings.Contains(fn.Name(), "Err")
}

// referrers returns the instructions using v, none for values without
// referrer lists.
func referrers(v ssa.Value) []ssa.Instruction {
	if refs := v.Referrers(); refs != nil {
		return *refs
	}
	return nil
}
