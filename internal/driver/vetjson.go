package driver

import (
	"bufio"
	"cmp"
	"crypto/sha256"
	"flag"
	"fmt"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/connectlint/connectlint/internal/output"
	"github.com/connectlint/connectlint/internal/rules"
	"github.com/connectlint/connectlint/internal/vettool"
)

// fromVetOutput turns the tool's output for every package (the JSON of go
// vet -json, which the runner also produces), and what was printed on
// standard error ("# pkg" headed, as go vet prints it), into a Result.
func fromVetOutput(cfg Config, patterns []string, pkgs []vettool.PackageResult, stderr string) (*Result, error) {
	absDir, err := filepath.Abs(cmp.Or(cfg.Dir, "."))
	if err != nil {
		return nil, err
	}
	res := &Result{Problems: stderrProblems(stderr, absDir, cmp.Or(cfg.MaxErrorsPerPackage, 3))}

	var summaries []any
	if cfg.Across != nil && cfg.Across.Decode != nil {
		for _, p := range pkgs {
			for _, raw := range p.Summaries {
				s, err := cfg.Across.Decode(raw)
				if err != nil {
					return nil, fmt.Errorf("%s: %v", p.ID, err)
				}
				summaries = append(summaries, s)
			}
		}
	}
	drop := cfg.Across.dropper(summaries)

	seen := map[string]bool{}
	var fixes []fileEdits // with cfg.Fix: the first fix of each finding that has one
	var fixable []int     // the index in res.Findings of each fix's finding
	for _, p := range pkgs {
		pkg, _, _ := strings.Cut(p.ID, " ")
		for _, name := range slices.Sorted(maps.Keys(p.Errors)) {
			for _, prob := range analyzerProblems(pkg, name, p.Errors[name]) {
				if k := fmt.Sprint(prob); !seen[k] {
					seen[k] = true
					res.Problems = append(res.Problems, prob)
				}
			}
		}
		for name, diags := range p.Diagnostics {
			for _, d := range diags {
				if !cfg.Rules.Enabled(d.Category) {
					continue
				}
				if file, line, col, ok := splitPosn(d.Posn); ok && name != vettool.SuppressedKey && drop(d.Category, file, line, col) {
					continue
				}
				if name != vettool.SuppressedKey && cfg.Fix && len(d.SuggestedFixes) > 0 {
					fixes = append(fixes, jsonFix(d.SuggestedFixes[0]))
					fixable = append(fixable, len(res.Findings))
				}
				f := findingOf(absDir, d)
				if name == vettool.SuppressedKey {
					f.Suppressed = true
					if len(d.Related) > 0 {
						kind, reason, _ := strings.Cut(d.Related[0].Message, ": ")
						f.SuppressionKind, f.Justification = kind, reason
					}
				}
				res.Findings = append(res.Findings, f)
			}
		}
	}
	if len(fixes) > 0 {
		var applied []bool
		res.Fixed, applied, err = applyEdits(fixes, cfg.started)
		if err != nil {
			res.Problems = append(res.Problems, output.Problem{Message: err.Error()})
		}
		fixed := map[int]bool{}
		for i, ok := range applied {
			fixed[fixable[i]] = ok
		}
		i := 0
		res.Findings = slices.DeleteFunc(res.Findings, func(output.Finding) bool {
			i++
			return fixed[i-1]
		})
	}
	res.Findings = output.Dedupe(res.Findings)
	if len(res.Problems) > 0 {
		res.Problems = append(res.Problems, skippedPackages(cfg, patterns, pkgs, res.Problems)...)
	}
	return res, nil
}

// jsonFix converts a fix of the tool's JSON output (byte offsets).
func jsonFix(f vettool.JSONSuggestedFix) fileEdits {
	edits := fileEdits{}
	for _, e := range f.Edits {
		edits[e.Filename] = append(edits[e.Filename], edit{e.Start, e.End, e.New, -1})
	}
	return edits
}

// splitPosn splits a JSON diagnostic's "file:line:col".
func splitPosn(posn string) (file string, line, col int, ok bool) {
	i := strings.LastIndexByte(posn, ':')
	if i < 0 {
		return "", 0, 0, false
	}
	j := strings.LastIndexByte(posn[:i], ':')
	if j < 0 {
		return "", 0, 0, false
	}
	line, err1 := strconv.Atoi(posn[j+1 : i])
	col, err2 := strconv.Atoi(posn[i+1:])
	return posn[:j], line, col, err1 == nil && err2 == nil
}

