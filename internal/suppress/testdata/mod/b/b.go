package b

func bad() int   { return 0 }
func other() int { return 0 }

func used() {
	bad() //connectlint:ignore bad-call -- used: no finding about the directive

	//connectlint:ignore bad-call,other-call -- both used
	_ = bad() + other()
}

func unused() {
	other() //connectlint:ignore bad-call -- wrong rule // want `^//connectlint:ignore for bad-call suppressed no finding here$`

	//connectlint:ignore bad-call,other-call -- only bad-call is used // want `^//connectlint:ignore for other-call suppressed no finding here$`
	bad()

	//connectlint:ignore other-call, bad-call -- nothing here // want `for other-call and bad-call suppressed no finding here`

	bad() //connectlint:ignore bad-call -- trailing: does not reach the next line
	bad() //connectlint:ignore other-call -- neither // want `for other-call suppressed no finding here`

	//connectlint:ignore notrun-call -- its analyzer is not in the suite: not judged
	bad()

	//connectlint:ignore descriptor-thing -- on a Go line // want `^//connectlint:ignore for descriptor-thing suppressed no finding here; descriptor findings are suppressed by an ignore entry in .connectlint.yaml$`
	bad()
}

func malformed() {
	//connectlint:ignore bad-call personal CLI // want `^a reason is required after " .. ": write //connectlint:ignore bad-call .. personal CLI`
	bad()

	//connectlint:ignore bad-call // want `a reason is required after " .. "`
	bad()

	//connectlint:ignore -- a reason but no rule // want `^//connectlint:ignore names no rule: write //connectlint:ignore RULE -- REASON$`
	bad()

	//connectlint:ignore bad-cal -- typo // want `^unknown rule "bad-cal"; did you mean "bad-call"\?$`
	bad()

	//connectlint:ignore bad-call other-call -- spaces // want `^rule names must be separated by commas, not spaces: "bad-call other-call"$`
	bad()

	//connectlint:ignore bad-call,,other-call -- empty item // want `^empty rule name in "bad-call,,other-call"$`
	bad()

	//connectlint:ignroe bad-call -- typo in the verb // want `^unknown directive //connectlint:ignroe; want //connectlint:ignore or //connectlint:file-ignore$`
	bad()

	// connectlint:ignore bad-call -- a space // want `^a directive has no space after //: write //connectlint:ignore$`
	bad()

	//connectlint:ignore unused-directive -- circular // want `^unused-directive cannot be suppressed by a directive; disable it or add an ignore entry to .connectlint.yaml$`
	bad()

	// An ordinary comment that mentions connectlint: ignore it.
	// connectlint: the tool this package is checked with
	bad()
}
