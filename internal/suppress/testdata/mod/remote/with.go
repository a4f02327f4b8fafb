// Package remote holds calls that TestOtherPackageFile's analyzer, run on
// package c, reports as a main package reports calls of other packages.
package remote

func bad() int { return 0 }

func f() {
	bad() //connectlint:ignore bad-call -- suppressed where the call is
	bad()
}
