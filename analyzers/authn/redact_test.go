package authn_test

import (
	"bytes"
	"go/ast"
	"go/token"
	"go/types"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/connectlint/connectlint/analyzers/authn"
	"github.com/connectlint/connectlint/internal/output"
	"github.com/connectlint/connectlint/internal/rules"
)

// TestRedaction checks that no hardcoded-secret finding reveals its secret,
// in the message and in every output format: at most the first four
// characters of a long value may appear.
func TestRedaction(t *testing.T) {
	results := analysistest.Run(t, analysistest.TestData(), authn.Analyzer, "secrets", "basicauth", "cookie", "wrapuser")
	report := &output.Report{Tool: output.Tool{Name: "connectlint", Version: "(devel)"}}
	var secrets []string
	for _, r := range results {
		pkg := r.Action.Package
		values := literalValues(pkg.TypesInfo, pkg.Syntax)
		for _, d := range r.Action.Diagnostics {
			report.Findings = append(report.Findings, output.FromDiagnostic(pkg.Fset, d))
			if d.Category != "hardcoded-secret" {
				continue
			}
			secrets = append(secrets, secretsIn(pkg.TypesInfo, pkg.Syntax, values, d.Pos, d.End)...)
		}
	}
	if len(secrets) < 8 {
		t.Fatalf("found only %d secrets behind hardcoded-secret findings; the fixture lost its cases", len(secrets))
	}
	for _, f := range report.Findings {
		if f.Rule != "hardcoded-secret" {
			continue
		}
		for _, s := range secrets {
			if strings.Contains(f.Message, s) || len(s) >= 16 && strings.Contains(f.Message, s[:5]) {
				t.Errorf("%s:%d: message reveals more than 4 characters of a secret", f.Pos.File, f.Pos.Line)
			}
		}
	}
	var text, js, sarif bytes.Buffer
	if err := output.WriteText(&text, report, output.TextOptions{}); err != nil {
		t.Fatal(err)
	}
	if err := output.WriteJSON(&js, report); err != nil {
		t.Fatal(err)
	}
	if err := output.WriteSARIF(&sarif, report); err != nil {
		t.Fatal(err)
	}
	for name, out := range map[string]string{"text": text.String(), "json": js.String(), "sarif": sarif.String()} {
		if !strings.Contains(out, "hard-coded") {
			t.Errorf("%s output has no hardcoded-secret finding", name)
		}
		for _, s := range secrets {
			if strings.Contains(out, s) || strings.Contains(out, strconv.Quote(s)) {
				t.Errorf("%s output contains a secret of %d characters", name, len(s))
			}
		}
	}
}

// secretsIn returns the string values a finding's range holds: literals, and
// constants or package variables initialised with literals.
func secretsIn(info *types.Info, files []*ast.File, values map[types.Object]string, pos, end token.Pos) []string {
	var out []string
	for _, f := range files {
		ast.Inspect(f, func(n ast.Node) bool {
			if n == nil || n.End() <= pos || n.Pos() >= end {
				return n == nil
			}
			switch n := n.(type) {
			case *ast.BasicLit:
				if s, err := strconv.Unquote(n.Value); err == nil && n.Kind == token.STRING && len(s) >= 6 {
					out = append(out, strings.TrimPrefix(s, "Basic "))
				}
			case *ast.Ident:
				if v, ok := values[info.Uses[n]]; ok {
					out = append(out, v)
				}
			}
			return true
		})
	}
	return out
}

// literalValues maps constants and variables initialised with a string
// literal (or []byte of one) to the literal.
func literalValues(info *types.Info, files []*ast.File) map[types.Object]string {
	values := map[types.Object]string{}
	for _, f := range files {
		ast.Inspect(f, func(n ast.Node) bool {
			vs, ok := n.(*ast.ValueSpec)
			if !ok || len(vs.Values) != len(vs.Names) {
				return true
			}
			for i, name := range vs.Names {
				e := vs.Values[i]
				if call, ok := e.(*ast.CallExpr); ok && len(call.Args) == 1 {
					e = call.Args[0]
				}
				if lit, ok := e.(*ast.BasicLit); ok && lit.Kind == token.STRING {
					if s, err := strconv.Unquote(lit.Value); err == nil && len(s) >= 6 {
						values[info.Defs[name]] = s
					}
				}
			}
			return true
		})
	}
	return values
}

// TestSeverity checks the default severities and the note variant of
// insecure-tls for a non-constant InsecureSkipVerify.
func TestSeverity(t *testing.T) {
	results := analysistest.Run(t, analysistest.TestData(), authn.Analyzer, "tlsconf", "gonnectapp", "jwtcheck")
	got := map[string]int{}
	for _, r := range results {
		for _, d := range r.Action.Diagnostics {
			got[d.Category+"/"+string(rules.SeverityOf(d))]++
		}
	}
	want := map[string]int{
		"insecure-tls/error": 6, "insecure-tls/note": 1,
		"jwt-no-qsh/error": 1, "jwt-no-qsh/note": 1,
		"jwt-unverified/warning": 3, // unpinned algorithms: hardening
		"jwt-unverified/error":   3, // claims validation off, alg none twice
	}
	for k, n := range want {
		if got[k] != n {
			t.Errorf("%s: got %d findings, want %d (all: %v)", k, got[k], n, got)
		}
	}
}

// TestRulesDocumented checks that every rule has the metadata explain,
// docs and SARIF need.
func TestRulesDocumented(t *testing.T) {
	rs := rules.ForAnalyzer("authn")
	if len(rs) != 8 {
		t.Fatalf("authn registers %d rules, want 8", len(rs))
	}
	for _, r := range rs {
		if r.Doc == "" || r.Bad == "" || r.Good == "" || r.Since == "" || r.Lang != "go" {
			t.Errorf("rule %s lacks doc, examples, since or lang", r.ID)
		}
	}
	if !strings.Contains(authn.Analyzer.Doc, "jwt-no-qsh") {
		t.Errorf("analyzer Doc does not list the rules:\n%s", authn.Analyzer.Doc)
	}
}
