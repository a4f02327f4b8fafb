package b

import "testing"

func TestB(t *testing.T) {
	//connectlint:ignore bad-call -- judged only when tests are analysed // want `for bad-call suppressed no finding here`
	other()
}
