package strpat

import (
	"fmt"
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/tools/go/ssa"
	"golang.org/x/tools/go/ssa/ssautil"
)

// The SSA tests evaluate the fixtures in testdata/src/NAME. A line
//
//	use(x) // want "p1" "p2"
//
// says that the evaluator gives exactly the alternatives p1 and p2 for x
// (in any order; "…" is a wildcard, <name> a parameter reference, as
// Pattern.Format writes them). Calls of the fixture's own functions are
// resolved as restcalls does: through the function's summary, the
// patterns of its results in terms of its parameters, filled in with the
// arguments. A line
//
//	return x // summary "p"
//
// checks such a summary itself.

// buildFixture type-checks and builds the SSA of testdata/src/name, or of
// the files given.
func buildFixture(t testing.TB, files map[string]string) (*token.FileSet, *ssa.Package) {
	t.Helper()
	fset := token.NewFileSet()
	var asts []*ast.File
	names := slices.Sorted(func(yield func(string) bool) {
		for n := range files {
			if !yield(n) {
				return
			}
		}
	})
	for _, name := range names {
		f, err := parser.ParseFile(fset, name, files[name], parser.ParseComments)
		if err != nil {
			t.Fatal(err)
		}
		asts = append(asts, f)
	}
	pkg := types.NewPackage("fixture", asts[0].Name.Name)
	ssapkg, _, err := ssautil.BuildPackage(&types.Config{Importer: importer.Default()}, fset, pkg, asts, ssa.SanityCheckFunctions)
	if err != nil {
		t.Fatal(err)
	}
	return fset, ssapkg
}

func readFixture(t testing.TB, name string) map[string]string {
	t.Helper()
	dir := filepath.Join("testdata", "src", name)
	ents, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	files := map[string]string{}
	for _, ent := range ents {
		if strings.HasSuffix(ent.Name(), ".go") {
			b, err := os.ReadFile(filepath.Join(dir, ent.Name()))
			if err != nil {
				t.Fatal(err)
			}
			files[filepath.Join(dir, ent.Name())] = string(b)
		}
	}
	return files
}

// summaries resolves calls of a fixture's functions through their
// summaries, as restcalls does with its facts.
type summaries struct {
	sums map[*ssa.Function][]Pattern // nil entry: being computed
	// nodes is the most any query used, to check the bounds.
	nodes int
}

func (s *summaries) evaluator() *Evaluator {
	e := &Evaluator{SliceParams: true}
	e.CallResult = func(call *ssa.CallCommon, i int, arg func(k int) []Pattern) ([]Pattern, bool) {
		fn := call.StaticCallee()
		if fn == nil || fn.Blocks == nil || i != 0 {
			return nil, false
		}
		sum := s.summary(fn)
		if len(sum) == 0 {
			return nil, false
		}
		args := make([][]Pattern, len(fn.Params))
		for k := range args {
			args[k] = arg(k)
		}
		var out []Pattern
		for _, p := range sum {
			out = append(out, p.Subst(args)...)
		}
		return Dedup(out), true
	}
	return e
}

// summary returns the patterns of fn's first result.
func (s *summaries) summary(fn *ssa.Function) []Pattern {
	if sum, ok := s.sums[fn]; ok {
		return sum
	}
	s.sums[fn] = nil
	e := s.evaluator()
	var out []Pattern
	for _, b := range fn.Blocks {
		if ret, ok := b.Instrs[len(b.Instrs)-1].(*ssa.Return); ok && len(ret.Results) > 0 {
			out = append(out, e.URL(ret.Results[0])...)
			s.nodes = max(s.nodes, e.nodes)
		}
	}
	out = Dedup(out)
	s.sums[fn] = out
	return out
}

// wants parses the quoted patterns after marker in a comment.
func wants(t *testing.T, comment, marker string) ([]string, bool) {
	_, rest, ok := strings.Cut(comment, marker)
	if !ok {
		return nil, false
	}
	var out []string
	rest = strings.TrimSpace(rest)
	for rest != "" {
		q, err := strconv.QuotedPrefix(rest)
		if err != nil {
			t.Fatalf("bad expectation %q: %v", comment, err)
		}
		s, _ := strconv.Unquote(q)
		out = append(out, s)
		rest = strings.TrimSpace(rest[len(q):])
	}
	return out, true
}

func names(fn *ssa.Function) func(int) string {
	return func(i int) string {
		if i < len(fn.Params) {
			return fn.Params[i].Name()
		}
		if j := i - len(fn.Params); j < len(fn.FreeVars) {
			return fn.FreeVars[j].Name()
		}
		return "p" + strconv.Itoa(i)
	}
}

func render(alts []Pattern, fn *ssa.Function) []string {
	var out []string
	for _, p := range alts {
		out = append(out, p.Format(names(fn)))
	}
	slices.Sort(out)
	return out
}

