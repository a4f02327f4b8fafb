// Package gclplugin makes connectlint a golangci-lint v2 module plugin.
//
// Build a custom golangci-lint with it (`golangci-lint custom`, see the
// README) and enable it in .golangci.yml:
//
//	linters:
//	  enable: [connectlint]
//	  settings:
//	    custom:
//	      connectlint:
//	        type: module
//	        description: Atlassian Connect scopes, 403 handling and auth checks
//	        settings:
//	          descriptor: static/atlassian-connect.json # optional; found by default
//	          disable: [excess-scope]                    # optional
//
// golangci-lint drops findings outside .go files, so findings in the app
// descriptor are reported on a Go position (the //go:embed line that embeds
// the descriptor, else the package clause of the reporting package) and
// their message starts with the descriptor position, e.g.
// "atlassian-connect.json:9:14: baseUrl ... is not https [insecure-base-url]".
// They share that line, and golangci-lint shows one issue per line unless
// issues.uniq-by-line is false. Every message ends with its rule ID.
//
// //connectlint:ignore directives and .connectlint.yaml apply as in the
// connectlint command; the plugin's enable and disable settings come on top.
package gclplugin

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/golangci/plugin-module-register/register"
	"golang.org/x/tools/go/analysis"

	"github.com/connectlint/connectlint/analyzers"
	"github.com/connectlint/connectlint/internal/driver"
	"github.com/connectlint/connectlint/internal/rules"
)

func init() {
	register.Plugin("connectlint", New)
}

// Settings are the plugin's settings in .golangci.yml. Unknown keys are
// errors, so a typo never silently turns a check off.
type Settings struct {
	// Descriptor is the path of atlassian-connect.json, relative to the
	// directory golangci-lint runs in. Empty: each package finds its
	// descriptor as the connectlint command does.
	Descriptor string `json:"descriptor"`
	// Enable, when not empty, lists the only rules reported: rule IDs or
	// analyzer names (all of its rules), as the -enable flag.
	Enable []string `json:"enable"`
	// Disable lists rules (or analyzers) not reported, as -disable.
	Disable []string `json:"disable"`
}

// New is the plugin constructor golangci-lint calls with the raw settings.
func New(raw any) (register.LinterPlugin, error) {
	s, err := register.DecodeSettings[Settings](raw)
	if err != nil {
		return nil, fmt.Errorf("connectlint settings: %w", err)
	}
	ruleSet, err := driver.NewRuleSet(s.Enable, s.Disable)
	if err != nil {
		return nil, fmt.Errorf("connectlint settings: %w", err)
	}
	p := &plugin{settings: s, rules: ruleSet}
	if s.Descriptor != "" {
		abs, err := filepath.Abs(s.Descriptor)
		if err != nil {
			return nil, fmt.Errorf("connectlint settings: descriptor: %w", err)
		}
		if _, err := os.Stat(abs); err != nil {
			return nil, fmt.Errorf("connectlint settings: descriptor: %w", err)
		}
		p.settings.Descriptor = abs
	}
	return p, nil
}

type plugin struct {
	settings Settings
	rules    driver.RuleSet
}

func (p *plugin) BuildAnalyzers() ([]*analysis.Analyzer, error) {
	if p.settings.Descriptor != "" {
		if err := setDescriptor(p.settings.Descriptor); err != nil {
			return nil, err
		}
	}
	// As in the connectlint command, analyzers none of whose rules are
	// wanted do not run (unless other analyzers need them).
	var roots []*analysis.Analyzer
	for _, a := range analyzers.All() {
		rs := rules.ForAnalyzer(a.Name)
		if len(rs) == 0 || slices.ContainsFunc(rs, func(r *rules.Rule) bool { return p.rules.Enabled(r.ID) }) {
			roots = append(roots, a)
		}
	}
	return instrument(roots, p.filter), nil
}

// GetLoadMode asks for type information: the analyzers build SSA.
func (p *plugin) GetLoadMode() string { return register.LoadModeTypesInfo }

// filter decides what golangci-lint sees of a diagnostic: nothing for a
// disabled rule; for a finding outside Go code, the same finding on a Go
// position of the reporting package, its file position in the message.
func (p *plugin) filter(pass *analysis.Pass, d analysis.Diagnostic) (analysis.Diagnostic, bool) {
	if d.Category != "" && !p.rules.Enabled(d.Category) {
		return d, false
	}
	if d.Category != "" {
		d.Message += " [" + d.Category + "]"
	}
	f := pass.Fset.File(d.Pos)
	if f == nil || strings.HasSuffix(f.Name(), ".go") {
		return d, true
	}
	anchor := anchorPos(pass, f.Name())
	if !anchor.IsValid() {
		return d, false
	}
	posn := pass.Fset.Position(d.Pos)
	d.Message = fmt.Sprintf("%s:%d:%d: %s", displayPath(posn.Filename), posn.Line, posn.Column, d.Message)
	d.Pos, d.End = anchor, anchor
	d.SuggestedFixes = nil // edits to a non-Go file cannot ride on a Go position
	d.Related = slices.DeleteFunc(slices.Clone(d.Related), func(r analysis.RelatedInformation) bool {
		rf := pass.Fset.File(r.Pos)
		return rf == nil || !strings.HasSuffix(rf.Name(), ".go")
	})
	return d, true
}

// displayPath is name relative to the working directory when it lies
// below it, as golangci-lint shows Go file names.
func displayPath(name string) string {
	wd, err := os.Getwd()
	if err != nil {
		return name
	}
	rel, err := filepath.Rel(wd, name)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return name
	}
	return rel
}
