package output

import (
	"bytes"
	"encoding/json"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"

	"golang.org/x/mod/semver"

	"github.com/connectlint/connectlint/internal/rules"
)

// SARIF 2.1.0 (OASIS), the subset connectlint writes. Field order follows
// the spec so that the output reads naturally.

const (
	sarifVersion = "2.1.0"
	sarifSchema  = "https://json.schemastore.org/sarif-2.1.0.json"
	// srcRoot is the uriBaseId of every artifact inside the working
	// directory; its absolute location is in run.originalUriBaseIds.
	srcRoot = "%SRCROOT%"
)

type sarifLog struct {
	Version string     `json:"version"`
	Schema  string     `json:"$schema"`
	Runs    []sarifRun `json:"runs"`
}

type sarifRun struct {
	Tool               sarifTool                   `json:"tool"`
	Invocations        []sarifInvocation           `json:"invocations"`
	OriginalURIBaseIDs map[string]sarifArtifactLoc `json:"originalUriBaseIds,omitempty"`
	Results            []sarifResult               `json:"results"`
	ColumnKind         string                      `json:"columnKind"`
}

type sarifTool struct {
	Driver sarifDriver `json:"driver"`
}

type sarifDriver struct {
	Name            string      `json:"name"`
	Version         string      `json:"version,omitempty"`
	SemanticVersion string      `json:"semanticVersion,omitempty"`
	InformationURI  string      `json:"informationUri,omitempty"`
	Rules           []sarifRule `json:"rules"`
}

type sarifRule struct {
	ID                   string              `json:"id"`
	Name                 string              `json:"name,omitempty"`
	ShortDescription     sarifMultiformatMsg `json:"shortDescription"`
	FullDescription      sarifMultiformatMsg `json:"fullDescription"`
	Help                 sarifMultiformatMsg `json:"help"`
	HelpURI              string              `json:"helpUri"`
	DefaultConfiguration sarifRuleConfig     `json:"defaultConfiguration"`
	Properties           sarifRuleProps      `json:"properties"`
}

type sarifMultiformatMsg struct {
	Text     string `json:"text"`
	Markdown string `json:"markdown,omitempty"`
}

type sarifRuleConfig struct {
	Level string `json:"level"`
}

type sarifRuleProps struct {
	Tags []string `json:"tags"`
}

type sarifInvocation struct {
	ExecutionSuccessful        bool                `json:"executionSuccessful"`
	ToolExecutionNotifications []sarifNotification `json:"toolExecutionNotifications,omitempty"`
}

type sarifNotification struct {
	Level     string          `json:"level"`
	Message   sarifMessage    `json:"message"`
	Locations []sarifLocation `json:"locations,omitempty"`
}

type sarifResult struct {
	RuleID       string             `json:"ruleId"`
	RuleIndex    *int               `json:"ruleIndex,omitempty"`
	Level        string             `json:"level"`
	Message      sarifMessage       `json:"message"`
	Locations    []sarifLocation    `json:"locations"`
	Suppressions []sarifSuppression `json:"suppressions,omitempty"`
}

type sarifMessage struct {
	Text string `json:"text"`
}

type sarifLocation struct {
	PhysicalLocation sarifPhysicalLocation `json:"physicalLocation"`
}

type sarifPhysicalLocation struct {
	ArtifactLocation sarifArtifactLoc `json:"artifactLocation"`
	Region           *sarifRegion     `json:"region,omitempty"`
}

type sarifArtifactLoc struct {
	URI       string `json:"uri"`
	URIBaseID string `json:"uriBaseId,omitempty"`
}

type sarifRegion struct {
	StartLine   int `json:"startLine"`
	StartColumn int `json:"startColumn,omitempty"`
	EndLine     int `json:"endLine,omitempty"`
	EndColumn   int `json:"endColumn,omitempty"`
}

type sarifSuppression struct {
	Kind          string `json:"kind"`
	Justification string `json:"justification,omitempty"`
}

