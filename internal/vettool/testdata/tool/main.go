// Command tool is a vet tool for vettool_test.go: its analyzer marks the
// packages it analyses and the functions that reach http.Get, and reports
// both at the root package.
package main

import (
	"bytes"
	"fmt"
	"go/ast"
	"go/types"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/connectlint/connectlint/internal/config"
	"github.com/connectlint/connectlint/internal/vettool"
)

type analysed struct{}

func (*analysed) AFact()         {}
func (*analysed) String() string { return "analysed" }

type getter struct{ Via string }

func (*getter) AFact()           {}
func (g *getter) String() string { return "getter via " + g.Via }

var analyzer = &analysis.Analyzer{
	Name:      "factcheck",
	Doc:       "test analyzer",
	FactTypes: []analysis.Fact{new(analysed), new(getter)},
	Run:       run,
}

func run(pass *analysis.Pass) (any, error) {
	pass.ExportPackageFact(&analysed{})
	for _, f := range pass.Files {
		for _, d := range f.Decls {
			fd, ok := d.(*ast.FuncDecl)
			if !ok || fd.Body == nil {
				continue
			}
			ast.Inspect(fd.Body, func(n ast.Node) bool {
				call, ok := n.(*ast.CallExpr)
				if !ok {
					return true
				}
				var fn *types.Func
				switch fun := call.Fun.(type) {
				case *ast.SelectorExpr:
					fn, _ = pass.TypesInfo.Uses[fun.Sel].(*types.Func)
				case *ast.Ident:
					fn, _ = pass.TypesInfo.Uses[fun].(*types.Func)
				}
				if fn == nil || fn.Pkg() == nil {
					return true
				}
				var via string
				var g getter
				switch {
				case fn.Pkg().Path() == "net/http" && fn.Name() == "Get":
					via = "http.Get"
				case pass.ImportObjectFact(fn, &g):
					via = fn.Pkg().Name() + "." + fn.Name()
					pass.Reportf(call.Pos(), "call of %s, a %s", via, &g)
				default:
					return true
				}
				if def, ok := pass.TypesInfo.Defs[fd.Name].(*types.Func); ok {
					pass.ExportObjectFact(def, &getter{Via: via})
				}
				return true
			})
		}
	}
	if pass.Pkg.Name() == "main" {
		var pkgs []string
		for _, f := range pass.AllPackageFacts() {
			pkgs = append(pkgs, f.Package.Path())
		}
		slices.Sort(pkgs)
		pass.Reportf(pass.Files[0].Package, "analysed: %s", strings.Join(pkgs, " "))
	}
	return nil, nil
}

func main() {
	if len(os.Args) == 2 && os.Args[1] == "-V=full" {
		// go vet keys its cache by this line's buildID: the executable's hash.
		v, err := config.VetVersion("tool", ".", nil)
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		fmt.Println(v)
		return
	}
	vettool.Main(filepath.Base(os.Args[0]), []*analysis.Analyzer{analyzer}, vettool.Options{
		FactSource:     func(path string) bool { return path == "net/http" },
		FactSourceText: func(src []byte) bool { return bytes.Contains(src, []byte("\"Basic ")) },
	})
}