// checkFixture evaluates every expectation of the fixture files.
func checkFixture(t *testing.T, files map[string]string) *summaries {
	fset, pkg := buildFixture(t, files)
	comments := map[string]string{} // "file:line" -> comment text
	for name, src := range files {
		for i, line := range strings.Split(src, "\n") {
			if _, c, ok := strings.Cut(line, "// "); ok {
				comments[name+":"+strconv.Itoa(i+1)] = c
			}
		}
	}
	sums := &summaries{sums: map[*ssa.Function][]Pattern{}}
	seen := map[string]bool{}
	check := func(fn *ssa.Function, pos token.Pos, marker string, got func() []Pattern) {
		p := fset.Position(pos)
		key := p.Filename + ":" + strconv.Itoa(p.Line)
		want, ok := wants(t, comments[key], marker)
		if !ok {
			return
		}
		seen[key] = true
		g := render(got(), fn)
		slices.Sort(want)
		if !slices.Equal(g, want) {
			t.Errorf("%s: got %q, want %q", p, g, want)
		}
	}
	for fn := range ssautil.AllFunctions(pkg.Prog) {
		if fn.Pkg != pkg {
			continue
		}
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				switch instr := instr.(type) {
				case *ssa.Call:
					if callee := instr.Call.StaticCallee(); callee != nil && callee.Name() == "use" {
						check(fn, instr.Pos(), "want ", func() []Pattern {
							e := sums.evaluator()
							defer func() { sums.nodes = max(sums.nodes, e.nodes) }()
							return e.URL(instr.Call.Args[0])
						})
					}
				case *ssa.Return:
					if len(instr.Results) > 0 {
						check(fn, instr.Pos(), "summary ", func() []Pattern { return sums.summary(fn) })
					}
				}
			}
		}
	}
	for key, c := range comments {
		if (strings.HasPrefix(c, "want ") || strings.HasPrefix(c, "summary ")) && !seen[key] {
			t.Errorf("%s: expectation not checked: %s", key, c)
		}
	}
	return sums
}

func TestSlices(t *testing.T) { checkFixture(t, readFixture(t, "slices")) }

func TestLoops(t *testing.T) { checkFixture(t, readFixture(t, "loops")) }

func TestVariadic(t *testing.T) { checkFixture(t, readFixture(t, "variadic")) }

func TestNotUnrolled(t *testing.T) { checkFixture(t, readFixture(t, "negative")) }

func TestRealShapes(t *testing.T) { checkFixture(t, readFixture(t, "realshapes")) }

// TestBounds evaluates machine-made worst cases: a 10 000-element slice
// literal (joined, ranged over, passed to a variadic helper), loops nested
// three deep over 16 elements, and a branch in every iteration. Each
// query must stay within the evaluator's budget and keep what it knows,
// with wildcards for the rest, never a wrong literal.
func TestBounds(t *testing.T) {
	var big strings.Builder
	big.WriteString("[]string{")
	for i := range 10000 {
		fmt.Fprintf(&big, "%q, ", fmt.Sprintf("s%d", i))
	}
	big.WriteString("}")
	sixteen := `[]string{"a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l", "m", "n", "o", "p"}`
	first16 := "s0/s1/s2/s3/s4/s5/s6/s7/s8/s9/s10/s11/s12/s13/s14/s15"
	src := `package bounds

import (
	"path"
	"strings"
)

func use(string) {}

func helper(parts ...string) string {
	return "/rest/api/3/" + strings.Join(parts, "/")
}

func join() {
	parts := ` + big.String() + `
	use("/rest/api/3/" + strings.Join(parts, "/")) // want "/rest/api/3/` + first16 + `/…"
	use("/" + path.Join(parts...))                // want "/` + first16 + `/…"
	use(helper(parts...))                          // want "/rest/api/3/` + first16 + `/…"
	s := "/rest/api/3"
	for _, p := range parts {
		s += "/" + p
	}
	use(s) // want "/rest/api/3…"
	var b strings.Builder
	b.WriteString("/wiki")
	for _, p := range parts {
		b.WriteString("/" + p)
	}
	use(b.String()) // want "/wiki…"
}

func nested() {
	s := "/rest"
	for _, x := range ` + sixteen + ` {
		for _, y := range ` + sixteen + ` {
			for _, z := range ` + sixteen + ` {
				s += "/" + x + y + z
			}
		}
	}
	use(s) // want "/rest…"
	var b strings.Builder
	b.WriteString("/wiki")
	for _, x := range ` + sixteen + ` {
		for _, y := range ` + sixteen + ` {
			for _, z := range ` + sixteen + ` {
				b.WriteString("/" + x + y + z)
			}
		}
	}
	use(b.String()) // want "/wiki…"
}

func branchy(flags []bool) {
	s := "/rest/api/3"
	for i, p := range ` + sixteen + ` {
		if flags[i] {
			s += "/" + p
		} else {
			s += "/x" + p
		}
	}
	use(s) // want "/rest/api/3/…c/…f/…i/…l/…o/p" "/rest/api/3/…c/…f/…i/…l/…o/xp"
}
`
	sums := checkFixture(t, map[string]string{"bounds.go": src})
	// A query may run a little past MaxNodes before every level sees the
	// budget spent; it must not run far past it.
	if sums.nodes > MaxNodes+MaxDepth*MaxElems {
		t.Errorf("a query visited %d values, budget %d", sums.nodes, MaxNodes)
	}
	t.Logf("most values visited by one query: %d", sums.nodes)
}
