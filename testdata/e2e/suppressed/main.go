// Command staging serves a Connect app descriptor whose only finding is
// suppressed by .connectlint.yaml; a directive in this file suppresses
// nothing and is reported.
package main

import _ "embed"

//go:embed atlassian-connect.json
var descriptor []byte

func main() {
	//connectlint:ignore insecure-base-url -- descriptor findings cannot be suppressed here
	println(len(descriptor))
}
