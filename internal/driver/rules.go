package driver

import (
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/connectlint/connectlint/internal/rules"
	"github.com/connectlint/connectlint/internal/textutil"
)

// RuleSet says which rules a run reports. Names are rule IDs or analyzer
// names (standing for all of that analyzer's rules).
type RuleSet struct {
	enable  map[string]bool // empty: every rule
	disable map[string]bool
}

// NewRuleSet checks the names in enable and disable against the registry.
// With a non-empty enable list only those rules are reported; disable
// removes rules from whatever is enabled.
func NewRuleSet(enable, disable []string) (RuleSet, error) {
	s := RuleSet{enable: map[string]bool{}, disable: map[string]bool{}}
	known := map[string]bool{}
	for _, r := range rules.All() {
		known[r.ID] = true
		known[r.Analyzer] = true
	}
	for _, list := range []struct {
		flag  string
		names []string
		into  map[string]bool
	}{{"enable", enable, s.enable}, {"disable", disable, s.disable}} {
		for _, name := range list.names {
			name = strings.TrimSpace(name)
			if name == "" {
				continue
			}
			if !known[name] {
				return RuleSet{}, fmt.Errorf("-%s: unknown rule %q%s (connectlint explain lists the rules)", list.flag, name, suggest(name, known))
			}
			list.into[name] = true
		}
	}
	return s, nil
}

// Enabled reports whether findings of rule id are reported. Unregistered
// IDs are always reported: hiding a finding because its rule lacks docs
// would hide a bug.
func (s RuleSet) Enabled(id string) bool {
	r, ok := rules.Lookup(id)
	if !ok {
		return true
	}
	if len(s.enable) > 0 && !s.enable[r.ID] && !s.enable[r.Analyzer] {
		return false
	}
	return !s.disable[r.ID] && !s.disable[r.Analyzer]
}

// needsAnalyzer reports whether analyzer name must run as a root: it
// reports at least one enabled rule, or it has no registered rules (then
// nothing is known and it runs).
func (s RuleSet) needsAnalyzer(name string) bool {
	rs := rules.ForAnalyzer(name)
	if len(rs) == 0 {
		return true
	}
	return slices.ContainsFunc(rs, func(r *rules.Rule) bool { return s.Enabled(r.ID) })
}

// SplitList splits a comma-separated flag value.
func SplitList(v string) []string {
	var out []string
	for f := range strings.SplitSeq(v, ",") {
		if f = strings.TrimSpace(f); f != "" {
			out = append(out, f)
		}
	}
	return out
}

// suggest names the known name closest to name, if any is close.
func suggest(name string, known map[string]bool) string {
	names := slices.Sorted(maps.Keys(known)) // ties go to the first in order
	return textutil.DidYouMean(name, names, 3)
}
