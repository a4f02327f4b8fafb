package c

func other() int { return 0 }

// The test disables other-call: the call is not reported, and the
// directive is not judged unused.
func f() {
	//connectlint:ignore other-call -- not judged while other-call is disabled
	other()
	other()
}
