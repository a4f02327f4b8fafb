package strpat

import (
	"testing"

	"golang.org/x/tools/go/ssa"
)

// BenchmarkLoops evaluates the same path built four ways: straight-line
// concatenation (the peer), strings.Join of a literal, a += loop and a
// strings.Builder loop over the literal. The ratios to the peer are what
// unrolling costs.
func BenchmarkLoops(b *testing.B) {
	src := `package p

import "strings"

func use(string) {}

func straight(key string) {
	use("/rest/api/3" + "/" + "issue" + "/" + key + "/" + "comment" + "/" + "10000")
}

func join(key string) {
	use("/rest/api/3/" + strings.Join([]string{"issue", key, "comment", "10000"}, "/"))
}

func plus(key string) {
	s := "/rest/api/3"
	for _, p := range []string{"issue", key, "comment", "10000"} {
		s += "/" + p
	}
	use(s)
}

func builder(key string) {
	var sb strings.Builder
	sb.WriteString("/rest/api/3")
	for _, p := range []string{"issue", key, "comment", "10000"} {
		sb.WriteString("/")
		sb.WriteString(p)
	}
	use(sb.String())
}
`
	_, pkg := buildFixture(b, map[string]string{"p.go": src})
	for _, name := range []string{"straight", "join", "plus", "builder"} {
		fn := pkg.Func(name)
		var arg ssa.Value
		for _, blk := range fn.Blocks {
			for _, instr := range blk.Instrs {
				if c, ok := instr.(*ssa.Call); ok {
					if callee := c.Call.StaticCallee(); callee != nil && callee.Name() == "use" {
						arg = c.Call.Args[0]
					}
				}
			}
		}
		want := "/rest/api/3/issue/<key>/comment/10000"
		b.Run(name, func(b *testing.B) {
			for b.Loop() {
				e := &Evaluator{}
				got := e.String(arg)
				if len(got) != 1 || got[0].Format(func(int) string { return "key" }) != want {
					b.Fatalf("%s: %v", name, got)
				}
			}
		})
	}
}
