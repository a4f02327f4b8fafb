// Package analyzers holds the connectlint suite.
package analyzers

import (
	"golang.org/x/tools/go/analysis"

	"github.com/connectlint/connectlint/analyzers/descriptor"
)

// All returns every connectlint analyzer, in a fixed order.
func All() []*analysis.Analyzer {
	return []*analysis.Analyzer{
		descriptor.Analyzer,
	}
}
