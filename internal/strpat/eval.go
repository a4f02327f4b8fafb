package strpat

import (
	"go/constant"
	"go/token"
	"go/types"
	"net/url"
	"strconv"
	"strings"

	"golang.org/x/tools/go/ssa"

	"github.com/connectlint/connectlint/internal/gotypes"
)

// An Evaluator answers "what strings can this SSA value be?" with a small
// set of alternative Patterns. It understands how Go code usually builds
// URLs: constants (of any package), +, fmt.Sprintf/Sprint (verbs are
// wildcards, %% is literal), path.Join, strings.Join/Replace/Trim*,
// url.Parse/JoinPath/ResolveReference/String, url.URL literals and field
// assignments (Path, RawQuery), url.Values.Encode (a wildcard query),
// strings.Builder and bytes.Buffer writes (following branches and loops),
// url and strconv escapes of constants, package variables (through
// GlobalStores) and branches (phis: one alternative per arm). Parameters
// and free variables of the function become parameter references (so the
// result can summarise the function); struct fields (a configured base
// URL) and unknown calls become wildcards, unless CallResult knows them.
//
// Slices whose elements are known where they are used (slice literals,
// variadic arguments, append chains onto them; see items) are followed
// element by element: by strings.Join, path.Join, url.JoinPath, s[i], and
// by loops over them, which are unrolled (see loops.go). A slice
// parameter becomes a slice parameter reference (SliceParam), and a slice
// passed as an argument an encoded slice, so that a variadic helper's
// summary resolves at its calls.
//
// Work is bounded: each top-level query visits at most MaxNodes values,
// recursion stops at MaxDepth, slices are followed for MaxElems elements,
// and other cycles (loops through phis) keep what the string held before
// the loop and a wildcard for the loop's part. An Evaluator is not safe
// for concurrent use.
type Evaluator struct {
	// CallResult, when set, is asked for result i of a call the evaluator
	// has no built-in knowledge of (for example a helper summarised by an
	// analysis fact). arg evaluates the call's argument k (within this
	// query's bounds); for an interface method call, k counts the receiver
	// as argument 0. It returns ok=false to let the result be a wildcard.
	CallResult func(call *ssa.CallCommon, i int, arg func(k int) []Pattern) (alts []Pattern, ok bool)

	// GlobalStores, when set, returns the values stored to a package-level
	// variable anywhere in its package (SSA keeps no referrers for
	// globals); ok=false makes the variable a wildcard.
	GlobalStores func(g *ssa.Global) (vals []ssa.Value, ok bool)

	// SliceParams makes a slice parameter a slice parameter reference
	// (SliceParam), so that what a function builds from it resolves at its
	// calls; off, its elements are unknown (wildcards). With it, a
	// function whose URL comes from a slice parameter is a wrapper, as one
	// whose URL comes from a string parameter.
	SliceParams bool

	nodes  int
	active map[ssa.Value]bool
	cycled map[ssa.Value]bool // values whose evaluation ran into themselves
	cycles int                // how many times an evaluation ran into itself

	// While a loop is unrolled: the values of its counter, element and
	// accumulator in the iteration being evaluated, and the headers of
	// the loops being unrolled.
	bound     map[ssa.Value][]Pattern
	unrolling map[*ssa.BasicBlock]int
	loops     map[*ssa.BasicBlock]*loop
	arrays    map[*ssa.Alloc][]item // elements of local arrays, nil: unknown
	orders    map[*ssa.Function][]*ssa.BasicBlock
}

// Bounds on the work of one query.
const (
	MaxNodes = 4000
	MaxDepth = 40
)

var any1 = []Pattern{Any()}

// String returns the alternatives for a string-valued v. It never returns
// an empty slice.
func (e *Evaluator) String(v ssa.Value) []Pattern {
	e.nodes = 0
	return e.str(v, 0)
}

// URL returns the alternatives for the URL v stands for; v may be a
// string, a url.URL or a *url.URL.
func (e *Evaluator) URL(v ssa.Value) []Pattern {
	e.nodes = 0
	return e.url(v, 0)
}

