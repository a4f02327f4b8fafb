package authn_test

import (
	"maps"
	"slices"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/connectlint/connectlint/analyzers/authn"
)

// run checks the packages with analysistest, whose // want comments match
// messages only, and then that the diagnostics name exactly the rules
// given (their Category), so a finding filed under the wrong rule fails.
// The test's own rule comes first; the others are findings the fixtures
// also hold (a password in a basic-auth call is also a hardcoded secret).
func run(t *testing.T, rules []string, pkgs ...string) {
	t.Helper()
	got := map[string]bool{}
	for _, r := range analysistest.Run(t, analysistest.TestData(), authn.Analyzer, pkgs...) {
		for _, d := range r.Diagnostics {
			got[d.Category] = true
		}
	}
	if ids := slices.Sorted(maps.Keys(got)); !slices.Equal(ids, slices.Sorted(slices.Values(rules))) {
		t.Errorf("diagnostics name rules %q, want %q", ids, rules)
	}
}

func TestBasicAuth(t *testing.T) {
	run(t, []string{"basic-auth", "hardcoded-secret"}, "basicauth", "basicapp", "plainpkg", "wrapuser", "descgate", "libgate",
		"forgeremote", "oauthapp", "oauthlib", "webhookbot", "connectroutes", "usersimport", "example.com/fork/go-jira")
}

func TestCookieAuth(t *testing.T) {
	run(t, []string{"cookie-auth", "hardcoded-secret"}, "cookie", "cookieapp", "example.com/fork/go-jira")
}

func TestOAuth1(t *testing.T) {
	run(t, []string{"oauth1"}, "oauth1app", "oauth1cloud", "oauth1other", "oauth1paths")
}

func TestHardcodedSecret(t *testing.T) {
	run(t, []string{"hardcoded-secret"}, "secrets")
}

func TestInsecureTLS(t *testing.T) {
	run(t, []string{"insecure-tls", "hardcoded-secret", "plaintext-http"}, "tlsconf", "quiet")
}

func TestPlaintextHTTP(t *testing.T) {
	run(t, []string{"plaintext-http"}, "plainhttp")
}

func TestJWTUnverified(t *testing.T) {
	run(t, []string{"jwt-unverified"}, "jwtcheck", "jwtunverified", "jwtpreread", "jwtv4", "jwtpaths", "jwtverifier", "jwtglobal")
}

func TestJWTNoQSH(t *testing.T) {
	run(t, []string{"jwt-no-qsh"}, "connectin", "connectinok", "connectout", "sessiontokens", "gonnectapp", "jwtquery", "connectquery", "qshpaths", "connecthash", "hashcheck", "github.com/craftamap/atlas-gonnect/middleware")
}
