package p

func bad() {}

func f() {
	bad() //connectlint:ignore bad-call -- the config is broken, directives still work
	bad() // want "call to bad"
}
