package a

// The code below says it comes from grammar.y, as generated code does: the
// config file's ignore entry for a/grammar.y covers it.
func lined() {
//line grammar.y:10
	bad()
}
