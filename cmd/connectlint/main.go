// Command connectlint checks Atlassian Connect apps and Go programs that
// call the Jira and Confluence Cloud REST APIs.
//
// One binary, three ways in:
//
//	connectlint [flags] [packages]             standalone (packages default to ./...)
//	go vet -vettool=$(command -v connectlint) ./...
//	connectlint explain|scopes|endpoint|version|help   subcommands
//
// Exit status: 0 no findings, 3 findings, 1 connectlint could not do its
// job (bad usage, or some code could not be loaded or analysed).
package main

import (
	"cmp"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/fatih/color"
	"golang.org/x/tools/go/analysis"

	"github.com/connectlint/connectlint/analyzers"
	"github.com/connectlint/connectlint/internal/config"
	"github.com/connectlint/connectlint/internal/driver"
	"github.com/connectlint/connectlint/internal/output"
	"github.com/connectlint/connectlint/internal/runner"
	"github.com/connectlint/connectlint/internal/vettool"
)

//go:generate go run ../../internal/output/gendocs -o ../../docs/rules.md

// Exit statuses.
const (
	exitOK       = 0
	exitFailure  = 1 // could not do the job: usage, load or analysis errors
	exitFindings = 3 // findings reported (and no failure)
)

const homePage = "https://github.com/connectlint/connectlint"

func main() {
	args := os.Args[1:]
	if len(args) == 1 && args[0] == "-V=full" {
		// go vet keys its result cache by this line; digest the config
		// file too, or vet replays stale results after it is edited.
		dir, _ := os.Getwd()
		v, err := config.VetVersion(filepath.Base(os.Args[0]), dir, analyzers.Fingerprint)
		if err != nil {
			fmt.Fprintf(os.Stderr, "connectlint: -V=full: %v\n", err)
			os.Exit(exitFailure)
		}
		fmt.Println(v)
		os.Exit(exitOK)
	}
	if isVetInvocation(args) {
		// go vet speaks its own protocol; package vettool implements it
		// and parses the command line itself. It never returns.
		vettool.Main(filepath.Base(os.Args[0]), analyzers.All(), analyzers.ToolOptions)
	}
	os.Exit(run(args, os.Stdout, os.Stderr))
}

// isVetInvocation reports whether go vet is running us as its -vettool:
// it asks for our version (-V=full) or flags (-flags), or passes the
// config file of one compilation unit (*.cfg, always last).
func isVetInvocation(args []string) bool {
	for _, a := range args {
		switch strings.TrimLeft(a, "-") {
		case "V", "V=full", "flags":
			if strings.HasPrefix(a, "-") {
				return true
			}
		}
	}
	return len(args) > 0 && strings.HasSuffix(args[len(args)-1], ".cfg")
}

// subcommands run instead of a check when named as the first argument.
var subcommands = map[string]func(args []string, stdout, stderr io.Writer) int{
	"explain":  runExplain,
	"endpoint": runEndpoint, // endpoint.go
	"scopes":   runScopes,   // scopes.go
	"version":  runVersion,
	"help":     runHelp,
}

// run is the whole program apart from the vet protocol; it returns the
// exit status.
func run(args []string, stdout, stderr io.Writer) int {
	if len(args) > 0 {
		if sub, ok := subcommands[args[0]]; ok {
			return sub(args[1:], stdout, stderr)
		}
	}
	return runCheck(args, stdout, stderr)
}

// checkFlags are the standalone flags.
type checkFlags struct {
	format         string
	out            string
	descriptor     string
	manifest       string
	enable         string
	disable        string
	dir            string
	tests          bool
	showSuppressed bool
	fix            bool
	cache          string
}

