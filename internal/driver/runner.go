package driver

import (
	"time"

	"github.com/connectlint/connectlint/internal/runner"
	"github.com/connectlint/connectlint/internal/vettool"
)

// Runner configures the one-process runner (package runner).
type Runner struct {
	// ToolKey names the connectlint build and its inputs (config file,
	// descriptors, manifests): see runner.Config.
	ToolKey string
	Cache   *runner.Cache // nil: no cache
	Options vettool.Options
	Jobs    int // packages analysed at once; 0 means GOMAXPROCS
}

// runRunner analyses the packages in this process through package runner,
// which analyses each package as the go vet driver's tool does: the
// findings are the go vet driver's.
func runRunner(cfg Config, patterns []string) (*Result, error) {
	cfg.started = time.Now() // -fix writes no file modified since
	key := cfg.Runner.ToolKey
	for _, f := range changedFlags(cfg.Analyzers) {
		key += "\x00" + f
	}
	if len(cfg.Inputs) > 0 {
		key += "\x00inputs=" + digest(cfg.Inputs)
	}
	r, err := runner.Run(runner.Config{
		Dir:       cfg.Dir,
		Patterns:  patterns,
		Tests:     cfg.Tests,
		GoCommand: cfg.GoCommand,
		Analyzers: cfg.Analyzers,
		Options:   cfg.Runner.Options,
		ToolKey:   key,
		Cache:     cfg.Runner.Cache,
		Jobs:      cfg.Runner.Jobs,
	})
	if err != nil {
		return nil, err
	}
	res, err := fromVetOutput(cfg, patterns, r.Packages, r.Stderr)
	if res != nil {
		res.Stats = r.Stats
	}
	return res, err
}
