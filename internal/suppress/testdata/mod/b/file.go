//connectlint:file-ignore other-call -- no call to other here // want `^//connectlint:file-ignore for other-call suppressed no finding in this file$`
//connectlint:file-ignore bad-call -- used

package b

//connectlint:file-ignore bad-call -- misplaced // want `^//connectlint:file-ignore must come before the package clause$`

func whole() {
	bad()
}