// enter guards recursion; leave must be called when enter returned true.
func (e *Evaluator) enter(v ssa.Value, depth int) bool {
	e.nodes++
	if e.active[v] {
		if e.cycled == nil {
			e.cycled = map[ssa.Value]bool{}
		}
		e.cycled[v] = true
		e.cycles++
		return false
	}
	if e.nodes > MaxNodes || depth > MaxDepth {
		return false
	}
	if e.active == nil {
		e.active = map[ssa.Value]bool{}
	}
	e.active[v] = true
	return true
}

func (e *Evaluator) leave(v ssa.Value) { delete(e.active, v) }

func (e *Evaluator) str(v ssa.Value, depth int) []Pattern {
	if b, ok := e.bound[v]; ok {
		return b
	}
	if !e.enter(v, depth) {
		return any1
	}
	defer e.leave(v)
	d := depth + 1
	switch v := v.(type) {
	case *ssa.Const:
		return []Pattern{constPattern(v)}
	case *ssa.Parameter:
		if isStringSlice(v.Type()) {
			return any1 // see slicePatterns
		}
		return []Pattern{Param(paramIndex(v))}
	case *ssa.FreeVar:
		return []Pattern{Param(freeVarIndex(v))}
	case *ssa.BinOp:
		if v.Op == token.ADD {
			return e.concat(v, d)
		}
	case *ssa.Phi:
		return e.phi(v, d, e.str)
	case *ssa.ChangeType:
		return e.str(v.X, d)
	case *ssa.MakeInterface:
		return e.str(v.X, d)
	case *ssa.Convert:
		if gotypes.IsString(v.X.Type()) {
			return e.str(v.X, d)
		}
	case *ssa.UnOp:
		if v.Op == token.MUL {
			return e.load(v.X, d)
		}
	case *ssa.Extract:
		if call, ok := v.Tuple.(*ssa.Call); ok {
			return e.callResult(&call.Call, v.Index, d)
		}
	case *ssa.Call:
		return e.callResult(&v.Call, 0, d)
	}
	return any1
}

// concat evaluates a chain of + without recursing down its left spine, so
// that s = s + "..." repeated thousands of times stays within MaxDepth.
func (e *Evaluator) concat(v *ssa.BinOp, d int) []Pattern {
	var rights []ssa.Value
	var left ssa.Value = v
	for {
		b, ok := left.(*ssa.BinOp)
		if !ok || b.Op != token.ADD || (b != v && e.active[b]) || e.nodes > MaxNodes {
			break
		}
		e.nodes++
		rights = append(rights, b.Y)
		left = b.X
	}
	out := e.str(left, d)
	for i := len(rights) - 1; i >= 0; i-- {
		out = Product(out, e.str(rights[i], d))
	}
	return out
}

// phi joins the alternatives of a phi's edges. A string a loop builds
// over a known slice is unrolled (unrollPhi); otherwise an edge that leads
// back to the phi (a string grown in a loop) is dropped, and the other
// edges get a wildcard appended: the loop may add anything after them.
// Inside an unrolled loop, edges from arms the bound values rule out are
// left out.
func (e *Evaluator) phi(v *ssa.Phi, d int, eval func(ssa.Value, int) []Pattern) []Pattern {
	if l := e.loopAt(v.Block()); l != nil && e.unrolling[l.header] == 0 {
		if out, ok := e.unrollPhi(v, l, d); ok {
			return out
		}
	}
	var out []Pattern
	loop := false
	for i, edge := range v.Edges {
		pred := v.Block().Preds[i]
		if !e.feasible(pred, v.Block(), d) {
			continue
		}
		delete(e.cycled, v)
		cycles := e.cycles
		alts := eval(edge, d)
		// A back edge whose value ran into itself: the string grows in
		// the loop (the query may have started inside it, at a value
		// computed from v).
		if e.cycled[v] || e.cycles > cycles && v.Block().Dominates(pred) {
			loop = true
			continue
		}
		out = append(out, alts...)
	}
	delete(e.cycled, v)
	if loop {
		for i, p := range out {
			out[i] = Concat(p, Any())
		}
	}
	if len(out) == 0 {
		return any1
	}
	return Dedup(out)
}

