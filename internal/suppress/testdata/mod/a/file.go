// Copyright notice first: a file directive may follow other comments.

//connectlint:file-ignore bad-call -- the whole file is a fixture for bad()

package a

func whole() {
	bad()
	bad()
	other() // want "call to other"
}
