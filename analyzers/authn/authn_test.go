package authn_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/connectlint/connectlint/analyzers/authn"
)

func TestBasicAuth(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), authn.Analyzer, "basicauth", "plainpkg", "wrapuser")
}