// load returns what a load from addr yields.
func (e *Evaluator) load(addr ssa.Value, d int) []Pattern {
	switch addr := addr.(type) {
	case *ssa.FreeVar:
		// A captured variable: the caller substitutes its contents.
		return []Pattern{Param(freeVarIndex(addr))}
	case *ssa.Alloc:
		return e.contents(addr, d)
	case *ssa.IndexAddr:
		return e.element(addr, d)
	case *ssa.Global:
		if e.GlobalStores != nil {
			if vals, ok := e.GlobalStores(addr); ok && len(vals) > 0 {
				var out []Pattern
				for _, v := range vals {
					// Parameters of the storing function mean nothing here.
					for _, p := range e.str(v, d) {
						out = append(out, p.Subst(nil)...)
					}
				}
				return Dedup(out)
			}
		}
		return any1
	}
	// Struct fields, slice elements, pointers from elsewhere: configuration.
	return any1
}

// contents returns the values stored to a local or global variable.
func (e *Evaluator) contents(addr ssa.Value, d int) []Pattern {
	refs := addr.Referrers()
	if refs == nil {
		return any1
	}
	var out []Pattern
	for _, r := range *refs {
		if st, ok := r.(*ssa.Store); ok && st.Addr == addr {
			out = append(out, e.str(st.Val, d)...)
		}
	}
	if len(out) == 0 {
		return any1
	}
	return Dedup(out)
}

// SetField returns the URL patterns after url's field (Path, RawPath,
// RawQuery) is set to one of vals: u.Path = p keeps scheme and host,
// u.RawQuery = q replaces the query.
func SetField(urls []Pattern, field string, vals []Pattern) []Pattern {
	var out []Pattern
	for _, u := range urls {
		for _, v := range vals {
			switch field {
			case "Path", "RawPath":
				out = append(out, Concat(schemeHost(u), v))
			case "RawQuery":
				out = append(out, Concat(cutQuery(u), Lit("?"), v))
			default:
				out = append(out, u)
			}
		}
	}
	return Dedup(out)
}

// Contents is the pattern of what is stored in the variable addr (an Alloc
// bound into a closure, or a global), or of addr itself otherwise.
func (e *Evaluator) Contents(addr ssa.Value) []Pattern {
	e.nodes = 0
	switch addr.(type) {
	case *ssa.Alloc:
		return e.contents(addr, 0)
	case *ssa.Global:
		return e.load(addr, 0)
	}
	return e.str(addr, 0)
}

func constPattern(c *ssa.Const) Pattern {
	if c.Value == nil {
		if gotypes.IsString(c.Type()) {
			return nil
		}
		return Any()
	}
	switch c.Value.Kind() {
	case constant.String:
		return Lit(constant.StringVal(c.Value))
	case constant.Int, constant.Bool:
		return Lit(c.Value.ExactString())
	}
	return Any()
}

func paramIndex(p *ssa.Parameter) int {
	for i, q := range p.Parent().Params {
		if q == p {
			return i
		}
	}
	return 0
}

// freeVarIndex numbers free variables after the parameters.
func freeVarIndex(fv *ssa.FreeVar) int {
	fn := fv.Parent()
	for i, q := range fn.FreeVars {
		if q == fv {
			return len(fn.Params) + i
		}
	}
	return len(fn.Params)
}

// FuncName returns "pkgpath.Name" or "(*pkgpath.T).Name" for fn (the
// generic origin for instances), the form the evaluator's tables use.
func FuncName(fn *ssa.Function) string {
	fn = gotypes.Origin(fn)
	if obj, ok := fn.Object().(*types.Func); ok {
		return obj.FullName()
	}
	return fn.String()
}

