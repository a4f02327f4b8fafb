// Command connectlint checks Atlassian Connect apps and Go programs that
// call the Jira and Confluence Cloud REST APIs.
package main

import (
	"golang.org/x/tools/go/analysis/multichecker"

	"github.com/connectlint/connectlint/analyzers"
)

func main() { multichecker.Main(analyzers.All()...) }
