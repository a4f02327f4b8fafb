package analyzers

import (
	"slices"
	"testing"

	"golang.org/x/tools/go/analysis"

	"github.com/connectlint/connectlint/analyzers/directives"
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
