// Package clean calls no Atlassian API and has no descriptor: connectlint
// has nothing to report and exits 0.
package clean

import "strings"

// Shout upper-cases s.
func Shout(s string) string { return strings.ToUpper(s) + "!" }
