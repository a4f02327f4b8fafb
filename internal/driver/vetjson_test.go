package driver

import (
	"fmt"
	"testing"

	"github.com/connectlint/connectlint/internal/output"
)

func TestStderrProblems(t *testing.T) {
	const stderr = `go: downloading example.org/dep v1.0.0
go: warning: something without a position
# [example.com/m/bad]
vet: bad/bad.go:5:13: undefined: missingFunction
# example.com/m/worse
worse/a.go:1:1: first
worse/a.go:2:1: second
	continuation of second
worse/a.go:3:1: third
worse/a.go:4:1: fourth
worse/a.go:4:1: fourth
`
	got := stderrProblems(stderr, "/m", 3)
	want := []output.Problem{
		{Message: "go: warning: something without a position"},
		{Package: "example.com/m/bad", Pos: output.Position{File: "/m/bad/bad.go", Line: 5, Column: 13}, Message: "undefined: missingFunction"},
		{Package: "example.com/m/worse", Pos: output.Position{File: "/m/worse/a.go", Line: 1, Column: 1}, Message: "first"},
		{Package: "example.com/m/worse", Pos: output.Position{File: "/m/worse/a.go", Line: 2, Column: 1}, Message: "second"},
		{Package: "example.com/m/worse", Pos: output.Position{File: "/m/worse/a.go", Line: 3, Column: 1}, Message: "third"},
		{Package: "example.com/m/worse", Message: "and 1 more error"},
	}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("stderrProblems:\n got %+v\nwant %+v", got, want)
	}
}

func TestAnalyzerProblems(t *testing.T) {
	got := analyzerProblems("example.com/m", "connectlint", "/m/.connectlint.yaml:3:5: unknown rule \"x\"\n/m/.connectlint.yaml:4:1: bad")
	if len(got) != 2 || got[0].Pos.Line != 3 || got[0].Pos.Column != 5 || got[0].Message != `unknown rule "x"` || got[1].Pos.Line != 4 {
		t.Errorf("config errors: %+v", got)
	}
	got = analyzerProblems("example.com/m", "scopes", "internal error: boom")
	if len(got) != 1 || got[0].Package != "example.com/m" || got[0].Message != "analyzer scopes failed: internal error: boom" {
		t.Errorf("analyzer error: %+v", got)
	}
}

func TestSplitPosn(t *testing.T) {
	for _, tc := range []struct {
		posn      string
		file      string
		line, col int
		ok        bool
	}{
		{"/a/b:c/atlassian-connect.json:7:22", "/a/b:c/atlassian-connect.json", 7, 22, true},
		{"C:\\app\\main.go:3:1", "C:\\app\\main.go", 3, 1, true},
		{"-", "", 0, 0, false},
		{"main.go:x:1", "main.go", 0, 1, false},
	} {
		file, line, col, ok := splitPosn(tc.posn)
		if ok != tc.ok || ok && (file != tc.file || line != tc.line || col != tc.col) {
			t.Errorf("splitPosn(%q) = %q %d %d %v", tc.posn, file, line, col, ok)
		}
	}
}