func (e *Evaluator) callResult(call *ssa.CallCommon, i int, d int) []Pattern {
	arg := func(k int) []Pattern {
		if k < len(call.Args) {
			return e.str(call.Args[k], d)
		}
		return any1
	}
	if fn := call.StaticCallee(); fn != nil {
		switch name := FuncName(fn); name {
		case "fmt.Sprintf":
			if i == 0 && len(call.Args) == 2 {
				return e.sprintf(call.Args[0], call.Args[1], d)
			}
		case "fmt.Sprint":
			if i == 0 && len(call.Args) == 1 {
				out := []Pattern{nil}
				elems := e.varargs(call.Args[0])
				for _, el := range elems {
					if el == nil || !gotypes.IsString(el.Type()) {
						return any1
					}
					out = Product(out, e.str(el, d))
				}
				return out
			}
		case "strings.TrimSuffix", "strings.TrimPrefix", "strings.TrimLeft", "strings.TrimRight", "strings.Trim":
			if c, ok := constString(call.Args[1]); ok {
				var out []Pattern
				for _, p := range arg(0) {
					switch name {
					case "strings.TrimSuffix":
						p = p.TrimSuffix(c)
					case "strings.TrimPrefix":
						p = p.TrimPrefix(c)
					case "strings.TrimLeft":
						p = p.TrimLeft(c)
					case "strings.TrimRight":
						p = p.TrimRight(c)
					default:
						p = p.TrimLeft(c).TrimRight(c)
					}
					out = append(out, p)
				}
				return Dedup(out)
			}
		case "strings.Join":
			if i == 0 && len(call.Args) == 2 {
				sep, ok := constString(call.Args[1])
				if !ok {
					return any1
				}
				return e.overSlices(call.Args[0], d, func(its []item) ([]Pattern, bool) {
					return JoinParts(e.parts(its, d), "", sep, ""), true
				})
			}
		case "strings.Replace", "strings.ReplaceAll":
			// Path templates: strings.Replace(p, "{issueKey}", key, 1).
			old, ok := constString(call.Args[1])
			if i != 0 || !ok || old == "" {
				return any1
			}
			news := e.str(call.Args[2], d)
			var out []Pattern
			for _, p := range arg(0) {
				out = append(out, replaceAll(p, old, news)...)
			}
			return Dedup(out)
		case "strings.TrimSpace", "path.Clean":
			return arg(0)
		case "strings.ToLower", "strings.ToUpper":
			var out []Pattern
			for _, p := range arg(0) {
				q := make(Pattern, len(p))
				copy(q, p)
				for j := range q {
					if name == "strings.ToLower" {
						q[j].Lit = strings.ToLower(q[j].Lit)
					} else {
						q[j].Lit = strings.ToUpper(q[j].Lit)
					}
				}
				out = append(out, q)
			}
			return out
		case "net/url.PathEscape", "net/url.QueryEscape", "strconv.Itoa", "strconv.Quote":
			var out []Pattern
			for _, p := range arg(0) {
				if s, ok := p.Const(); ok {
					switch name {
					case "net/url.PathEscape":
						s = url.PathEscape(s)
					case "net/url.QueryEscape":
						s = url.QueryEscape(s)
					case "strconv.Quote":
						s = strconv.Quote(s)
					}
					out = append(out, Lit(s))
				} else {
					out = append(out, Any())
				}
			}
			return Dedup(out)
		case "path.Join":
			if i == 0 && len(call.Args) == 1 {
				return e.join(nil, call.Args[0], d)
			}
		case "net/url.JoinPath":
			if i == 0 && len(call.Args) == 2 {
				return e.join(e.url(call.Args[0], d), call.Args[1], d)
			}
		case "(*net/url.URL).String", "(*net/url.URL).Redacted":
			return e.url(call.Args[0], d)
		case "(*net/url.URL).EscapedPath":
			return any1
		case "(*strings.Builder).String", "(*bytes.Buffer).String":
			if alloc, ok := call.Args[0].(*ssa.Alloc); ok {
				return e.builder(alloc, callInstr(alloc, call), d)
			}
			return any1
		case "(net/url.Values).Encode":
			return any1
		}
	}
	if e.CallResult != nil {
		if alts, ok := e.CallResult(call, i, e.argFunc(call, d)); ok && len(alts) > 0 {
			return alts
		}
	}
	return any1
}

// callInstr returns the call instruction of c among v's referrers.
func callInstr(v ssa.Value, c *ssa.CallCommon) ssa.Instruction {
	for _, r := range *v.Referrers() {
		if ci, ok := r.(ssa.CallInstruction); ok && ci.Common() == c {
			return ci
		}
	}
	return nil
}

// argFunc evaluates call arguments, counting an interface receiver as 0.
func (e *Evaluator) argFunc(call *ssa.CallCommon, d int) func(k int) []Pattern {
	return func(k int) []Pattern {
		args := call.Args
		if call.IsInvoke() {
			if k == 0 {
				return e.str(call.Value, d)
			}
			k--
		}
		if k < len(args) {
			return e.url(args[k], d)
		}
		return any1
	}
}

