// Command gen writes apispec's operation table (table_gen.go) from
// Atlassian's OpenAPI documents. Run it with go generate in internal/apispec:
//
//	gen -specs ../../../shared/specs -o table_gen.go
//
// The spec directory holds the current specs (*.json) and the 2023 ones
// (legacy/*.json); see its README.
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/connectlint/connectlint/internal/apispec/specgen"
)

func main() {
	specs := flag.String("specs", "../../../shared/specs", "directory of the OpenAPI documents")
	out := flag.String("o", "table_gen.go", "output file")
	flag.Parse()
	src, err := specgen.Generate(*specs)
	if err != nil {
		fmt.Fprintf(os.Stderr, "gen: %v\n", err)
		os.Exit(1)
	}
	if err := os.WriteFile(*out, src, 0o644); err != nil {
		fmt.Fprintf(os.Stderr, "gen: %v\n", err)
		os.Exit(1)
	}
}
