package library_test

import (
	"testing"

	"example.com/library"
)

func TestVersion(t *testing.T) {
	if library.Version() == "" {
		t.Fatal("no version")
	}
}