// skippedPackages names the packages not analysed because a dependency
// has errors (the runner, like go vet, skips them silently), with those
// dependencies.
func skippedPackages(cfg Config, patterns []string, analysed []vettool.PackageResult, problems []output.Problem) []output.Problem {
	broken := map[string]bool{}
	for _, p := range problems {
		if p.Package != "" {
			broken[p.Package] = true
		}
	}
	done := map[string]bool{}
	for _, p := range analysed {
		id, _, _ := strings.Cut(p.ID, " ")
		done[id] = true
	}
	args := append([]string{"list", "-e", "-f", "{{.ImportPath}}{{range .Deps}} {{.}}{{end}}"}, patterns...)
	cmd := exec.Command(cmd0(cfg.GoCommand), args...)
	cmd.Dir = cfg.Dir
	out, err := cmd.Output()
	if err != nil {
		return nil // the go vet errors already say what is wrong
	}
	var skipped []output.Problem
	for line := range strings.SplitSeq(strings.TrimSpace(string(out)), "\n") {
		fields := strings.Fields(line)
		if len(fields) == 0 || done[fields[0]] || broken[fields[0]] {
			continue
		}
		var bad []string
		for _, dep := range fields[1:] {
			if broken[dep] {
				bad = append(bad, dep)
			}
		}
		if len(bad) == 0 {
			continue
		}
		which := ", which has errors"
		if len(bad) > 1 {
			which = ", which have errors"
		}
		skipped = append(skipped, output.Problem{
			Package: fields[0],
			Message: "not analysed: it depends on " + strings.Join(bad, ", ") + which,
		})
	}
	return skipped
}

// digest hashes the files' names and contents (a missing file hashes as
// such: the analysis reports it).
func digest(files []string) string {
	h := sha256.New()
	for _, name := range files {
		data, err := os.ReadFile(name)
		fmt.Fprintf(h, "%s\x00%v\x00%d\x00", name, err != nil, len(data))
		h.Write(data)
	}
	return fmt.Sprintf("%x", h.Sum(nil))
}

func cmd0(goCommand string) string { return cmp.Or(goCommand, "go") }

// changedFlags passes on the analyzer flags set on the command line (their
// values differ from the defaults), named as go vet names them.
func changedFlags(as []*analysis.Analyzer) []string {
	var out []string
	for _, a := range as {
		a.Flags.VisitAll(func(f *flag.Flag) {
			if v := f.Value.String(); v != f.DefValue {
				out = append(out, fmt.Sprintf("-%s.%s=%s", a.Name, f.Name, v))
			}
		})
	}
	return out
}

// findingOf converts one diagnostic of the tool's JSON output.
func findingOf(dir string, d vettool.JSONDiagnostic) output.Finding {
	f := output.Finding{
		Rule:     d.Category,
		Severity: rules.SeverityOf(analysis.Diagnostic{Category: d.Category, URL: d.URL}),
		Pos:      parsePos(dir, d.Posn),
		Message:  d.Message,
		URL:      d.URL,
	}
	if d.End != "" && d.End != d.Posn {
		f.End = parsePos(dir, d.End)
	}
	if r, ok := rules.Lookup(d.Category); ok {
		f.URL = r.URL()
	}
	return f
}

// analyzerProblems turns an analyzer's error into problems. The connectlint
// analyzer's errors are the config file's, one positioned error per line.
func analyzerProblems(pkg, analyzer, msg string) []output.Problem {
	if analyzer != driverAnalyzer {
		return []output.Problem{{Package: pkg, Message: fmt.Sprintf("analyzer %s failed: %s", analyzer, msg)}}
	}
	var out []output.Problem
	for line := range strings.SplitSeq(msg, "\n") {
		if pos, m, ok := cutPos(line); ok {
			out = append(out, output.Problem{Pos: parsePos("", pos), Message: m})
		} else if line != "" {
			out = append(out, output.Problem{Message: line})
		}
	}
	return out
}

// stderrProblems reads what go vet printed on standard error: "# pkg"
// headers, each followed by the package's errors as file:line:col: msg.
func stderrProblems(stderr, dir string, maxPerPkg int) []output.Problem {
	var out []output.Problem
	pkg := ""
	n := map[string]int{}
	seen := map[string]bool{}
	sc := bufio.NewScanner(strings.NewReader(stderr))
	sc.Buffer(nil, 1<<24)
	for sc.Scan() {
		line := strings.TrimRight(sc.Text(), " \t")
		switch {
		case line == "":
			continue
		case strings.HasPrefix(line, "# "):
			// "# pkg", "# pkg [pkg.test]" or "# [pkg]"
			pkg, _, _ = strings.Cut(strings.TrimPrefix(line, "# "), " ")
			pkg = strings.TrimSuffix(strings.TrimPrefix(pkg, "["), "]")
			continue
		case strings.HasPrefix(line, "\t") || strings.HasPrefix(line, "note: module requires"):
			continue // continuation of the previous error
		case strings.HasPrefix(line, "go: downloading "), strings.HasPrefix(line, "go: finding "):
			continue // progress, not a problem
		}
		line = strings.TrimPrefix(line, "vet: ") // how go vet quotes some tool errors
		p := output.Problem{Package: pkg, Message: line}
		if pos, msg, ok := cutPos(line); ok {
			p.Pos, p.Message = parsePos(dir, pos), msg
		}
		if k := fmt.Sprint(p); seen[k] {
			continue
		} else {
			seen[k] = true
		}
		if n[pkg]++; pkg != "" && n[pkg] > maxPerPkg {
			continue
		}
		out = append(out, p)
	}
	for _, pkgName := range slices.Sorted(maps.Keys(n)) {
		if pkgName != "" && n[pkgName] > maxPerPkg {
			out = append(out, output.Problem{Package: pkgName, Message: moreErrors(n[pkgName] - maxPerPkg)})
		}
	}
	return out
}

// moreErrors says how many errors of a package were not listed.
func moreErrors(n int) string {
	if n == 1 {
		return "and 1 more error"
	}
	return fmt.Sprintf("and %d more errors", n)
}
