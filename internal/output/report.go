package output

import "github.com/connectlint/connectlint/internal/rules"

// Tool identifies the program that produced a report.
type Tool struct {
	Name    string // "connectlint"
	Version string // module version, e.g. "v0.1.0", or "(devel)"
	URI     string // project home page
}

// Problem is something that kept connectlint from checking part of the
// code: a package that failed to load or type-check, or an analyzer that
// failed. Problems are not findings; any problem makes the run unsuccessful.
type Problem struct {
	Package string   // import path, when the problem belongs to a package
	Pos     Position // zero when the problem has no position
	Message string
}

// Report is everything one run produced.
type Report struct {
	Tool     Tool
	Dir      string // working directory: file paths are written relative to it
	Findings []Finding
	Problems []Problem
	// Rules describes every rule a finding may refer to; SARIF lists them
	// as the driver's rules. Nil means rules.All().
	Rules []*rules.Rule
}

// Successful reports whether connectlint checked all the code it was
// asked to (it may still have found problems in it).
func (r *Report) Successful() bool { return len(r.Problems) == 0 }

func (r *Report) rules() []*rules.Rule {
	if r.Rules != nil {
		return r.Rules
	}
	return rules.All()
}