func newFlagSet(stderr io.Writer) (*flag.FlagSet, *checkFlags) {
	f := &checkFlags{}
	fs := flag.NewFlagSet("connectlint", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.StringVar(&f.format, "format", "text", "output `format`: text, json or sarif")
	fs.StringVar(&f.out, "out", "", "write the report to `file` instead of standard output")
	fs.StringVar(&f.descriptor, "descriptor", "", "use this app descriptor `file` instead of discovering atlassian-connect.json")
	fs.StringVar(&f.manifest, "manifest", "", "use this Forge manifest `file` instead of discovering manifest.yml")
	fs.StringVar(&f.enable, "enable", "", "report only these `rules` (comma-separated rule IDs or analyzer names)")
	fs.StringVar(&f.disable, "disable", "", "do not report these `rules` (comma-separated rule IDs or analyzer names)")
	fs.StringVar(&f.dir, "C", "", "run as if connectlint was started in `dir`")
	fs.BoolVar(&f.tests, "tests", true, "also check _test.go files (as go vet does)")
	fs.BoolVar(&f.showSuppressed, "show-suppressed", false, "text format: also list suppressed findings with their reason")
	fs.BoolVar(&f.fix, "fix", false, "apply suggested fixes, then report what is left")
	fs.StringVar(&f.cache, "cache", cmp.Or(os.Getenv("CONNECTLINT_CACHE"), "on"), "the runner's cache of results: `on` (in the user cache directory), off, or a directory; default $CONNECTLINT_CACHE, else on")
	// Analyzer flags, named as go vet names them (-forbidden.strict).
	for _, a := range analyzers.All() {
		a.Flags.VisitAll(func(af *flag.Flag) {
			fs.Var(af.Value, a.Name+"."+af.Name, af.Usage)
		})
	}
	fs.Usage = func() { writeUsage(stderr, fs) }
	return fs, f
}

// parseFlags parses a command's flags; when it returns false the command
// is over, with the exit status code (-h asked for help, or bad usage).
func parseFlags(fs *flag.FlagSet, args []string) (code int, ok bool) {
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return exitOK, false
		}
		return exitFailure, false
	}
	return 0, true
}

// workDir resolves a -C flag: an absolute path to an existing directory.
func workDir(flagValue string) (string, error) {
	dir, err := filepath.Abs(flagValue)
	if err != nil {
		return "", fmt.Errorf("-C: %v", err)
	}
	if st, err := os.Stat(dir); err != nil || !st.IsDir() {
		return "", fmt.Errorf("-C %s: not a directory", flagValue)
	}
	return dir, nil
}

func runCheck(args []string, stdout, stderr io.Writer) int {
	fs, f := newFlagSet(stderr)
	if code, ok := parseFlags(fs, args); !ok {
		return code
	}
	fail := func(format string, a ...any) int {
		fmt.Fprintf(stderr, "connectlint: "+format+"\n", a...)
		return exitFailure
	}

	write, ok := writers[f.format]
	if !ok {
		return fail("-format %q: want text, json or sarif", f.format)
	}
	dir, err := workDir(f.dir)
	if err != nil {
		return fail("%v", err)
	}
	ruleSet, err := driver.NewRuleSet(driver.SplitList(f.enable), driver.SplitList(f.disable))
	if err != nil {
		return fail("%v", err)
	}
	run, err := newRunner(f.cache, dir)
	if err != nil {
		return fail("%v", err)
	}
	runner.TuneGC()
	all := analyzers.All()
	if f.descriptor != "" {
		if err := setDescriptorFile(all, inDir(dir, f.descriptor)); err != nil {
			return fail("-descriptor: %v", err)
		}
	}
	if f.manifest != "" {
		if err := setFileFlag(all, "manifest", inDir(dir, f.manifest)); err != nil {
			return fail("-manifest: %v", err)
		}
	}
	// The cache must see edits to an explicit descriptor or manifest.
	var inputs []string
	for _, a := range all {
		if fl := a.Flags.Lookup("file"); (a.Name == "descriptor" || a.Name == "manifest") && fl != nil && fl.Value.String() != "" {
			inputs = append(inputs, inDir(dir, fl.Value.String()))
		}
	}

	res, err := driver.Run(driver.Config{
		Dir:       dir,
		Patterns:  fs.Args(),
		Tests:     f.tests,
		Analyzers: all,
		Rules:     ruleSet,
		Fix:       f.fix,
		Runner:    run,
		Inputs:    inputs,
		Across:    analyzers.AcrossPrograms,
	})
	if err != nil {
		return fail("%v", err)
	}

	report := &output.Report{
		Tool:     output.Tool{Name: "connectlint", Version: moduleVersion(), URI: homePage},
		Dir:      dir,
		Findings: res.Findings,
		Problems: res.Problems,
	}
	for _, p := range res.Problems {
		fmt.Fprintf(stderr, "connectlint: %s\n", problemLine(dir, p))
	}
	if f.fix && res.Fixed.Fixes > 0 {
		fmt.Fprintf(stderr, "connectlint: applied %s in %s\n", plural(res.Fixed.Fixes, "fix", "fixes"), plural(res.Fixed.Files, "file", "files"))
	}

	dest := stdout
	var file *os.File
	if f.out != "" {
		file, err = os.Create(inDir(dir, f.out))
		if err != nil {
			return fail("-out: %v", err)
		}
		dest = file
	}
	opts := output.TextOptions{
		Color:          file == nil && stdout == io.Writer(os.Stdout) && !color.NoColor,
		ShowSuppressed: f.showSuppressed,
	}
	err = write(dest, report, opts)
	if file != nil {
		err = errors.Join(err, file.Close())
	}
	if err != nil {
		return fail("writing report: %v", err)
	}

	switch {
	case !report.Successful():
		return exitFailure
	case output.Unsuppressed(report.Findings) > 0:
		return exitFindings
	}
	return exitOK
}

