// Package text imports no HTTP API, directly or not: it is skipped.
package text

import "strings"

func Upper(s string) string { return strings.ToUpper(s) }
