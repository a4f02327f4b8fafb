package main

import "example.com/nested/internal/store"

func main() { store.Open() }
