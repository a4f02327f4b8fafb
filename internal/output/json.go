package output

import (
	"encoding/json"
	"io"
	"path/filepath"
)

// The JSON format (-format json) is a stable interface for scripts. Fields
// are only ever added, never renamed or removed:
//
//	{
//	  "tool": {"name": "connectlint", "version": "v0.1.0"},
//	  "findings": [
//	    {
//	      "rule": "insecure-base-url",
//	      "severity": "error",            // error | warning | note
//	      "file": "atlassian-connect.json", // relative to the working directory
//	      "line": 4, "column": 14,        // 1-based; column counts bytes
//	      "end": {"line": 4, "column": 40}, // null when unknown
//	      "message": "...",
//	      "url": "https://.../docs/rules.md#insecure-base-url",
//	      "suppressed": false,
//	      "justification": ""             // the reason given when suppressed
//	    }
//	  ],
//	  "errors": [                         // packages that could not be checked
//	    {"package": "example.com/app/broken", "file": "broken/x.go", "line": 3, "column": 9, "message": "..."}
//	  ]
//	}
//
// findings and errors are always arrays, never null. Suppressed findings
// are included (marked) so that scripts can audit them.

type jsonReport struct {
	Tool     jsonTool      `json:"tool"`
	Findings []jsonFinding `json:"findings"`
	Errors   []jsonProblem `json:"errors"`
}

type jsonTool struct {
	Name    string `json:"name"`
	Version string `json:"version"`
}

type jsonFinding struct {
	Rule          string   `json:"rule"`
	Severity      string   `json:"severity"`
	File          string   `json:"file"`
	Line          int      `json:"line"`
	Column        int      `json:"column"`
	End           *jsonEnd `json:"end"`
	Message       string   `json:"message"`
	URL           string   `json:"url"`
	Suppressed    bool     `json:"suppressed"`
	Justification string   `json:"justification"`
}

type jsonEnd struct {
	Line   int `json:"line"`
	Column int `json:"column"`
}

type jsonProblem struct {
	Package string `json:"package,omitempty"`
	File    string `json:"file,omitempty"`
	Line    int    `json:"line,omitempty"`
	Column  int    `json:"column,omitempty"`
	Message string `json:"message"`
}

// WriteJSON writes the report in the JSON format described above.
func WriteJSON(w io.Writer, r *Report) error {
	out := jsonReport{
		Tool:     jsonTool{Name: r.Tool.Name, Version: r.Tool.Version},
		Findings: make([]jsonFinding, 0, len(r.Findings)),
		Errors:   make([]jsonProblem, 0, len(r.Problems)),
	}
	for _, f := range r.Findings {
		jf := jsonFinding{
			Rule:          f.Rule,
			Severity:      string(f.Severity),
			File:          slashPath(r.Dir, f.Pos.File),
			Line:          f.Pos.Line,
			Column:        f.Pos.Column,
			Message:       f.Message,
			URL:           f.URL,
			Suppressed:    f.Suppressed,
			Justification: f.Justification,
		}
		if f.End.IsValid() {
			jf.End = &jsonEnd{Line: f.End.Line, Column: f.End.Column}
		}
		out.Findings = append(out.Findings, jf)
	}
	for _, p := range r.Problems {
		out.Errors = append(out.Errors, jsonProblem{
			Package: p.Package,
			File:    slashPath(r.Dir, p.Pos.File),
			Line:    p.Pos.Line,
			Column:  p.Pos.Column,
			Message: p.Message,
		})
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(out)
}

// slashPath is file relative to dir when inside it, with forward slashes.
func slashPath(dir, file string) string {
	if file == "" {
		return ""
	}
	rel, _ := relPath(dir, file)
	return filepath.ToSlash(rel)
}
