package main

import (
	"flag"
	"fmt"
	"io"
	"runtime"
	"runtime/debug"
	"strings"
	"text/tabwriter"

	"github.com/connectlint/connectlint/internal/apispec"
	"github.com/connectlint/connectlint/internal/output"
	"github.com/connectlint/connectlint/internal/rules"
)

const usageHead = `connectlint checks Atlassian Connect apps and Go programs that call the
Jira and Confluence Cloud REST APIs: the app descriptor, the scopes the
code's REST calls need, unchecked 403 responses and insecure auth.

Usage:

	connectlint [flags] [packages]    check packages (default ./...)
	connectlint explain [RULE]        describe a rule, or list them all
	connectlint scopes [-C dir] [packages]
	                                  print the scopes the code needs, with reasons
	connectlint endpoint [METHOD] PATH
	                                  look up a REST operation and the scopes it needs
	connectlint version               print the version and the API table's sources
	connectlint help                  print this help

Packages are analysed in one process, each package's facts and findings
kept in a cache (-cache=on, in the user cache directory; -cache=DIR; or
-cache=off; default $CONNECTLINT_CACHE): a re-run after an edit
re-analyses only what the edit can change. As a go vet tool (a -descriptor.file not
named atlassian-connect.json and not //go:embed-ded is not part of vet's
cache key: edits to it need a Go change to be seen):

	go vet -vettool=$(command -v connectlint) ./...
	go vet -vettool=$(command -v connectlint) -descriptor.file=$PWD/app.json ./...

Findings are suppressed with a reason, in Go code by
//connectlint:ignore RULE -- reason (on the line or the line above), and in
.connectlint.yaml at the module root (ignore entries, enable and disable),
which go vet honours too. Command-line -enable and -disable narrow what
the config file enables.

Output: text (file:line:col: message [rule]), json or sarif, on standard
output or -out FILE; file paths are relative to the working directory (-C).
JSON and SARIF include suppressed findings, marked; text lists them only
with -show-suppressed. Packages that fail to load or type-check are
reported on standard error, with file:line:col, and the rest is checked.

Exit status: 0 no findings, 3 findings, 1 connectlint could not do its job
(bad usage, a bad config file, or packages that failed to load or
type-check: the other packages' findings are still reported, but 1 wins
over 3). Suppressed findings do not count.

Flags:
`

func writeUsage(w io.Writer, fs *flag.FlagSet) {
	fmt.Fprint(w, usageHead)
	out := fs.Output()
	fs.SetOutput(w)
	fs.PrintDefaults()
	fs.SetOutput(out)
}

func runHelp(args []string, stdout, stderr io.Writer) int {
	fs, _ := newFlagSet(stdout)
	writeUsage(stdout, fs)
	return exitOK
}

func runExplain(args []string, stdout, stderr io.Writer) int {
	switch len(args) {
	case 0:
		tw := tabwriter.NewWriter(stdout, 0, 4, 2, ' ', 0)
		fmt.Fprintln(tw, "RULE\tSEVERITY\tANALYZER\tSUMMARY")
		for _, r := range rules.All() {
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", r.ID, r.Severity, r.Analyzer, r.Title)
		}
		tw.Flush()
		fmt.Fprintln(stdout, "\nconnectlint explain RULE describes one rule.")
		return exitOK
	case 1:
	default:
		fmt.Fprintln(stderr, "connectlint: usage: connectlint explain [RULE]")
		return exitFailure
	}
	id := strings.TrimSuffix(strings.TrimPrefix(args[0], "["), "]") // accept "[rule-id]" pasted from output
	r, ok := rules.Lookup(id)
	if !ok {
		fmt.Fprintf(stderr, "connectlint: no rule %q; connectlint explain lists them\n", args[0])
		return exitFailure
	}
	if err := output.WriteExplain(stdout, r); err != nil {
		fmt.Fprintf(stderr, "connectlint: %v\n", err)
		return exitFailure
	}
	return exitOK
}

// moduleVersion is connectlint's module version: a release tag when
// installed with go install or go get -tool, "(devel)" in a work tree.
func moduleVersion() string {
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" {
		return bi.Main.Version
	}
	return "(devel)"
}

// runVersion prints connectlint's version, the Go that built it, and the
// Atlassian specs its REST API table was generated from.
func runVersion(args []string, stdout, stderr io.Writer) int {
	fmt.Fprintf(stdout, "connectlint %s (%s, %s/%s)\n", moduleVersion(), runtime.Version(), runtime.GOOS, runtime.GOARCH)
	fmt.Fprintf(stdout, "rules: %d\n", len(rules.All()))
	fmt.Fprintf(stdout, "REST API table: %d operations, generated from:\n", len(apispec.Operations()))
	tw := tabwriter.NewWriter(stdout, 0, 4, 2, ' ', 0)
	for _, s := range apispec.Sources() {
		fmt.Fprintf(tw, "\t%s\tversion %s\t%d operations\n", s.File, s.Version, s.Operations)
	}
	tw.Flush()
	return exitOK
}