// replaceAll replaces old in p's literal text by each alternative of news
// (all occurrences: a template placeholder appears once, and a bounded
// count cannot make the pattern wrong by much).
func replaceAll(p Pattern, old string, news []Pattern) []Pattern {
	out := []Pattern{nil}
	for _, e := range p {
		if e.Wild {
			out = Product(out, []Pattern{{e}})
			continue
		}
		for k, part := range strings.Split(e.Lit, old) {
			if k > 0 {
				out = Product(out, news)
			}
			out = Product(out, []Pattern{Lit(part)})
		}
	}
	return out
}

func constString(v ssa.Value) (string, bool) {
	if c, ok := v.(*ssa.Const); ok && c.Value != nil && c.Value.Kind() == constant.String {
		return constant.StringVal(c.Value), true
	}
	return "", false
}

// varargs returns the elements of a variadic argument slice built at the
// call site (nil entries for those it cannot see), or nil.
func (e *Evaluator) varargs(v ssa.Value) []ssa.Value {
	sl, ok := v.(*ssa.Slice)
	if !ok {
		return nil
	}
	arr, ok := sl.X.(*ssa.Alloc)
	if !ok {
		return nil
	}
	at, ok := arr.Type().Underlying().(*types.Pointer)
	if !ok {
		return nil
	}
	a, ok := at.Elem().Underlying().(*types.Array)
	if !ok {
		return nil
	}
	elems := make([]ssa.Value, a.Len())
	for _, r := range *arr.Referrers() {
		ia, ok := r.(*ssa.IndexAddr)
		if !ok {
			continue
		}
		c, ok := ia.Index.(*ssa.Const)
		if !ok {
			continue
		}
		k, ok := constant.Int64Val(c.Value)
		if !ok || k < 0 || int(k) >= len(elems) {
			continue
		}
		for _, rr := range *ia.Referrers() {
			if st, ok := rr.(*ssa.Store); ok && st.Addr == ia {
				v := st.Val
				if mi, ok := v.(*ssa.MakeInterface); ok {
					v = mi.X
				}
				elems[k] = v
			}
		}
	}
	return elems
}

// sprintf evaluates fmt.Sprintf(format, args...): the format's text is
// literal, "%%" is "%", %s/%v/%d of a known argument is that argument, any
// other verb is a wildcard.
func (e *Evaluator) sprintf(format, args ssa.Value, d int) []Pattern {
	f, ok := constString(format)
	if !ok {
		return any1
	}
	elems := e.varargs(args)
	out := []Pattern{nil}
	argi := 0
	for len(f) > 0 {
		i := strings.IndexByte(f, '%')
		if i < 0 {
			out = Product(out, []Pattern{Lit(f)})
			break
		}
		out = Product(out, []Pattern{Lit(f[:i])})
		f = f[i+1:]
		// Flags, width, precision, argument index.
		j := 0
		indexed := false
		for j < len(f) && strings.IndexByte("+-# 0123456789.*[]", f[j]) >= 0 {
			if f[j] == '[' {
				indexed = true
			}
			if f[j] == '*' {
				argi++
			}
			j++
		}
		if j == len(f) {
			out = Product(out, any1)
			break
		}
		verb := f[j]
		f = f[j+1:]
		if verb == '%' {
			out = Product(out, []Pattern{Lit("%")})
			continue
		}
		alt := any1
		if !indexed && j == 0 && argi < len(elems) && elems[argi] != nil && strings.IndexByte("svd", verb) >= 0 {
			switch t := elems[argi].Type().Underlying().(type) {
			case *types.Basic:
				if t.Info()&(types.IsString|types.IsInteger) != 0 {
					alt = e.str(elems[argi], d)
				}
			}
		}
		if indexed {
			// Explicit argument indexes reorder arguments; stop tracking.
			elems = nil
		}
		argi++
		out = Product(out, alt)
	}
	return out
}

// join evaluates path.Join / url.JoinPath of base (nil for path.Join) and
// the elements of slice.
func (e *Evaluator) join(base []Pattern, slice ssa.Value, d int) []Pattern {
	alts, ok := e.slices(slice, d)
	if !ok {
		if base == nil {
			return any1
		}
		return Product(base, any1)
	}
	var out []Pattern
	for _, its := range alts {
		out = append(out, e.joinItems(base, its, d)...)
	}
	return Dedup(out)
}

