package main

import (
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/connectlint/connectlint/internal/testenv"
)

// standaloneAndVet runs connectlint standalone (text and JSON) and as go
// vet's -vettool in dir, checks that the finding positions exist and that
// both ways report the same findings, and returns the text output.
func standaloneAndVet(t *testing.T, dir string) string {
	t.Helper()
	text := connectlint(t, "", "-C", dir, "./...")
	if text.stderr != "" {
		t.Errorf("stderr:\n%s", text.stderr)
	}
	js := connectlint(t, "", "-C", dir, "-format", "json", "./...")
	report := parseJSONReport(t, js.stdout)
	if len(report.Errors) != 0 {
		t.Errorf("load errors: %+v", report.Errors)
	}
	checkPositions(t, dir, report.Findings)
	var standalone []string
	for _, f := range report.Findings {
		if !f.Suppressed {
			standalone = append(standalone, fmt.Sprintf("%s:%d:%d: %s [%s]", f.File, f.Line, f.Column, f.Message, f.Rule))
		}
	}
	wantExit(t, text, len(standalone))
	slices.Sort(standalone)
	vet, vetRes := runVet(t, dir)
	if !slices.Equal(vet, standalone) {
		t.Errorf("go vet and standalone disagree\ngo vet:\n%s\nstandalone:\n%s\ngo vet stderr:\n%s",
			strings.Join(vet, "\n"), strings.Join(standalone, "\n"), vetRes.stderr)
	}
	return text.stdout
}

// TestE2EForge runs the Forge rules on a remote whose verification lives
// in another package (facts under go vet): an unverified handler, one
// verified without its audience and a user token the manifest never
// enables are reported; a verified handler and one behind the verifying
// middleware are not.
func TestE2EForge(t *testing.T) {
	dir := absFixture(t, "forge")
	out := standaloneAndVet(t, dir)
	golden(t, "forge.txt", out)
	for _, quiet := range []string{"handler verified", "handler wrapped", "handler asUser"} {
		if strings.Contains(out, quiet) {
			t.Errorf("%s is reported:\n%s", quiet, out)
		}
	}
}

// TestE2EDemoForge runs the Forge demo app of the README, with the real
// golang-jwt and keyfunc modules from the module proxy.
func TestE2EDemoForge(t *testing.T) {
	if buildErr != nil {
		t.Skipf("cannot build connectlint: %v", buildErr)
	}
	dir := testenv.DownloadedModule(t, filepath.Join(repoRoot, "testdata", "demo-forge"))
	out := standaloneAndVet(t, dir)
	golden(t, "demo-forge.txt", out)
	for _, want := range []string{"handlers.go:26:11: handler issueUpdated uses the app system token", "[fit-unverified]"} {
		if !strings.Contains(out, want) {
			t.Errorf("no %q in:\n%s", want, out)
		}
	}
	if strings.Contains(out, "dailyReport") {
		t.Errorf("the verified handler is reported:\n%s", out)
	}
}
