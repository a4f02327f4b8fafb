package remote

// This file has no directive.
func g() {
	bad()
}
