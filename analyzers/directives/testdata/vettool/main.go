// Command vettool is the suite of directives_test.go as a go vet tool, to
// check suppression under go vet, where no driver can step in.
package main

import (
	"fmt"
	"log"
	"os"
	"path/filepath"

	"golang.org/x/tools/go/analysis"

	"github.com/connectlint/connectlint/analyzers/authn"
	"github.com/connectlint/connectlint/analyzers/descriptor"
	"github.com/connectlint/connectlint/analyzers/directives"
	"github.com/connectlint/connectlint/internal/config"
	"github.com/connectlint/connectlint/internal/suppress"
	"github.com/connectlint/connectlint/internal/vettool"
)

func main() {
	if len(os.Args) == 2 && os.Args[1] == "-V=full" {
		// Digest the config file too, or go vet replays cached results
		// after it is edited.
		dir, _ := os.Getwd()
		v, err := config.VetVersion(filepath.Base(os.Args[0]), dir, descriptor.Fingerprint)
		if err != nil {
			log.Fatal(err)
		}
		fmt.Println(v)
		return
	}
	checkers := []*analysis.Analyzer{descriptor.Analyzer, authn.Analyzer}
	suite := append(checkers, directives.New(checkers...))
	suppress.Wrap(suite...)
	vettool.Main(filepath.Base(os.Args[0]), suite, vettool.Options{})
}
