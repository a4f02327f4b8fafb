package a

//connectlint:file-ignore bad-call -- too late: after the package clause

func late() {
	bad() // want "call to bad"
}
