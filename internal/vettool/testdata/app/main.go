package main

import "example.com/dep/wrap"

func main() {
	wrap.Issue("KEY-1")
}
