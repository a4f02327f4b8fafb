package main

import (
	"example.com/dep/creds"
	"example.com/dep/wrap"
)

func main() {
	wrap.Issue("KEY-1")
	_ = creds.Header("me", "token")
}