// newRunner configures the runner: its cache (-cache) and the key of
// this build and its inputs.
func newRunner(cacheFlag, dir string) (*driver.Runner, error) {
	r := &driver.Runner{Options: analyzers.ToolOptions}
	switch cacheFlag {
	case "off":
	case "on", "":
		cacheDir, err := runner.DefaultCacheDir()
		if err != nil {
			return nil, fmt.Errorf("-cache: %v (use -cache=off or -cache=DIR)", err)
		}
		if r.Cache, err = runner.OpenCache(cacheDir); err != nil {
			return nil, fmt.Errorf("-cache: %v", err)
		}
	default:
		var err error
		if r.Cache, err = runner.OpenCache(cacheFlag); err != nil {
			return nil, fmt.Errorf("-cache: %v", err)
		}
	}
	exe, err := runner.ExecutableDigest(r.Cache)
	if err != nil {
		return nil, err
	}
	r.ToolKey = config.ToolDigest(exe, dir, analyzers.Fingerprint)
	return r, nil
}

var writers = map[string]func(io.Writer, *output.Report, output.TextOptions) error{
	"text":  output.WriteText,
	"json":  func(w io.Writer, r *output.Report, _ output.TextOptions) error { return output.WriteJSON(w, r) },
	"sarif": func(w io.Writer, r *output.Report, _ output.TextOptions) error { return output.WriteSARIF(w, r) },
}

func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}

// inDir resolves a file named on the command line against the -C dir.
func inDir(dir, file string) string {
	if filepath.IsAbs(file) {
		return file
	}
	return filepath.Join(dir, file)
}

// setDescriptorFile points the descriptor analyzer at an explicit file.
func setDescriptorFile(as []*analysis.Analyzer, file string) error {
	return setFileFlag(as, "descriptor", file)
}

// setFileFlag sets the file flag of the named analyzer (descriptor,
// manifest) to an existing file.
func setFileFlag(as []*analysis.Analyzer, name, file string) error {
	for _, a := range as {
		if a.Name != name {
			continue
		}
		fl := a.Flags.Lookup("file")
		if fl == nil {
			return fmt.Errorf("this build's %s analyzer has no file flag", name)
		}
		if _, err := os.Stat(file); err != nil {
			return err
		}
		return fl.Value.Set(file)
	}
	return fmt.Errorf("this build has no %s analyzer", name)
}

// problemLine formats a problem for stderr: package, position, message.
func problemLine(dir string, p output.Problem) string {
	var b strings.Builder
	if p.Package != "" {
		b.WriteString(p.Package + ": ")
	}
	if p.Pos.File != "" {
		file := p.Pos.File
		if rel, err := filepath.Rel(dir, file); err == nil && filepath.IsLocal(rel) {
			file = rel
		}
		b.WriteString(file)
		if p.Pos.Line > 0 {
			fmt.Fprintf(&b, ":%d", p.Pos.Line)
			if p.Pos.Column > 0 {
				fmt.Fprintf(&b, ":%d", p.Pos.Column)
			}
		}
		b.WriteString(": ")
	}
	b.WriteString(p.Message)
	return b.String()
}
