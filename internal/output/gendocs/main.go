// Command gendocs writes docs/rules.md from the rule registry. Run it with
// go generate ./cmd/connectlint; TestRulesDocUpToDate fails when the
// committed file is stale.
package main

import (
	"bytes"
	"flag"
	"fmt"
	"os"

	_ "github.com/connectlint/connectlint/analyzers" // registers every rule
	"github.com/connectlint/connectlint/internal/output"
	"github.com/connectlint/connectlint/internal/rules"
)

func main() {
	out := flag.String("o", "docs/rules.md", "output `file`")
	flag.Parse()
	data, err := render()
	if err == nil {
		err = os.WriteFile(*out, data, 0o666)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "gendocs:", err)
		os.Exit(1)
	}
}

func render() ([]byte, error) {
	var buf bytes.Buffer
	err := output.WriteRulesMarkdown(&buf, rules.All())
	return buf.Bytes(), err
}
