package vettool

import (
	"bytes"

	"golang.org/x/tools/go/analysis"
)

// Request is one package to analyse in this process, described as go vet
// describes it (Config; its PackageVetx and VetxOutput are not used), with
// its dependencies' facts in memory. The standalone runner uses it.
type Request struct {
	Config *Config
	// Facts maps a dependency's package path to its facts, as a
	// previous Analyze returned them; a dependency missing here, or with
	// empty facts, was not analysed.
	Facts map[string][]byte
	// JSON and Suppressed are the tool's -json and -suppressed flags.
	JSON, Suppressed bool
}

// Response is what the analysis of one package gave.
type Response struct {
	Facts  []byte // for the package's importers (empty: not analysed)
	Stdout []byte // the -json tree, or nothing
	Stderr []byte // errors, and text diagnostics without JSON
	Code   int    // the tool's exit status
}

// Analyze runs the analyzers on one package in this process, as a vet
// tool process would, and returns what that process would have written.
// It may run concurrently with other calls.
func Analyze(req Request, analyzers []*analysis.Analyzer, opts Options) Response {
	var stdout, stderr bytes.Buffer
	u := &unit{
		cfg:    req.Config,
		flags:  &toolFlags{json: req.JSON, suppressed: req.Suppressed},
		opts:   opts,
		stdout: &stdout,
		stderr: &stderr,
		mem:    &memFacts{deps: req.Facts},
	}
	code := u.run(analyzers)
	return Response{Facts: u.mem.out, Stdout: stdout.Bytes(), Stderr: stderr.Bytes(), Code: code}
}
