package e

func other() int { return 0 }

func f() {
	//connectlint:ignore other-call -- disabled by the config file: not judged
	other()
}
