//go:build bench

// Command benchdriver runs analyzers through connectlint's standalone
// driver (internal/driver) so benchmarks can compare connectlint with the
// floor: the same loading and checker machinery running an analyzer that
// does nothing.
//
//	go build -tags bench -o /tmp/benchdriver ./bench/cmd/benchdriver
//	benchdriver -suite noop ./...        # the floor
//	benchdriver -suite noop-facts ./...  # the floor when any analyzer has facts
//	benchdriver -suite all -cpuprofile cpu.out ./...
//
// It prints the number of findings and problems, nothing else: the
// benchmark measures time and memory, not output.
package main

import (
	"flag"
	"fmt"
	"os"
	"runtime/pprof"

	"golang.org/x/tools/go/analysis"

	"github.com/connectlint/connectlint/analyzers"
	"github.com/connectlint/connectlint/internal/driver"
)

// noop does nothing: it measures loading, type checking and the checker.
var noop = &analysis.Analyzer{
	Name: "noop",
	Doc:  "does nothing",
	Run:  func(*analysis.Pass) (any, error) { return nil, nil },
}

// noopFact is noop with a fact type: the driver must then load every
// dependency, the standard library included, from source.
var noopFacts = &analysis.Analyzer{
	Name:      "noopfacts",
	Doc:       "does nothing, but declares a fact type",
	FactTypes: []analysis.Fact{new(nothing)},
	Run:       func(*analysis.Pass) (any, error) { return nil, nil },
}

type nothing struct{}

func (*nothing) AFact() {}

func main() {
	suite := flag.String("suite", "noop", "analyzers to run: noop, noop-facts or all (connectlint's suite)")
	cpuprofile := flag.String("cpuprofile", "", "write a CPU profile to `file`")
	memprofile := flag.String("memprofile", "", "write a heap profile to `file` at the end")
	dir := flag.String("C", "", "run in `dir`")
	flag.Parse()

	var as []*analysis.Analyzer
	switch *suite {
	case "noop":
		as = []*analysis.Analyzer{noop}
	case "noop-facts":
		as = []*analysis.Analyzer{noopFacts}
	case "all":
		as = analyzers.All()
	default:
		fmt.Fprintf(os.Stderr, "benchdriver: unknown suite %q\n", *suite)
		os.Exit(2)
	}
	if *cpuprofile != "" {
		f, err := os.Create(*cpuprofile)
		if err != nil {
			fmt.Fprintln(os.Stderr, "benchdriver:", err)
			os.Exit(1)
		}
		pprof.StartCPUProfile(f)
		defer pprof.StopCPUProfile()
	}
	res, err := driver.Run(driver.Config{Dir: *dir, Patterns: flag.Args(), Tests: true, Analyzers: as})
	if err != nil {
		fmt.Fprintln(os.Stderr, "benchdriver:", err)
		os.Exit(1)
	}
	fmt.Printf("%d findings, %d problems\n", len(res.Findings), len(res.Problems))
	if *memprofile != "" {
		f, err := os.Create(*memprofile)
		if err == nil {
			pprof.WriteHeapProfile(f)
			f.Close()
		}
	}
}
