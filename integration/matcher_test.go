package integration

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestProblemMatcher checks the problem matcher against connectlint's real
// text output on the demo app: every line becomes the annotation of the
// finding it prints, Go and descriptor positions alike.
func TestProblemMatcher(t *testing.T) {
	integration(t)
	m := loadMatcher(t)
	if m.owner != "connectlint" || (m.severity != "warning" && m.severity != "error") {
		t.Errorf("owner %q severity %q", m.owner, m.severity)
	}
	dir := copyDemo(t)
	// A malformed directive: a Go finding whatever the analyzers find.
	writeFile(t, filepath.Join(dir, "directive.go"),
		"package main\n\n//connectlint:ignore unchecked-403\nfunc directive() {}\n")
	want := map[string]bool{}
	exts := map[string]bool{}
	for _, f := range connectlintFindings(t, dir) {
		want[fmt.Sprintf("%s:%d:%d: %s [%s]", f.File, f.Line, f.Column, f.Message, f.Rule)] = true
		exts[filepath.Ext(f.File)] = true
	}
	if !exts[".go"] || !exts[".json"] {
		t.Errorf("the demo app's findings cover %v; want both .go and .json positions to test the matcher on", exts)
	}
	r := run(t, 5*time.Minute, dir, []string{"NO_COLOR=1"}, connectlint(t), "./...")
	if r.code != 3 {
		t.Fatalf("connectlint ./...: want exit status 3\n%s", r)
	}
	got := map[string]bool{}
	for _, line := range strings.Split(strings.TrimSpace(r.stdout), "\n") {
		a := m.match(line)
		if a == "" {
			t.Errorf("the problem matcher misses %q", line)
		}
		got[a] = true
	}
	for w := range want {
		if !got[w] {
			t.Errorf("no annotation for finding %q; got %v", w, got)
		}
	}

	// Lines the matcher must leave alone, and shapes it must accept.
	for line, want := range map[string]string{
		"connectlint: example.com/app: main.go:3:9: undefined: x":                                       "",
		"atlassian-connect.json:4:14: baseUrl uses http [insecure-base-url] (suppressed: staging only)": "",
		"sub/dir/x.go:12:3: msg with [brackets] in it [unchecked-403]":                                  "sub/dir/x.go:12:3: msg with [brackets] in it [unchecked-403]",
		"static/atlassian-connect.json:7: no column [some-rule]":                                        "static/atlassian-connect.json:7:: no column [some-rule]",
	} {
		if got := m.match(line); got != want {
			t.Errorf("match(%q) = %q, want %q", line, got, want)
		}
	}
}
