package vettool

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"go/token"
	"io"
	"maps"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/connectlint/connectlint/internal/output"
)

// The -json output, one object per package, is go vet's:
//
//	{"pkg ID": {"analyzer": [diagnostic, ...]}}  or  {"pkg ID": {"analyzer": {"error": "..."}}}
//
// with two additions that other readers ignore: a diagnostic's "url"
// (which carries a severity override, see rules.SeverityOf), and with
// -suppressed the findings a directive or the config file suppressed,
// listed under the pseudo-analyzer SuppressedKey, each with one related
// entry: the directive or ignore entry, and "kind: reason".
type (
	// JSONTree is one package's output.
	JSONTree map[string]map[string]json.RawMessage

	// JSONDiagnostic is one diagnostic.
	JSONDiagnostic struct {
		Category       string             `json:"category,omitempty"`
		Posn           string             `json:"posn"`
		End            string             `json:"end"`
		Message        string             `json:"message"`
		URL            string             `json:"url,omitempty"`
		SuggestedFixes []JSONSuggestedFix `json:"suggested_fixes,omitempty"`
		Related        []JSONRelated      `json:"related,omitempty"`
	}
	JSONSuggestedFix struct {
		Message string         `json:"message"`
		Edits   []JSONTextEdit `json:"edits"`
	}
	JSONTextEdit struct {
		Filename string `json:"filename"`
		Start    int    `json:"start"`
		End      int    `json:"end"`
		New      string `json:"new"`
	}
	JSONRelated struct {
		Posn    string `json:"posn"`
		End     string `json:"end"`
		Message string `json:"message"`
	}
	jsonError struct {
		Err string `json:"error"`
	}
)

// SuppressedKey is the pseudo-analyzer under which -suppressed lists the
// suppressed findings.
const SuppressedKey = "connectlint:suppressed"

// SummaryKey is the pseudo-analyzer under which -suppressed lists the
// package's summaries for the standalone driver (Options.Summary), as a
// JSON array.
const SummaryKey = "connectlint:summary"

// posString formats a position as the findings do (output.FilePosition).
func posString(fset *token.FileSet, pos token.Pos) string {
	p := output.FilePosition(fset, pos)
	if !p.IsValid() {
		return "-"
	}
	return fmt.Sprintf("%s:%d:%d", p.File, p.Line, p.Column)
}

func toJSON(fset *token.FileSet, d analysis.Diagnostic) JSONDiagnostic {
	end := d.End
	if !end.IsValid() {
		end = d.Pos
	}
	j := JSONDiagnostic{
		Category: d.Category,
		Posn:     posString(fset, d.Pos),
		End:      posString(fset, end),
		Message:  d.Message,
		URL:      d.URL,
	}
	for _, fix := range d.SuggestedFixes {
		jf := JSONSuggestedFix{Message: fix.Message}
		for _, e := range fix.TextEdits {
			eEnd := e.End
			if !eEnd.IsValid() {
				eEnd = e.Pos
			}
			start := fset.PositionFor(e.Pos, false)
			jf.Edits = append(jf.Edits, JSONTextEdit{
				Filename: start.Filename,
				Start:    start.Offset,
				End:      fset.PositionFor(eEnd, false).Offset,
				New:      string(e.NewText),
			})
		}
		j.SuggestedFixes = append(j.SuggestedFixes, jf)
	}
	for _, r := range d.Related {
		rEnd := r.End
		if !rEnd.IsValid() {
			rEnd = r.Pos
		}
		j.Related = append(j.Related, JSONRelated{Posn: posString(fset, r.Pos), End: posString(fset, rEnd), Message: r.Message})
	}
	return j
}

// add records one analyzer's diagnostics or error for a package.
func (t JSONTree) add(id, analyzer string, v any) {
	data, err := json.Marshal(v)
	if err != nil {
		data, _ = json.Marshal(jsonError{fmt.Sprintf("internal error: %v", err)})
	}
	if t[id] == nil {
		t[id] = map[string]json.RawMessage{}
	}
	t[id][analyzer] = data
}

func (t JSONTree) write(w io.Writer) error {
	data, err := json.MarshalIndent(t, "", "\t")
	if err != nil {
		return err
	}
	_, err = w.Write(append(data, '\n'))
	return err
}

// writeCompact writes the tree as write does, but on one line: what the
// standalone runner reads back (ReadJSON) and caches, and no one else
// sees. Indenting, and validating the analyzers' JSON again, took a tenth
// of a second on a main package with 9 000 findings, while every other
// package waited.
func (t JSONTree) writeCompact(w io.Writer) error {
	var b bytes.Buffer
	key := func(s string) {
		q, _ := json.Marshal(s) // a string always encodes
		b.Write(q)
		b.WriteByte(':')
	}
	b.WriteByte('{')
	for i, id := range slices.Sorted(maps.Keys(t)) {
		if i > 0 {
			b.WriteByte(',')
		}
		key(id)
		b.WriteByte('{')
		for j, name := range slices.Sorted(maps.Keys(t[id])) {
			if j > 0 {
				b.WriteByte(',')
			}
			key(name)
			b.Write(t[id][name]) // add made it with json.Marshal
		}
		b.WriteByte('}')
	}
	b.WriteString("}\n")
	_, err := w.Write(b.Bytes())
	return err
}

// PackageResult is what go vet -json printed for one package.
type PackageResult struct {
	ID          string
	Diagnostics map[string][]JSONDiagnostic // by analyzer
	Errors      map[string]string           // by analyzer
	Summaries   []json.RawMessage           // under SummaryKey
}

// ReadJSON parses go vet -json output: JSON objects, one per package,
// between "# package" comment lines.
func ReadJSON(r io.Reader) ([]PackageResult, error) {
	var clean bytes.Buffer
	sc := bufio.NewScanner(r)
	sc.Buffer(nil, 1<<30)
	for sc.Scan() {
		if !strings.HasPrefix(sc.Text(), "#") {
			clean.Write(sc.Bytes())
			clean.WriteByte('\n')
		}
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	var out []PackageResult
	dec := json.NewDecoder(&clean)
	for dec.More() {
		var tree JSONTree
		if err := dec.Decode(&tree); err != nil {
			return nil, fmt.Errorf("parsing go vet -json output: %v", err)
		}
		for _, id := range slices.Sorted(maps.Keys(tree)) {
			res := PackageResult{ID: id, Diagnostics: map[string][]JSONDiagnostic{}, Errors: map[string]string{}}
			for name, raw := range tree[id] {
				if name == SummaryKey {
					if err := json.Unmarshal(raw, &res.Summaries); err != nil {
						return nil, fmt.Errorf("parsing go vet -json output for %s: %v", id, err)
					}
					continue
				}
				var e jsonError
				if bytes.HasPrefix(bytes.TrimSpace(raw), []byte("{")) {
					if err := json.Unmarshal(raw, &e); err != nil {
						return nil, fmt.Errorf("parsing go vet -json output for %s: %v", id, err)
					}
					res.Errors[name] = e.Err
					continue
				}
				var diags []JSONDiagnostic
				if err := json.Unmarshal(raw, &diags); err != nil {
					return nil, fmt.Errorf("parsing go vet -json output for %s: %v", id, err)
				}
				res.Diagnostics[name] = diags
			}
			out = append(out, res)
		}
	}
	return out, nil
}
