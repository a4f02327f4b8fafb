// Package missingdep imports a module that go.mod does not require.
package missingdep

import "example.org/nowhere/jira"

var C = jira.NewClient(nil)
