package a

func generated() {
	bad()   // suppressed by the config file's ignore entry
	other() // want "call to other"
}
