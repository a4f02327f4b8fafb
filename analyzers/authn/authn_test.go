package authn_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/connectlint/connectlint/analyzers/authn"
)

func TestBasicAuth(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), authn.Analyzer, "basicauth", "plainpkg", "wrapuser", "descgate", "libgate", "example.com/fork/go-jira")
}

func TestCookieAuth(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), authn.Analyzer, "cookie")
}

func TestOAuth1(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), authn.Analyzer, "oauth1app", "oauth1other", "oauth1paths")
}

func TestHardcodedSecret(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), authn.Analyzer, "secrets")
}

func TestInsecureTLS(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), authn.Analyzer, "tlsconf", "quiet")
}

func TestPlaintextHTTP(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), authn.Analyzer, "plainhttp")
}

func TestJWTUnverified(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), authn.Analyzer, "jwtcheck", "jwtunverified", "jwtpreread", "jwtv4")
}

func TestJWTNoQSH(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), authn.Analyzer, "connectin", "connectinok", "connectout", "sessiontokens", "gonnectapp", "jwtquery", "connectquery", "github.com/craftamap/atlas-gonnect/middleware")
}
