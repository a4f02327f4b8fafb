// Package usesbad imports a package that does not type-check.
package usesbad

import "example.com/broken/bad"

// V re-exports bad.Value.
var V = bad.Value
