// Package good type-checks: it is analysed although its siblings are not.
package good

// Answer is fine.
func Answer() int { return 42 }