// joinItems joins base (nil: none) and the items as path.Join does.
func (e *Evaluator) joinItems(base []Pattern, its []item, d int) []Pattern {
	parts := [][]Pattern{}
	if base != nil {
		parts = append(parts, base)
	}
	elems := e.parts(its, d)
	for k, p := range elems {
		if p.Spread == 0 {
			parts = append(parts, p.Alts)
			continue
		}
		// A slice parameter: the elements from here on are joined with
		// "/" (doubled slashes an element brings are CleanURL's).
		if len(parts) == 0 {
			return JoinParts(elems, "", "/", "")
		}
		return Product(e.join1(parts), JoinParts(elems[k:], "/", "", ""))
	}
	return e.join1(parts)
}

// join1 joins the alternatives of each part as path.Join does.
func (e *Evaluator) join1(parts [][]Pattern) []Pattern {
	out := []Pattern{nil}
	for k, alts := range parts {
		var next []Pattern
		for _, p := range out {
			for _, q := range alts {
				if k == 0 {
					next = append(next, q)
				} else {
					next = append(next, JoinPath(p, q))
				}
			}
		}
		out = Dedup(next)
	}
	return out
}

// url evaluates a URL given as a string, url.URL or *url.URL.
func (e *Evaluator) url(v ssa.Value, depth int) []Pattern {
	if gotypes.IsString(v.Type()) {
		return e.str(v, depth)
	}
	if isStringSlice(v.Type()) {
		// A slice passed as an argument (see SliceParam).
		return e.slicePatterns(v, depth)
	}
	if !e.enter(v, depth) {
		return any1
	}
	defer e.leave(v)
	d := depth + 1
	var out []Pattern
	switch v := v.(type) {
	case *ssa.Parameter:
		out = []Pattern{Param(paramIndex(v))}
	case *ssa.FreeVar:
		out = []Pattern{Param(freeVarIndex(v))}
	case *ssa.Phi:
		out = e.phi(v, d, e.url)
	case *ssa.UnOp:
		if v.Op == token.MUL {
			if a, ok := v.X.(*ssa.Alloc); ok {
				out = e.url(a, d)
			} else if fv, ok := v.X.(*ssa.FreeVar); ok {
				out = []Pattern{Param(freeVarIndex(fv))}
			}
		}
	case *ssa.Alloc:
		out = e.urlFields(v, nil, d)
	case *ssa.Extract:
		if call, ok := v.Tuple.(*ssa.Call); ok {
			out = e.urlCall(&call.Call, v.Index, d)
		}
	case *ssa.Call:
		out = e.urlCall(&v.Call, 0, d)
	}
	if out == nil {
		return any1
	}
	if _, ok := v.(*ssa.Alloc); !ok && gotypes.IsURL(v.Type()) {
		out = e.urlFields(v, out, d)
	}
	return out
}

func (e *Evaluator) urlCall(call *ssa.CallCommon, i int, d int) []Pattern {
	if fn := call.StaticCallee(); fn != nil && i == 0 {
		switch FuncName(fn) {
		case "net/url.Parse", "net/url.ParseRequestURI":
			return e.str(call.Args[0], d)
		case "(*net/url.URL).ResolveReference":
			var out []Pattern
			for _, b := range e.url(call.Args[0], d) {
				for _, r := range e.url(call.Args[1], d) {
					out = append(out, ResolveReference(b, r))
				}
			}
			return Dedup(out)
		case "(*net/url.URL).JoinPath":
			return e.join(e.url(call.Args[0], d), call.Args[1], d)
		case "(*net/url.URL).Parse":
			var out []Pattern
			for _, b := range e.url(call.Args[0], d) {
				for _, r := range e.str(call.Args[1], d) {
					out = append(out, ResolveReference(b, r))
				}
			}
			return Dedup(out)
		}
	}
	if e.CallResult != nil {
		if alts, ok := e.CallResult(call, i, e.argFunc(call, d)); ok && len(alts) > 0 {
			return alts
		}
	}
	return nil
}

