package d

func bad() int   { return 0 }
func other() int { return 0 }

func f() {
	bad() // want "call to bad"
	other()
	//connectlint:ignore other-call -- disabled by the config file: not judged
	other()
}
