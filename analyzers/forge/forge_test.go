package forge_test

import (
	"maps"
	"slices"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/connectlint/connectlint/analyzers/forge"
)

// run checks the packages with analysistest and that the diagnostics name
// exactly the rules given.
func run(t *testing.T, rules []string, pkgs ...string) {
	t.Helper()
	got := map[string]bool{}
	for _, r := range analysistest.Run(t, analysistest.TestData(), forge.Analyzer, pkgs...) {
		for _, d := range r.Diagnostics {
			got[d.Category] = true
		}
	}
	if ids := slices.Sorted(maps.Keys(got)); !slices.Equal(ids, slices.Sorted(slices.Values(rules))) {
		t.Errorf("diagnostics name rules %q, want %q", ids, rules)
	}
}

func TestFITUnverified(t *testing.T) {
	run(t, []string{"fit-unverified"}, "fitmain", "fitv4", "fitjwx", "fitjose", "fitwrap", "fitglobal", "fitpayload", "fitlib", "fitcross", "fituse")
}

func TestRemoteTokenDisabled(t *testing.T) {
	run(t, []string{"remote-token-disabled"}, "tokendisabled", "tokenuser")
}

// TestNoManifest: without a manifest neither rule has anything to say
// about a package that only reads the headers.
func TestNoManifest(t *testing.T) {
	run(t, nil, "nomanifest")
}
