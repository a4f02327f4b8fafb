package analyzers

import (
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"

	"github.com/connectlint/connectlint/analyzers/directives"
	"github.com/connectlint/connectlint/internal/driver"
)

// TestAllShape checks what suppression relies on: the connectlint analyzer
// comes last and requires every checking analyzer, so on each package it
// runs after all of them have reported.
func TestAllShape(t *testing.T) {
	all := All()
	if err := analysis.Validate(all); err != nil {
		t.Fatal(err)
	}
	last := all[len(all)-1]
	if last.Name != directives.Name {
		t.Fatalf("the last analyzer is %s, want %s", last.Name, directives.Name)
	}
	for _, a := range all[:len(all)-1] {
		if !slices.Contains(last.Requires, a) {
			t.Errorf("%s does not require %s: add new analyzers to checkers()", last.Name, a.Name)
		}
	}
	again := All()
	if !slices.Equal(all, again) {
		t.Error("a second All() returned other analyzers")
	}
	again[0] = nil
	if All()[0] == nil {
		t.Error("All() returned its own slice, which callers can change")
	}
}

// TestAcrossPrograms: two programs share a descriptor; a scope the server
// needs is not excess because the report command does not need it, while a
// scope neither needs still is.
func TestAcrossPrograms(t *testing.T) {
	dir, err := filepath.Abs("testdata/twoprograms")
	if err != nil {
		t.Fatal(err)
	}
	rules, err := driver.NewRuleSet([]string{"excess-scope"}, nil)
	if err != nil {
		t.Fatal(err)
	}
	excess := func(across *driver.Across) []string {
		res, err := driver.Run(driver.Config{Dir: dir, Analyzers: All(), Rules: rules, Across: across, Runner: &driver.Runner{Options: ToolOptions}})
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, f := range res.Findings {
			out = append(out, fmt.Sprintf("%s:%d %s", filepath.Base(f.Pos.File), f.Pos.Line, f.Message))
		}
		return out
	}
	// Alone, the report command finds DELETE broader than it needs.
	alone := excess(nil)
	if !slices.ContainsFunc(alone, func(s string) bool { return strings.Contains(s, "scope DELETE is broader than needed") }) {
		t.Fatalf("without AcrossPrograms, DELETE is not reported: %q", alone)
	}
	got := excess(AcrossPrograms)
	for _, s := range got {
		if strings.Contains(s, "scope DELETE") {
			t.Errorf("DELETE, which the server needs, is reported: %s", s)
		}
	}
	if !slices.ContainsFunc(got, func(s string) bool { return strings.Contains(s, "scope ADMIN") }) {
		t.Errorf("ADMIN, which no program needs, is not reported: %q", got)
	}
}
