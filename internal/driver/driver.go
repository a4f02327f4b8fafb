// Package driver runs the connectlint analyzers standalone, through the
// one-process runner (package runner), and turns the per-package output
// (go vet's JSON form) into de-duplicated findings.
// Packages that fail to load or type-check become Problems; every other
// package is still analysed.
package driver

import (
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"golang.org/x/tools/go/analysis"

	"github.com/connectlint/connectlint/internal/output"
	"github.com/connectlint/connectlint/internal/runner"
)

// driverAnalyzer names the analyzer of connectlint's own rules (package
// analyzers/directives), which runs after the checkers on every package.
const driverAnalyzer = "connectlint"

// Config is one standalone run.
type Config struct {
	Dir       string   // directory to run in (like go -C); "" is the current one
	Patterns  []string // package patterns; none means ./...
	Tests     bool     // also analyse _test.go files
	Analyzers []*analysis.Analyzer
	Rules     RuleSet
	Fix       bool // apply the first suggested fix of every reported finding
	// MaxErrorsPerPackage bounds the load errors reported per package
	// (the rest are counted); 0 means 3.
	MaxErrorsPerPackage int
	// GoCommand is the go command to run; "" means "go".
	GoCommand string
	// Inputs are files the analysis reads that the cache keys would not
	// see otherwise (a descriptor named by -descriptor).
	Inputs []string
	// Runner configures the one-process runner (package runner); nil
	// means a runner without a cache.
	Runner  *Runner
	started time.Time // when the run began reading files (for -fix)
	// Across, when set, looks across the run's packages after analysis
	// and drops findings that only the whole run shows to be wrong.
	Across *Across
}

// Across is a look across the packages of one run. Each package's
// analyzer results give summaries (the vet tool passes them on as JSON);
// Drop sees all of them and says which findings to drop.
type Across struct {
	// Summary returns what an analyzer's result contributes, or nil.
	Summary func(result any) any
	// Decode reads a summary the vet tool wrote as JSON.
	Decode func(data []byte) (any, error)
	// Drop returns whether to drop a finding of rule at file:line:col
	// (file absolute).
	Drop func(summaries []any) func(rule, file string, line, col int) bool
}

// dropper returns Drop over the summaries, or a function that drops nothing.
func (a *Across) dropper(summaries []any) func(rule, file string, line, col int) bool {
	if a == nil || a.Drop == nil || len(summaries) == 0 {
		return func(string, string, int, int) bool { return false }
	}
	return a.Drop(summaries)
}

// Result is what a run found.
type Result struct {
	Findings []output.Finding // sorted, de-duplicated, root packages only
	Problems []output.Problem // code that could not be checked
	Fixed    FixStats         // with Config.Fix
	Stats    runner.Stats     // what the runner did, for tests and benchmarks
}

// Run analyses the packages. Its error means the run could not start at
// all (bad pattern, go list failure, no packages); problems in individual
// packages are in Result.Problems.
func Run(cfg Config) (*Result, error) {
	patterns := cfg.Patterns
	if len(patterns) == 0 {
		patterns = []string{"./..."}
	}
	if cfg.Runner == nil {
		cfg.Runner = &Runner{}
	}
	return runRunner(cfg, patterns)
}

// cutPos splits "file:line:col: msg" (or "file:line: msg").
func cutPos(line string) (pos, msg string, ok bool) {
	i := strings.Index(line, ": ")
	for i >= 0 {
		p := parsePos("", line[:i])
		if p.Line > 0 {
			return line[:i], line[i+2:], true
		}
		j := strings.Index(line[i+2:], ": ")
		if j < 0 {
			break
		}
		i += 2 + j
	}
	return "", "", false
}

// parsePos parses the "file:line:col" (or "file:line", or "file") form of
// packages.Error.Pos; relative files are relative to dir.
func parsePos(dir, s string) output.Position {
	if s == "" || s == "-" {
		return output.Position{}
	}
	var nums []int
	rest := s
	for range 2 {
		i := strings.LastIndexByte(rest, ':')
		if i < 0 {
			break
		}
		n, err := strconv.Atoi(rest[i+1:])
		if err != nil {
			break
		}
		nums = append([]int{n}, nums...)
		rest = rest[:i]
	}
	p := output.Position{File: rest}
	if !filepath.IsAbs(p.File) {
		p.File = filepath.Join(dir, p.File)
	}
	if len(nums) > 0 {
		p.Line = nums[0]
	}
	if len(nums) > 1 {
		p.Column = nums[1]
	}
	return p
}
