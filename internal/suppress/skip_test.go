package suppress

import (
	"reflect"
	"testing"

	"golang.org/x/tools/go/analysis"

	"github.com/connectlint/connectlint/internal/config"
)

type testFact struct{}

func (*testFact) AFact() {}

func TestSkippable(t *testing.T) {
	plain := &analysis.Analyzer{Name: "badcall"}
	withFacts := &analysis.Analyzer{Name: "badcall", FactTypes: []analysis.Fact{new(testFact)}}
	withResult := &analysis.Analyzer{Name: "badcall", ResultType: reflect.TypeFor[int]()}
	noRules := &analysis.Analyzer{Name: "norules"}
	off := &config.Config{Filter: config.Filter{Disable: []string{"badcall"}}}
	half := &config.Config{Filter: config.Filter{Disable: []string{"bad-call"}}}

	for _, tc := range []struct {
		name   string
		a      *analysis.Analyzer
		cfg    *config.Config
		filter func(string) bool
		want   bool
	}{
		{"all rules disabled by config", plain, off, nil, true},
		{"one rule still enabled", plain, half, nil, false},
		{"nothing disabled", plain, &config.Config{}, nil, false},
		{"a result others need", withResult, off, nil, false},
		{"no registered rules", noRules, off, nil, false},
		{"facts, config only: a dependency's config must not starve the main module", withFacts, off, nil, false},
		{"facts, disabled by the driver everywhere", withFacts, &config.Config{}, func(string) bool { return false }, true},
	} {
		SetRuleFilter(tc.filter)
		if got := skippable(tc.a, tc.cfg); got != tc.want {
			t.Errorf("%s: skippable = %v, want %v", tc.name, got, tc.want)
		}
	}
	SetRuleFilter(nil)
}
