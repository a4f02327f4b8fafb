package textutil

import (
	"strings"
	"testing"
)

func TestEditDistance(t *testing.T) {
	long := strings.Repeat("a", 101)
	for _, tc := range []struct {
		a, b string
		want int
	}{
		{"", "", 0},
		{"", "abc", 3},
		{"abc", "", 3},
		{"excess-scope", "excess-scope", 0},
		{"exces-scope", "excess-scope", 1},   // deletion
		{"excesss-scope", "excess-scope", 1}, // insertion
		{"excuss-scope", "excess-scope", 1},  // substitution
		{"kitten", "sitting", 3},
		{"READ", "read", 4}, // bytes, case-sensitive
		{long, "a", 101},    // over the bound: the longer length
		{long, long, 101},
	} {
		if got := EditDistance(tc.a, tc.b); got != tc.want {
			t.Errorf("EditDistance(%.10q, %.10q) = %d, want %d", tc.a, tc.b, got, tc.want)
		}
	}
}

func TestDidYouMean(t *testing.T) {
	cands := []string{"missing-scope", "excess-scope", "excess-scopes"}
	for _, tc := range []struct {
		name    string
		maxDist int
		want    string
	}{
		{"exces-scope", 3, `; did you mean "excess-scope"?`},
		{"excess-scopez", 3, `; did you mean "excess-scope"?`}, // tie at 1: the earliest wins
		{"mising-scope", 1, `; did you mean "missing-scope"?`}, // exactly maxDist
		{"mising-scpe", 1, ""},                                 // beyond maxDist
		{"authn", 3, ""},
		{"", 3, ""},
	} {
		if got := DidYouMean(tc.name, cands, tc.maxDist); got != tc.want {
			t.Errorf("DidYouMean(%q, %d) = %q, want %q", tc.name, tc.maxDist, got, tc.want)
		}
	}
	if got := DidYouMean("x", nil, 5); got != "" {
		t.Errorf("DidYouMean with no candidates = %q, want empty", got)
	}
}
