package a

func bad() int   { return 0 }
func other() int { return 0 }

func lines() {
	bad() // want "call to bad"

	bad() //connectlint:ignore bad-call -- a trailing directive covers its own line

	//connectlint:ignore bad-call -- a directive alone on its line covers the next line
	bad()

	bad() //connectlint:ignore bad-call -- covers this line only
	bad() // want "call to bad"

	//connectlint:ignore bad-call -- covers the next line only
	bad()
	bad() // want "call to bad"

	//connectlint:ignore other-call,bad-call -- several rules, each suppressed
	_ = bad() + other()

	//connectlint:ignore other-call -- another rule does not cover bad-call
	_ = bad() + other() // want "call to bad"

	//connectlint:ignore bad-call, other-call -- spaces after commas are fine
	_ = bad() + other()
}

// Malformed directives suppress nothing.
func malformed() {
	//connectlint:ignore bad-call personal CLI
	bad() // want "call to bad"

	//connectlint:ignore bad-cal -- unknown rule
	bad() // want "call to bad"

	// connectlint:ignore bad-call -- a space after the slashes
	bad() // want "call to bad"

	//connectlint:ignore bad-call other-call -- no comma
	bad() // want "call to bad"
}
