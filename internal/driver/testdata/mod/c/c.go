package c

import "example.com/mod/b"

func Z() { b.Y() }
