// Package good type-checks: it is analysed although its siblings are not,
// and its descriptor's finding is reported.
package good

import _ "embed"

//go:embed atlassian-connect.json
var descriptor []byte

// Answer is fine.
func Answer() int { return 42 }
