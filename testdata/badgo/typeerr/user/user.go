// Package user imports a package with type errors: it cannot be checked.
package user

import "example.com/typeerr/bad"

func Twice() int { return 2 * bad.Count() }
