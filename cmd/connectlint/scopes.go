package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"text/tabwriter"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/connectlint/connectlint/analyzers/descriptor"
	"github.com/connectlint/connectlint/analyzers/scopes"
	"github.com/connectlint/connectlint/internal/connect"
)

const scopesUsage = `usage: connectlint scopes [-C dir] [-descriptor file] [-json] [packages]

Prints the Connect scopes the packages' Atlassian REST calls need (with
every package of the app they import), first as the JSON array to paste
into atlassian-connect.json's "scopes", then each scope's reasons: the
calls that need it, with file:line:col, and the descriptor's features
(webhooks need READ). Calls that need no scope, calls no scope grants
(INACCESSIBLE) and calls whose operation could not be resolved follow; when
there are unresolved calls the array may be incomplete. Calls in _test.go
files are not counted. Packages default to ./...

Exit status: 0 on success, 1 when some code could not be loaded or on bad
usage.
`

// runScopes is the scopes subcommand.
func runScopes(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("scopes", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() { fmt.Fprint(stderr, scopesUsage) }
	dirFlag := fs.String("C", "", "run as if connectlint was started in `dir`")
	descFlag := fs.String("descriptor", "", "use this app descriptor `file` instead of discovering atlassian-connect.json")
	asJSON := fs.Bool("json", false, "print the answer as JSON")
	if code, ok := parseFlags(fs, args); !ok {
		return code
	}
	fail := func(format string, a ...any) int {
		fmt.Fprintf(stderr, "connectlint scopes: "+format+"\n", a...)
		return exitFailure
	}
	dir, err := workDir(*dirFlag)
	if err != nil {
		return fail("%v", err)
	}
	if *descFlag != "" {
		if err := setDescriptorFile([]*analysis.Analyzer{descriptor.Analyzer}, inDir(dir, *descFlag)); err != nil {
			return fail("-descriptor: %v", err)
		}
	}

	needs, loadErrs, err := programNeeds(dir, fs.Args())
	if err != nil {
		return fail("%v", err)
	}
	for _, e := range loadErrs {
		fmt.Fprintf(stderr, "connectlint scopes: %s\n", e)
	}
	if *asJSON {
		err = writeScopesJSON(stdout, dir, needs)
	} else {
		err = writeScopesText(stdout, dir, needs)
	}
	if err != nil {
		return fail("%v", err)
	}
	if len(loadErrs) > 0 {
		fmt.Fprintln(stderr, "connectlint scopes: some code could not be loaded: the scopes above may be incomplete")
		return exitFailure
	}
	return exitOK
}

// programNeeds loads the packages and runs the scopes analyzer on them;
// the answer is what all root packages need together.
func programNeeds(dir string, patterns []string) (*scopes.Needs, []string, error) {
	if len(patterns) == 0 {
		patterns = []string{"./..."}
	}
	// The analyzer uses facts: every dependency must come from source.
	cfg := &packages.Config{Mode: packages.LoadAllSyntax | packages.NeedModule, Dir: dir}
	pkgs, err := packages.Load(cfg, patterns...)
	if err != nil {
		return nil, nil, err
	}
	if len(pkgs) == 0 {
		return nil, nil, fmt.Errorf("%s matched no packages", strings.Join(patterns, " "))
	}
	var loadErrs []string
	seen := map[string]bool{}
	packages.Visit(pkgs, nil, func(p *packages.Package) {
		for _, e := range p.Errors {
			if msg := e.Error(); !seen[msg] {
				seen[msg] = true
				loadErrs = append(loadErrs, msg)
			}
		}
	})
	graph, err := checker.Analyze([]*analysis.Analyzer{scopes.Analyzer}, pkgs, nil)
	if err != nil {
		return nil, nil, err
	}
	var all []*scopes.Needs
	for _, act := range graph.Roots {
		if act.Err != nil {
			loadErrs = append(loadErrs, fmt.Sprintf("%s: %v", act.Package.PkgPath, act.Err))
			continue
		}
		if res, ok := act.Result.(*scopes.Result); ok {
			all = append(all, res.Program)
		}
	}
	return scopes.Merge(all...), loadErrs, nil
}

// writeScopesText prints the array, then the reasons grouped by scope.
func writeScopesText(w io.Writer, dir string, n *scopes.Needs) error {
	need := n.Scopes()
	array, err := json.Marshal(scopeNames(need))
	if err != nil {
		return err
	}
	tw := tabwriter.NewWriter(w, 0, 8, 2, ' ', 0)
	fmt.Fprintf(tw, "%s\n", strings.ReplaceAll(string(array), `","`, `", "`))

	section := func(title string, match func(connect.Scope) bool) {
		first := true
		for _, r := range n.Reasons {
			if !match(r.Scope) {
				continue
			}
			if first {
				fmt.Fprintf(tw, "\n%s\n", title)
				first = false
			}
			fmt.Fprintf(tw, "  %s\t%s\n", relPos(dir, r.Pos), reasonText(r))
		}
	}
	for _, s := range need {
		section(s.String(), func(x connect.Scope) bool { return x == s })
	}
	section("no scope needed", func(x connect.Scope) bool { return x == connect.None })
	section("INACCESSIBLE: no scope grants these calls to a Connect app", func(x connect.Scope) bool { return x == connect.Inaccessible })
	if len(n.Unresolved) > 0 {
		fmt.Fprintf(tw, "\nunresolved: these calls' operations are not known, so the scopes above may be incomplete\n")
		for _, u := range n.Unresolved {
			what := u.What
			switch {
			case u.Candidates > 1:
				what += fmt.Sprintf(" (%d candidate operations needing %s)", u.Candidates, orList(u.Scopes))
			case u.Candidates == 0:
				what += " (matches no known operation)"
			}
			fmt.Fprintf(tw, "  %s\t%s\n", relPos(dir, u.Pos), what)
		}
	}
	return tw.Flush()
}

func reasonText(r scopes.Reason) string {
	if r.Via == "" || r.Via == "net/http" || r.Via == "descriptor" {
		return r.What
	}
	return r.What + " via " + r.Via
}

// scopesJSON is the -json answer.
type scopesJSON struct {
	Scopes     []string         `json:"scopes"`
	Reasons    []reasonJSON     `json:"reasons"`
	Unresolved []unresolvedJSON `json:"unresolved"`
}

type reasonJSON struct {
	Scope string `json:"scope"` // NONE and INACCESSIBLE included
	What  string `json:"what"`
	Via   string `json:"via,omitempty"`
	Pos   string `json:"pos"`
}

type unresolvedJSON struct {
	What       string   `json:"what"`
	Candidates int      `json:"candidates"`
	Scopes     []string `json:"scopes"` // one of which the call needs; empty when unknown
	Pos        string   `json:"pos"`
}

func writeScopesJSON(w io.Writer, dir string, n *scopes.Needs) error {
	out := scopesJSON{Scopes: scopeNames(n.Scopes()), Reasons: []reasonJSON{}, Unresolved: []unresolvedJSON{}}
	for _, r := range n.Reasons {
		out.Reasons = append(out.Reasons, reasonJSON{r.Scope.String(), r.What, r.Via, relPos(dir, r.Pos)})
	}
	for _, u := range n.Unresolved {
		out.Unresolved = append(out.Unresolved, unresolvedJSON{u.What, u.Candidates, scopeNames(u.Scopes), relPos(dir, u.Pos)})
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}

func scopeNames(ss []connect.Scope) []string {
	names := make([]string, len(ss))
	for i, s := range ss {
		names[i] = s.String()
	}
	return names
}

// relPos renders a position with its file relative to dir when inside it.
func relPos(dir string, p scopes.Position) string {
	if rel, err := filepath.Rel(dir, p.File); err == nil && !strings.HasPrefix(rel, "..") {
		p.File = filepath.ToSlash(rel)
	}
	return p.String()
}

// orList renders scopes as "READ, WRITE or DELETE".
func orList(ss []connect.Scope) string {
	names := scopeNames(ss)
	if len(names) < 2 {
		return strings.Join(names, "")
	}
	return strings.Join(names[:len(names)-1], ", ") + " or " + names[len(names)-1]
}