// urlFields applies assignments to the URL's fields (u.Path = ..., a
// url.URL{...} literal) to base (nil: the URL is built from its fields).
func (e *Evaluator) urlFields(ptr ssa.Value, base []Pattern, d int) []Pattern {
	refs := ptr.Referrers()
	if refs == nil {
		if base == nil {
			return any1
		}
		return base
	}
	fields := map[string][]Pattern{}
	for _, r := range *refs {
		// u := url.URL{...} copies a literal into the variable: that is
		// the base the field assignments change.
		if st, ok := r.(*ssa.Store); ok && st.Addr == ptr && base == nil {
			base = e.url(st.Val, d)
			continue
		}
		fa, ok := r.(*ssa.FieldAddr)
		if !ok || fa.X != ptr {
			continue
		}
		st := fieldStruct(fa.X.Type())
		if st == nil {
			continue
		}
		name := st.Field(fa.Field).Name()
		for _, rr := range *fa.Referrers() {
			s, ok := rr.(*ssa.Store)
			if !ok || s.Addr != fa {
				continue
			}
			if derivedFromField(s.Val, ptr, fa.Field) {
				// u.Path = strings.TrimLeft(u.Path, "/") and the like keep
				// the meaning of the path.
				continue
			}
			fields[name] = e.str(s.Val, d)
		}
	}
	if len(fields) == 0 {
		if base == nil {
			return any1
		}
		return base
	}
	get := func(name string) []Pattern {
		if alts, ok := fields[name]; ok {
			return alts
		}
		return nil
	}
	if base == nil {
		// Built from fields: scheme://host/path?query
		out := []Pattern{nil}
		if s := get("Scheme"); s != nil {
			out = Product(Product(out, s), []Pattern{Lit("://")})
		}
		if h := get("Host"); h != nil {
			out = Product(out, h)
		} else if get("Scheme") != nil {
			out = Product(out, any1)
		}
		if p := get("Path"); p != nil {
			var next []Pattern
			for _, o := range out {
				for _, q := range p {
					if len(o) > 0 && !q.HasPrefix("/") {
						q = Concat(Lit("/"), q)
					}
					next = append(next, Concat(o, q))
				}
			}
			out = Dedup(next)
		}
		if q := get("RawQuery"); q != nil {
			out = Product(Product(out, []Pattern{Lit("?")}), q)
		}
		return out
	}
	out := base
	if p := get("Path"); p != nil {
		var next []Pattern
		for _, b := range out {
			for _, q := range p {
				next = append(next, Concat(schemeHost(b), q))
			}
		}
		out = Dedup(next)
	}
	if q := get("RawQuery"); q != nil {
		var next []Pattern
		for _, b := range out {
			for _, qq := range q {
				next = append(next, Concat(cutQuery(b), Lit("?"), qq))
			}
		}
		out = Dedup(next)
	}
	return out
}

// cutQuery drops the "?query" part of p when p's literal text fixes it.
func cutQuery(p Pattern) Pattern {
	for i, e := range p {
		if !e.Wild {
			if j := strings.IndexAny(e.Lit, "?#"); j >= 0 {
				return Concat(p[:i], Lit(e.Lit[:j]))
			}
		}
	}
	return p
}

func fieldStruct(t types.Type) *types.Struct {
	p, ok := t.Underlying().(*types.Pointer)
	if !ok {
		return nil
	}
	s, _ := p.Elem().Underlying().(*types.Struct)
	return s
}

// derivedFromField reports whether v trims field f of ptr
// (u.Path = strings.TrimLeft(u.Path, "/") and the like), which keeps the
// field's meaning.
func derivedFromField(v ssa.Value, ptr ssa.Value, f int) bool {
	for range 4 {
		switch x := v.(type) {
		case *ssa.UnOp:
			fa, ok := x.X.(*ssa.FieldAddr)
			return ok && fa.X == ptr && fa.Field == f
		case *ssa.Call:
			fn := x.Call.StaticCallee()
			if fn == nil || len(x.Call.Args) == 0 || !strings.HasPrefix(FuncName(fn), "strings.Trim") {
				return false
			}
			v = x.Call.Args[0]
		case *ssa.ChangeType:
			v = x.X
		default:
			return false
		}
	}
	return false
}
