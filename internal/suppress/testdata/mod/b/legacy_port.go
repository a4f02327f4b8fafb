package b

func port() {
	//connectlint:ignore bad-call -- unused, but the config file ignores unused-directive here
	other()
}
