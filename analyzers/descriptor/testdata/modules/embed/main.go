package main

import (
	_ "embed"
	"os"
)

//go:embed static/atlassian-connect.json
var descriptor []byte

func main() { os.Stdout.Write(descriptor) }
