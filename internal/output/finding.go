// Package output turns analysis diagnostics into connectlint findings and
// writes them as text, JSON or SARIF 2.1.0. Every format is generated from
// the same Report, so they never disagree.
package output

import (
	"cmp"
	"go/token"
	"path/filepath"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/connectlint/connectlint/internal/rules"
)

// Position is a 1-based line and column (in bytes, like go/token) in a file.
type Position struct {
	File   string // absolute path as the loader saw it
	Line   int    // 1-based; 0 when unknown
	Column int    // 1-based; 0 when unknown
}

// IsValid reports whether the position names a line in a file.
func (p Position) IsValid() bool { return p.File != "" && p.Line > 0 }

// Finding is one diagnostic as connectlint reports it.
type Finding struct {
	Rule     string         // rule ID (the diagnostic's Category)
	Severity rules.Severity // error, warning or note
	Pos      Position
	End      Position // zero when the analyzer gave no end
	Message  string
	URL      string // the rule's documentation

	// Suppressed is set when a //connectlint:ignore directive or the
	// config file silenced the finding; Justification is its reason and
	// SuppressionKind says where it is written, in SARIF's terms:
	// "inSource" (a directive) or "external" (the config file).
	Suppressed      bool
	Justification   string
	SuppressionKind string
}

// FromDiagnostic converts a diagnostic reported against fset. Positions in
// non-Go files work as long as the analyzer added the file to fset.
func FromDiagnostic(fset *token.FileSet, d analysis.Diagnostic) Finding {
	f := Finding{
		Rule:     d.Category,
		Severity: rules.SeverityOf(d),
		Pos:      FilePosition(fset, d.Pos),
		Message:  d.Message,
		URL:      d.URL,
	}
	if d.End.IsValid() && d.End != d.Pos {
		f.End = FilePosition(fset, d.End)
	}
	if r, ok := rules.Lookup(d.Category); ok {
		// Drop the severity override query: readers want the plain doc link.
		f.URL = r.URL()
	}
	return f
}

// FilePosition is where pos is in the file the user wrote: not adjusted by
// //line directives in Go and JSON files, adjusted in cgo's generated
// files. Every driver reports positions this way.
func FilePosition(fset *token.FileSet, pos token.Pos) Position {
	if !pos.IsValid() {
		return Position{}
	}
	p := fset.PositionFor(pos, false) // not adjusted by //line directives
	if cgoGenerated(p.Filename) {
		// Their //line directives name the user's file.
		p = fset.PositionFor(pos, true)
	}
	return Position{File: p.Filename, Line: p.Line, Column: p.Column}
}

// cgoGenerated reports whether a file the analyzers saw is one cgo
// generated: go/packages hands over the build cache's copies (no .go
// suffix), go vet its work directory's (x.cgo1.go, _cgo_gotypes.go, ...).
func cgoGenerated(name string) bool {
	if !strings.HasSuffix(name, ".go") {
		return !strings.HasSuffix(name, ".json")
	}
	base := filepath.Base(name)
	return strings.HasSuffix(base, ".cgo1.go") || strings.HasPrefix(base, "_cgo_")
}

// key identifies a finding for de-duplication: the same rule, place and
// message reported by several passes (the descriptor analyzer runs once per
// package; a package and its test variant share files) is one finding.
type key struct {
	rule, file, msg string
	line, col       int
}

func (f *Finding) key() key {
	return key{f.Rule, f.Pos.File, f.Message, f.Pos.Line, f.Pos.Column}
}

// Dedupe sorts findings by position and removes duplicates. When the same
// finding is both suppressed and not (two passes disagree), it stays
// unsuppressed: a finding is never hidden by accident.
func Dedupe(fs []Finding) []Finding {
	Sort(fs)
	out := fs[:0]
	seen := make(map[key]int)
	for _, f := range fs {
		if i, ok := seen[f.key()]; ok {
			if !f.Suppressed {
				out[i].Suppressed, out[i].Justification, out[i].SuppressionKind = false, "", ""
			}
			if !out[i].End.IsValid() {
				out[i].End = f.End
			}
			continue
		}
		seen[f.key()] = len(out)
		out = append(out, f)
	}
	return out
}

// Sort orders findings by file, line, column, rule and message.
func Sort(fs []Finding) {
	slices.SortStableFunc(fs, func(a, b Finding) int {
		return cmp.Or(
			cmp.Compare(a.Pos.File, b.Pos.File),
			cmp.Compare(a.Pos.Line, b.Pos.Line),
			cmp.Compare(a.Pos.Column, b.Pos.Column),
			cmp.Compare(a.Rule, b.Rule),
			cmp.Compare(a.Message, b.Message),
		)
	})
}

// Unsuppressed counts the findings that were not suppressed.
func Unsuppressed(fs []Finding) int {
	n := 0
	for _, f := range fs {
		if !f.Suppressed {
			n++
		}
	}
	return n
}

// relPath returns file relative to base when it lies inside base, else
// file unchanged. Output never shows paths like ../../x.go: those depend on
// where the tool was run, not on the project.
func relPath(base, file string) (string, bool) {
	if base == "" || !filepath.IsAbs(file) {
		return file, false
	}
	rel, err := filepath.Rel(base, file)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return file, false
	}
	return rel, true
}
