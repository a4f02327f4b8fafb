package a

import "testing"

func TestF(t *testing.T) { _ = bad() }