// WriteSARIF writes the report as a SARIF 2.1.0 log with one run. Every
// rule that r may report is described in tool.driver.rules; suppressed
// findings are results with an inSource suppression.
func WriteSARIF(w io.Writer, r *Report) error {
	cols := newColumnMapper()
	run := sarifRun{
		Tool: sarifTool{Driver: sarifDriver{
			Name:           r.Tool.Name,
			InformationURI: r.Tool.URI,
			Rules:          []sarifRule{},
		}},
		Invocations: []sarifInvocation{{ExecutionSuccessful: r.Successful()}},
		Results:     []sarifResult{},
		ColumnKind:  "utf16CodeUnits",
	}
	// SARIF wants a version that starts with a number ("0.1.0"); a build
	// from a work tree ("(devel)") is reported as Go names untagged
	// versions, 0.0.0 with a pre-release suffix.
	v := "0.0.0-devel"
	if semver.IsValid(r.Tool.Version) {
		v = strings.TrimPrefix(r.Tool.Version, "v")
	}
	run.Tool.Driver.Version, run.Tool.Driver.SemanticVersion = v, v
	if r.Dir != "" {
		run.OriginalURIBaseIDs = map[string]sarifArtifactLoc{
			srcRoot: {URI: dirURI(r.Dir)},
		}
	}

	ruleIndex := make(map[string]int)
	for i, rule := range r.rules() {
		ruleIndex[rule.ID] = i
		run.Tool.Driver.Rules = append(run.Tool.Driver.Rules, sarifRuleOf(rule))
	}

	for _, f := range r.Findings {
		res := sarifResult{
			RuleID:    f.Rule,
			Level:     sarifLevel(f.Severity),
			Message:   sarifMessage{Text: sentence(f.Message)},
			Locations: []sarifLocation{},
		}
		if i, ok := ruleIndex[f.Rule]; ok {
			res.RuleIndex = &i
		}
		if loc, ok := sarifLocationOf(r.Dir, f.Pos, f.End, cols); ok {
			res.Locations = append(res.Locations, loc)
		}
		if f.Suppressed {
			kind := f.SuppressionKind
			if kind != "external" {
				kind = "inSource"
			}
			res.Suppressions = []sarifSuppression{{Kind: kind, Justification: f.Justification}}
		}
		run.Results = append(run.Results, res)
	}

	inv := &run.Invocations[0]
	for _, p := range r.Problems {
		n := sarifNotification{Level: "error", Message: sarifMessage{Text: sentence(problemText(p))}}
		if loc, ok := sarifLocationOf(r.Dir, p.Pos, Position{}, cols); ok {
			n.Locations = []sarifLocation{loc}
		}
		inv.ToolExecutionNotifications = append(inv.ToolExecutionNotifications, n)
	}

	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(sarifLog{Version: sarifVersion, Schema: sarifSchema, Runs: []sarifRun{run}})
}

func problemText(p Problem) string {
	if p.Package != "" {
		return "package " + p.Package + ": " + p.Message
	}
	return p.Message
}

func sarifRuleOf(r *rules.Rule) sarifRule {
	name := pascalCase(r.ID)
	if strings.EqualFold(name, r.ID) {
		name = "" // a one-word ID (oauth1): SARIF1001 wants name omitted when it equals id
	}
	return sarifRule{
		ID:   r.ID,
		Name: name,
		ShortDescription: sarifMultiformatMsg{
			Text: sentence(r.Title),
		},
		FullDescription: sarifMultiformatMsg{
			Text:     sentence(orDefault(r.Doc, r.Title)),
			Markdown: orDefault(r.Doc, r.Title),
		},
		Help: sarifMultiformatMsg{
			Text:     sentence(orDefault(r.Doc, r.Title)) + " See " + r.URL(),
			Markdown: RuleMarkdownBody(r),
		},
		HelpURI:              r.URL(),
		DefaultConfiguration: sarifRuleConfig{Level: sarifLevel(r.Severity)},
		Properties:           sarifRuleProps{Tags: []string{r.Analyzer}},
	}
}

