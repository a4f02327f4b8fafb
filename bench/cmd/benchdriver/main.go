//go:build bench

// Command benchdriver runs analyzers so benchmarks can compare
// connectlint with the floor: loading and type checking with an analyzer
// that does nothing. The in-process floor (the default, -driver
// inprocess) is golang.org/x/tools' checker over go/packages, the way a
// single-process go/analysis driver works; -driver runner runs
// connectlint's runner (internal/driver, internal/runner), and -driver
// govet runs go vet with benchdriver as its vet tool.
//
//	go build -tags bench -o /tmp/benchdriver ./bench/cmd/benchdriver
//	benchdriver -suite noop ./...        # the floor
//	benchdriver -suite noop-facts ./...  # the floor when any analyzer has facts
//	benchdriver -suite all -cpuprofile cpu.out ./...
//	benchdriver -driver govet -suite noop ./...  # the floor of go vet's protocol
//	benchdriver -driver runner -suite noop ./... # the floor of connectlint's runner
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
	"os/exec"
	"runtime/pprof"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/connectlint/connectlint/analyzers"
	"github.com/connectlint/connectlint/internal/config"
	"github.com/connectlint/connectlint/internal/driver"
	"github.com/connectlint/connectlint/internal/output"
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
	var vetTool string
	cfg := driver.Config{Dir: *dir, Patterns: flag.Args(), Tests: true, Analyzers: as}
	switch *driverName {
	case "inprocess":
	case "govet":
		exe, err := os.Executable()
		if err != nil {
			fmt.Fprintln(os.Stderr, "benchdriver:", err)
			os.Exit(1)
		}
		vetTool = exe
		os.Setenv("BENCHDRIVER_SUITE", *suite)
	case "runner":
		runner.TuneGC()
		cfg.Runner = &driver.Runner{ToolKey: "benchdriver " + *suite, Options: analyzers.ToolOptions}
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
	var res *driver.Result
	var err error
	switch *driverName {
	case "inprocess":
		res, err = checkerRun(cfg)
	case "govet":
		res, err = goVet(cfg, vetTool)
	default:
		res, err = driver.Run(cfg)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "benchdriver:", err)
		os.Exit(1)
	}
	fmt.Printf("%d findings, %d problems\n", len(res.Findings), len(res.Problems))
	if cfg.Runner != nil {
		fmt.Printf("runner: %+v\n", res.Stats)
	}
	if *memprofile != "" {
		f, err := os.Create(*memprofile)
		if err == nil {
			pprof.WriteHeapProfile(f)
			f.Close()
		}
	}
}

// checkerRun is the in-process floor: go/packages loads the packages (from
// source, or from export data for dependencies when no analyzer has
// facts) and the checker runs the analyzers on the roots.
func checkerRun(cfg driver.Config) (*driver.Result, error) {
	mode := packages.LoadSyntax | packages.NeedModule
	if slices.ContainsFunc(cfg.Analyzers, func(a *analysis.Analyzer) bool { return len(a.FactTypes) > 0 }) {
		mode = packages.LoadAllSyntax | packages.NeedModule
	}
	patterns := cfg.Patterns
	if len(patterns) == 0 {
		patterns = []string{"./..."}
	}
	pkgs, err := packages.Load(&packages.Config{Mode: mode, Dir: cfg.Dir, Tests: cfg.Tests}, patterns...)
	if err != nil {
		return nil, err
	}
	pkgs = slices.DeleteFunc(pkgs, func(p *packages.Package) bool { return p.Name == "main" && strings.HasSuffix(p.ID, ".test") })
	graph, err := checker.Analyze(cfg.Analyzers, pkgs, nil)
	if err != nil {
		return nil, err
	}
	res := &driver.Result{}
	for _, act := range graph.Roots {
		for range act.Diagnostics {
			res.Findings = append(res.Findings, output.Finding{})
		}
	}
	return res, nil
}

// goVet is the floor of go vet's protocol: go vet runs benchdriver as its
// vet tool on every package; the findings are not counted.
func goVet(cfg driver.Config, vetTool string) (*driver.Result, error) {
	cmd := exec.Command("go", append([]string{"vet", "-vettool=" + vetTool}, cfg.Patterns...)...)
	cmd.Dir = cfg.Dir
	cmd.Stderr = io.Discard
	err := cmd.Run()
	if _, ok := err.(*exec.ExitError); ok {
		err = nil // findings
	}
	return &driver.Result{}, err
}
