// Package bad does not type-check.
package bad

// Value refers to something that does not exist.
var Value = missingFunction()
