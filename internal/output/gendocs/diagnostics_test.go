package main

import (
	"go/ast"
	"go/constant"
	"go/types"
	"os/exec"
	"strings"
	"testing"

	"golang.org/x/tools/go/packages"

	"github.com/connectlint/connectlint/internal/rules"
)

// TestEveryDiagnosticHasARule checks the source of the analyzers in the
// suite for findings that would reach users without a documented rule:
//   - (*analysis.Pass).Reportf and ReportRangef, which cannot set a
//     Category (use a rules.Rule's Reportf);
//   - pass.Report of an analysis.Diagnostic literal without a Category,
//     or with a constant Category that is not a registered rule ID;
//   - a rules.Rule literal with a constant ID that is never registered
//     (its findings would have no docs, no SARIF metadata, no explain).
func TestEveryDiagnosticHasARule(t *testing.T) {
	if _, err := exec.LookPath("go"); err != nil {
		t.Skip("no go command")
	}
	if testing.Short() {
		t.Skip("type-checks the analyzers; skipped in -short mode")
	}
	cfg := &packages.Config{
		Mode: packages.NeedName | packages.NeedFiles | packages.NeedSyntax | packages.NeedTypes | packages.NeedTypesInfo |
			packages.NeedImports,
		Dir: "../../..",
	}
	pkgs, err := packages.Load(cfg, "./analyzers/...")
	if err != nil {
		t.Fatal(err)
	}
	if packages.PrintErrors(pkgs) > 0 {
		t.Fatal("analyzers do not load")
	}
	// Only the packages in the suite (imported by package analyzers) can
	// report to users; an analyzer still being built is not checked yet.
	inSuite := map[string]bool{}
	var visit func(p *packages.Package)
	visit = func(p *packages.Package) {
		if !inSuite[p.PkgPath] && strings.HasPrefix(p.PkgPath, "github.com/connectlint/connectlint/") {
			inSuite[p.PkgPath] = true
			for _, imp := range p.Imports {
				visit(imp)
			}
		}
	}
	for _, p := range pkgs {
		if p.PkgPath == "github.com/connectlint/connectlint/analyzers" {
			visit(p)
		}
	}
	checked := 0
	for _, pkg := range pkgs {
		if !inSuite[pkg.PkgPath] {
			continue
		}
		for _, f := range pkg.Syntax {
			if strings.HasSuffix(pkg.Fset.File(f.FileStart).Name(), "_test.go") {
				continue
			}
			ast.Inspect(f, func(n ast.Node) bool {
				switch n := n.(type) {
				case *ast.CallExpr:
					checked += checkCall(t, pkg, n)
				case *ast.CompositeLit:
					checked += checkRuleLit(t, pkg, n)
				}
				return true
			})
		}
	}
	if checked == 0 {
		t.Error("found no report calls or rules to check: is the test looking in the right place?")
	}
}

// checkCall checks a call of a *analysis.Pass report method.
func checkCall(t *testing.T, pkg *packages.Package, call *ast.CallExpr) int {
	sel, ok := call.Fun.(*ast.SelectorExpr)
	if !ok {
		return 0
	}
	fn, ok := pkg.TypesInfo.Uses[sel.Sel].(*types.Func)
	if !ok || fn.Pkg() == nil || fn.Pkg().Path() != "golang.org/x/tools/go/analysis" {
		// pass.Report is a field of func type, not a method.
		v, isVar := pkg.TypesInfo.Uses[sel.Sel].(*types.Var)
		if !isVar || !v.IsField() || v.Name() != "Report" || !isPass(pkg.TypesInfo.TypeOf(sel.X)) {
			return 0
		}
		return checkDiagnosticArg(t, pkg, call)
	}
	switch fn.Name() {
	case "Reportf", "ReportRangef":
		t.Errorf("%s: pass.%s reports a diagnostic without a Category; report through a rules.Rule (rule.Reportf)",
			pkg.Fset.Position(call.Pos()), fn.Name())
		return 1
	}
	return 0
}

func isPass(t types.Type) bool {
	p, ok := t.(*types.Pointer)
	if !ok {
		return false
	}
	n, ok := p.Elem().(*types.Named)
	return ok && n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == "golang.org/x/tools/go/analysis" && n.Obj().Name() == "Pass"
}

// checkDiagnosticArg checks pass.Report(analysis.Diagnostic{...}).
func checkDiagnosticArg(t *testing.T, pkg *packages.Package, call *ast.CallExpr) int {
	if len(call.Args) != 1 {
		return 0
	}
	lit, ok := ast.Unparen(call.Args[0]).(*ast.CompositeLit)
	if !ok {
		return 1 // a rule's Diagnostic(...) or a variable: built elsewhere
	}
	for _, elt := range lit.Elts {
		kv, ok := elt.(*ast.KeyValueExpr)
		if !ok {
			continue
		}
		if id, ok := kv.Key.(*ast.Ident); ok && id.Name == "Category" {
			checkConstID(t, pkg, kv.Value, "diagnostic Category")
			return 1
		}
	}
	t.Errorf("%s: diagnostic without a Category; report through a rules.Rule", pkg.Fset.Position(lit.Pos()))
	return 1
}

// checkRuleLit checks that a rules.Rule literal with a constant ID is
// registered.
func checkRuleLit(t *testing.T, pkg *packages.Package, lit *ast.CompositeLit) int {
	n, ok := pkg.TypesInfo.TypeOf(lit).(*types.Named)
	if !ok || n.Obj().Pkg() == nil || n.Obj().Pkg().Path() != "github.com/connectlint/connectlint/internal/rules" || n.Obj().Name() != "Rule" {
		return 0
	}
	for _, elt := range lit.Elts {
		if kv, ok := elt.(*ast.KeyValueExpr); ok {
			if id, ok := kv.Key.(*ast.Ident); ok && id.Name == "ID" {
				checkConstID(t, pkg, kv.Value, "rule")
				return 1
			}
		}
	}
	return 0
}

func checkConstID(t *testing.T, pkg *packages.Package, e ast.Expr, what string) {
	tv, ok := pkg.TypesInfo.Types[e]
	if !ok || tv.Value == nil || tv.Value.Kind() != constant.String {
		return // not constant: cannot tell here
	}
	id := constant.StringVal(tv.Value)
	if _, ok := rules.Lookup(id); !ok {
		t.Errorf("%s: %s %q is not a registered rule (register it in the analyzer's rules.go, and add its package to analyzers.All)",
			pkg.Fset.Position(e.Pos()), what, id)
	}
}
