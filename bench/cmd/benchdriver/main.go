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
//	benchdriver -driver govet -suite noop ./...  # the floor of the go vet driver
//
// With -driver govet it runs go vet with itself as the vet tool (package
// vettool), the way connectlint's default driver does; the suite travels
// to the tool processes in $BENCHDRIVER_SUITE.
//
// It prints the number of findings and problems, nothing else: the
// benchmark measures time and memory, not output.
package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"runtime/pprof"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/connectlint/connectlint/analyzers"
	"github.com/connectlint/connectlint/internal/config"
	"github.com/connectlint/connectlint/internal/driver"
	"github.com/connectlint/connectlint/internal/runner"
	"github.com/connectlint/connectlint/internal/vettool"
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

func suiteOf(name string) []*analysis.Analyzer {
	switch name {
	case "noop":
		return []*analysis.Analyzer{noop}
	case "noop-facts":
		return []*analysis.Analyzer{noopFacts}
	case "all":
		return analyzers.All()
	}
	fmt.Fprintf(os.Stderr, "benchdriver: unknown suite %q\n", name)
	os.Exit(2)
	return nil
}

// vetProtocol answers go vet when it runs benchdriver as its -vettool.
func vetProtocol() {
	args := os.Args[1:]
	name := os.Getenv("BENCHDRIVER_SUITE")
	if len(args) == 1 && args[0] == "-V=full" {
		// go vet caches by this line's buildID: it must change with the
		// suite.
		v, err := config.VetVersion("benchdriver", ".", func(w io.Writer, _ string) { io.WriteString(w, name) })
		if err != nil {
			fmt.Fprintln(os.Stderr, "benchdriver:", err)
			os.Exit(1)
		}
		fmt.Println(v)
		os.Exit(0)
	}
	vettool.Main("benchdriver", suiteOf(name), vettool.Options{
		FactSource:     analyzers.FactSource,
		FactSourceText: analyzers.FactSourceText,
		Suppressed:     analyzers.SuppressedIn,
	})
}

func main() {
	if n := len(os.Args); n > 1 && (os.Args[1] == "-V=full" || os.Args[1] == "-flags" || strings.HasSuffix(os.Args[n-1], ".cfg")) {
		vetProtocol()
	}
	suite := flag.String("suite", "noop", "analyzers to run: noop, noop-facts or all (connectlint's suite)")
	driverName := flag.String("driver", "inprocess", "inprocess, govet or runner")
	cacheDir := flag.String("cache", "", "with -driver runner: the cache `dir` (none when empty)")
	cpuprofile := flag.String("cpuprofile", "", "write a CPU profile to `file`")
	memprofile := flag.String("memprofile", "", "write a heap profile to `file` at the end")
	dir := flag.String("C", "", "run in `dir`")
	flag.Parse()

	as := suiteOf(*suite)
	cfg := driver.Config{Dir: *dir, Patterns: flag.Args(), Tests: true, Analyzers: as}
	switch *driverName {
	case "inprocess":
	case "govet":
		exe, err := os.Executable()
		if err != nil {
			fmt.Fprintln(os.Stderr, "benchdriver:", err)
			os.Exit(1)
		}
		cfg.VetTool = exe
		os.Setenv("BENCHDRIVER_SUITE", *suite)
	case "runner":
		runner.TuneGC()
		cfg.Runner = &driver.Runner{ToolKey: "benchdriver " + *suite, Options: vettool.Options{
			FactSource:     analyzers.FactSource,
			FactSourceText: analyzers.FactSourceText,
			Suppressed:     analyzers.SuppressedIn,
		}}
		if *cacheDir != "" {
			c, err := runner.OpenCache(*cacheDir)
			if err != nil {
				fmt.Fprintln(os.Stderr, "benchdriver:", err)
				os.Exit(1)
			}
			cfg.Runner.Cache = c
		}
	default:
		fmt.Fprintf(os.Stderr, "benchdriver: unknown driver %q\n", *driverName)
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
	res, err := driver.Run(cfg)
	if err != nil {
		fmt.Fprintln(os.Stderr, "benchdriver:", err)
		os.Exit(1)
	}
	fmt.Printf("%d findings, %d problems\n", len(res.Findings), len(res.Problems))
	if cfg.Runner != nil {
		fmt.Printf("runner: %+v\n", driver.RunnerStats)
	}
	if *memprofile != "" {
		f, err := os.Create(*memprofile)
		if err == nil {
			pprof.WriteHeapProfile(f)
			f.Close()
		}
	}
}