func sarifLevel(s rules.Severity) string {
	switch s {
	case rules.Error, rules.Warning, rules.Note:
		return string(s)
	}
	return string(rules.Warning)
}

// sarifLocationOf places a finding: inside dir relative to %SRCROOT%,
// elsewhere as an absolute file URI.
func sarifLocationOf(dir string, pos, end Position, cols *columnMapper) (sarifLocation, bool) {
	if pos.File == "" {
		return sarifLocation{}, false
	}
	var art sarifArtifactLoc
	if rel, inside := relPath(dir, pos.File); inside {
		art = sarifArtifactLoc{URI: (&url.URL{Path: filepath.ToSlash(rel)}).EscapedPath(), URIBaseID: srcRoot}
	} else {
		art = sarifArtifactLoc{URI: fileURI(pos.File)}
	}
	loc := sarifLocation{PhysicalLocation: sarifPhysicalLocation{ArtifactLocation: art}}
	if pos.Line > 0 {
		reg := &sarifRegion{StartLine: pos.Line, StartColumn: cols.utf16(pos)}
		if end.IsValid() && end.File == pos.File &&
			(end.Line > pos.Line || end.Line == pos.Line && end.Column > pos.Column) {
			reg.EndLine = end.Line
			reg.EndColumn = cols.utf16(end)
		}
		loc.PhysicalLocation.Region = reg
	}
	return loc, true
}

func fileURI(path string) string {
	return (&url.URL{Scheme: "file", Path: filepath.ToSlash(path)}).String()
}

// dirURI is the file URI of a directory, ending in a slash as SARIF
// requires of a uriBaseId.
func dirURI(dir string) string {
	u := fileURI(dir)
	if !strings.HasSuffix(u, "/") {
		u += "/"
	}
	return u
}

// sentence ends a message with a period. connectlint's messages follow Go
// convention (no final period), but SARIF viewers expect sentences.
func sentence(s string) string {
	s = strings.TrimSpace(s)
	if s == "" {
		return s
	}
	if r, _ := utf8.DecodeLastRuneInString(s); unicode.IsPunct(r) && r != ')' && r != '"' && r != '\'' && r != '`' {
		return s
	}
	return s + "."
}

func orDefault(s, def string) string {
	if strings.TrimSpace(s) == "" {
		return def
	}
	return s
}

// pascalCase turns a rule ID like "missing-scope" into "MissingScope", the
// friendly-name form SARIF suggests for reportingDescriptor.name.
func pascalCase(id string) string {
	var b strings.Builder
	for _, part := range strings.FieldsFunc(id, func(r rune) bool { return r == '-' || r == '_' }) {
		r, n := utf8.DecodeRuneInString(part)
		b.WriteRune(unicode.ToUpper(r))
		b.WriteString(part[n:])
	}
	return b.String()
}

// columnMapper converts go/token byte columns to the UTF-16 code-unit
// columns SARIF uses by default. Files that cannot be read keep byte
// columns (exact for ASCII, the common case).
type columnMapper struct {
	lines map[string][][]byte
}

func newColumnMapper() *columnMapper { return &columnMapper{lines: make(map[string][][]byte)} }

func (m *columnMapper) utf16(p Position) int {
	if p.Column <= 1 {
		return p.Column
	}
	lines, ok := m.lines[p.File]
	if !ok {
		if data, err := os.ReadFile(p.File); err == nil {
			lines = bytes.Split(data, []byte("\n"))
		}
		m.lines[p.File] = lines
	}
	if p.Line > len(lines) {
		return p.Column
	}
	line := lines[p.Line-1]
	prefix := line[:min(p.Column-1, len(line))]
	n := 0
	for len(prefix) > 0 {
		r, size := utf8.DecodeRune(prefix)
		prefix = prefix[size:]
		n += utf16.RuneLen(r)
	}
	return n + 1 + max(0, p.Column-1-len(line)) // past end of line: keep the excess
}
