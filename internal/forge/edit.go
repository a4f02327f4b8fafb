package forge

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

// An Edit replaces data[Offset:End] with New.
type Edit struct {
	Offset, End int
	New         string
}

// Apply returns data with the edits applied. Edits must not overlap.
func Apply(data []byte, edits []Edit) []byte {
	edits = slices.Clone(edits)
	slices.SortStableFunc(edits, func(a, b Edit) int { return a.Offset - b.Offset })
	var out []byte
	last := 0
	for _, e := range edits {
		out = append(out, data[last:e.Offset]...)
		out = append(out, e.New...)
		last = e.End
	}
	return append(out, data[last:]...)
}

// Insertion says how to add scopes to permissions.scopes as an insertion
// at Offset: the text for scopes a, b is First+a+After+Before+b+After+Last.
// Quote is the quote character to write names with, or 0 for plain names.
type Insertion struct {
	Offset int
	First  string
	Before string
	After  string
	Last   string
	Quote  byte
}

// Text is the inserted text for names.
func (in Insertion) Text(names []string) string {
	var b strings.Builder
	for i, s := range names {
		if i == 0 {
			b.WriteString(in.First)
		} else {
			b.WriteString(in.Before)
		}
		switch in.Quote {
		case '"':
			s = strconv.Quote(s)
		case '\'':
			s = "'" + strings.ReplaceAll(s, "'", "''") + "'"
		}
		b.WriteString(s + in.After)
	}
	if len(names) > 0 {
		b.WriteString(in.Last)
	}
	return b.String()
}

// AddScopes returns the edits that add names to the manifest's
// permissions.scopes, in the form and layout the file uses (a list item
// per line, a flow list, the map form), keeping every comment. The edits
// are checked by parsing the result: it must declare exactly the old
// scopes and names. data is the manifest's content as m was parsed from.
// Names already declared are skipped.
func AddScopes(m *Manifest, data []byte, names []string) ([]Edit, error) {
	var add []string
	for _, n := range names {
		if !m.HasScope(n) && !slices.Contains(add, n) {
			add = append(add, n)
		}
	}
	if len(add) == 0 {
		return nil, nil
	}
	in, err := InsertionPoint(m, data)
	if err != nil {
		return nil, err
	}
	edits := []Edit{{Offset: in.Offset, End: in.Offset, New: in.Text(add)}}
	if err := checkEdit(m, data, edits, add); err != nil {
		return nil, err
	}
	return edits, nil
}

// checkEdit parses the edited manifest and compares its scopes.
func checkEdit(m *Manifest, data []byte, edits []Edit, add []string) error {
	got, probs := Parse(Apply(data, edits))
	if got == nil {
		return errors.New("the edited manifest does not parse")
	}
	_, before := Parse(data)
	if len(probs) > len(before) {
		return fmt.Errorf("the edited manifest has a new problem: %s", probs[len(probs)-1].Msg)
	}
	var want, have []string
	for _, s := range m.Scopes {
		want = append(want, s.Name)
	}
	want = append(want, add...)
	for _, s := range got.Scopes {
		have = append(have, s.Name)
	}
	if !slices.Equal(want, have) {
		return fmt.Errorf("the edited manifest declares %v, not %v", have, want)
	}
	return nil
}

// InsertionPoint finds where and how to add scopes to the manifest.
func InsertionPoint(m *Manifest, data []byte) (Insertion, error) {
	if m == nil || m.Root == nil || m.pos == nil || len(m.pos.data) != len(data) {
		return Insertion{}, errors.New("the manifest was not parsed from this data")
	}
	in, err := insertionPoint(m, data)
	if err == nil && strings.Contains(string(data), "\r\n") {
		crlf := func(s string) string { return strings.ReplaceAll(s, "\n", "\r\n") }
		in.First, in.Before, in.After, in.Last = crlf(in.First), crlf(in.Before), crlf(in.After), crlf(in.Last)
	}
	return in, err
}

func insertionPoint(m *Manifest, data []byte) (Insertion, error) {
	e := editor{data: data, pos: m.pos}
	pk, pv := member(m.Root, "permissions")
	if pk == nil {
		return e.appendPermissions(), nil
	}
	if pv.Kind == yaml.AliasNode {
		return Insertion{}, errors.New("permissions is an alias: add the scopes by hand")
	}
	sk, sv := member(pv, "scopes")
	if sk == nil {
		return e.addScopesKey(pk, pv)
	}
	if sv.Kind == yaml.AliasNode {
		return Insertion{}, errors.New("permissions.scopes is an alias: add the scopes by hand")
	}
	switch {
	case sv.Kind == yaml.SequenceNode && sv.Style&yaml.FlowStyle != 0:
		return e.flow(sv, "")
	case sv.Kind == yaml.SequenceNode:
		return e.blockList(sv)
	case sv.Kind == yaml.MappingNode && sv.Style&yaml.FlowStyle != 0:
		return e.flow(sv, ": {}")
	case sv.Kind == yaml.MappingNode:
		return e.blockMap(sv)
	case sv.Kind == yaml.ScalarNode && sv.ShortTag() == "!!null" && e.valueText(sv) == "":
		return e.underKey(sk), nil
	}
	return Insertion{}, fmt.Errorf("permissions.scopes is %s, not a list: fix it first", describe(sv))
}

type editor struct {
	data []byte
	pos  *positions
}

func (e editor) off(n *yaml.Node) int { return e.pos.offset(n.Line, n.Column) }

// valueText is the text of a scalar on its line ("" for an empty value).
func (e editor) valueText(n *yaml.Node) string {
	off := e.off(n)
	end := scalarEnd(e.data, off, e.pos.lineEnd(n.Line), n, false)
	return string(e.data[off:end])
}

// quoteOf is the quote character a scalar is written with.
func quoteOf(n *yaml.Node) byte {
	switch {
	case n.Style&yaml.DoubleQuotedStyle != 0:
		return '"'
	case n.Style&yaml.SingleQuotedStyle != 0:
		return '\''
	}
	return 0
}

// indentUnit guesses the file's indentation step from its first indented
// line; 2 when there is none.
func (e editor) indentUnit() string {
	for l := 1; l <= len(e.pos.lines); l++ {
		t := e.pos.lineText(l)
		trimmed := strings.TrimLeft(t, " ")
		if trimmed != "" && !strings.HasPrefix(trimmed, "#") && len(t) > len(trimmed) {
			return strings.Repeat(" ", min(len(t)-len(trimmed), 8))
		}
	}
	return "  "
}

// entryEnd is the offset just past the last line of the block entry that
// starts on line at column col: the following lines indented deeper than
// col belong to it; the first line with content at or left of col ends it.
func (e editor) entryEnd(line, col int) int {
	last := line
	for l := line + 1; l <= len(e.pos.lines); l++ {
		t := strings.TrimRight(e.pos.lineText(l), "\r")
		trimmed := strings.TrimLeft(t, " ")
		if trimmed == "" {
			continue
		}
		if len(t)-len(trimmed) < col {
			break
		}
		last = l
	}
	if last < len(e.pos.lines) {
		return e.pos.lines[last] // the start of the next line
	}
	return len(e.data)
}

// newlineAt prefixes text inserted at the end of a file without a final
// newline with one.
func (e editor) newlineAt(off int) string {
	if off == len(e.data) && off > 0 && e.data[off-1] != '\n' {
		return "\n"
	}
	return ""
}

// blockList adds items after the last one, written like it.
func (e editor) blockList(seq *yaml.Node) (Insertion, error) {
	last := seq.Content[len(seq.Content)-1]
	item := e.off(last)
	lineStart := e.pos.lineStart(last.Line)
	dash := strings.LastIndexByte(string(e.data[lineStart:item]), '-')
	if dash < 0 || strings.TrimLeft(string(e.data[lineStart:lineStart+dash]), " ") != "" {
		return Insertion{}, errors.New("permissions.scopes has a list item not on its own line: add the scopes by hand")
	}
	prefix := string(e.data[lineStart:item])
	end := e.entryEnd(last.Line, dash+1)
	nl := e.newlineAt(end)
	q := quoteOf(resolve(last))
	return Insertion{Offset: end, First: nl + prefix, Before: prefix, After: "\n", Quote: q}, nil
}

// blockMap adds "name: {}" entries after the last one.
func (e editor) blockMap(m *yaml.Node) (Insertion, error) {
	if len(m.Content) < 2 {
		return Insertion{}, errors.New("permissions.scopes is an empty mapping: add the scopes by hand")
	}
	k := m.Content[len(m.Content)-2]
	koff := e.off(k)
	lineStart := e.pos.lineStart(k.Line)
	indent := string(e.data[lineStart:koff])
	if strings.TrimLeft(indent, " ") != "" {
		return Insertion{}, errors.New("permissions.scopes has a key not on its own line: add the scopes by hand")
	}
	end := e.entryEnd(k.Line, len(indent)+1)
	nl := e.newlineAt(end)
	return Insertion{Offset: end, First: nl + indent, Before: indent, After: ": {}\n", Quote: quoteOf(resolve(k))}, nil
}

// flow adds elements inside a flow list or mapping, after its last one;
// suffix follows each name (": {}" in a mapping).
func (e editor) flow(n *yaml.Node, suffix string) (Insertion, error) {
	open := e.off(n)
	if open >= len(e.data) || e.data[open] != '[' && e.data[open] != '{' {
		return Insertion{}, errors.New("cannot find the bracket of permissions.scopes: add the scopes by hand")
	}
	if len(n.Content) == 0 {
		return Insertion{Offset: open + 1, Before: ", ", After: suffix, Quote: '"'}, nil
	}
	lastName := n.Content[len(n.Content)-1]
	if suffix != "" {
		lastName = n.Content[len(n.Content)-2] // a mapping: the last key
	}
	end := e.nodeEnd(n.Content[len(n.Content)-1])
	if end < 0 {
		return Insertion{}, errors.New("cannot find the end of permissions.scopes: add the scopes by hand")
	}
	q := quoteOf(resolve(lastName))
	// A trailing comma stays a separator: insert after it.
	i := end
	for i < len(e.data) && (e.data[i] == ' ' || e.data[i] == '\t') {
		i++
	}
	if i < len(e.data) && e.data[i] == ',' {
		return Insertion{Offset: i + 1, First: " ", Before: " ", After: suffix + ",", Quote: q}, nil
	}
	return Insertion{Offset: end, First: ", ", Before: ", ", After: suffix, Quote: q}, nil
}

// nodeEnd is the offset just past a node's text: a scalar's or alias's
// text, a flow collection's closing bracket; -1 for a block collection.
func (e editor) nodeEnd(n *yaml.Node) int {
	off := e.off(n)
	if n.Kind == yaml.MappingNode || n.Kind == yaml.SequenceNode {
		if n.Style&yaml.FlowStyle == 0 || off >= len(e.data) {
			return -1
		}
		if c := matchBracket(e.data, off); c >= 0 {
			return c + 1
		}
		return -1
	}
	return scalarEnd(e.data, off, e.pos.lineEnd(n.Line), n, false)
}

// matchBracket returns the offset of the bracket closing the one at open,
// skipping quoted text and comments; -1 when there is none.
func matchBracket(data []byte, open int) int {
	depth := 0
	for i := open; i < len(data); i++ {
		switch c := data[i]; c {
		case '[', '{':
			depth++
		case ']', '}':
			if depth--; depth == 0 {
				return i
			}
		case '"':
			for i++; i < len(data) && data[i] != '"'; i++ {
				if data[i] == '\\' {
					i++
				}
			}
		case '\'':
			for i++; i < len(data) && (data[i] != '\'' || i+1 < len(data) && data[i+1] == '\''); i++ {
				if data[i] == '\'' {
					i++
				}
			}
		case '#':
			if i > 0 && (data[i-1] == ' ' || data[i-1] == '\t' || data[i-1] == '\n') {
				for i < len(data) && data[i] != '\n' {
					i++
				}
			}
		}
	}
	return -1
}

// underKey adds a block list under a key with an empty value
// ("scopes:" and nothing after it).
func (e editor) underKey(k *yaml.Node) Insertion {
	lineStart := e.pos.lineStart(k.Line)
	indent := string(e.data[lineStart:e.off(k)])
	end := e.pos.lineEnd(k.Line)
	if end > lineStart && e.data[end-1] == '\r' {
		end--
	}
	prefix := indent + e.indentUnit() + "- "
	return Insertion{Offset: end, First: "\n" + prefix, Before: "\n" + prefix}
}

// addScopesKey adds a scopes list to a permissions mapping without one.
func (e editor) addScopesKey(pk, pv *yaml.Node) (Insertion, error) {
	unit := e.indentUnit()
	switch {
	case pv.Kind == yaml.ScalarNode && pv.ShortTag() == "!!null" && e.valueText(pv) == "":
		lineStart := e.pos.lineStart(pk.Line)
		indent := string(e.data[lineStart:e.off(pk)]) + unit
		end := e.pos.lineEnd(pk.Line)
		return Insertion{Offset: end, First: "\n" + indent + "scopes:\n" + indent + unit + "- ", Before: "\n" + indent + unit + "- "}, nil
	case pv.Kind == yaml.MappingNode && pv.Style&yaml.FlowStyle != 0:
		open := e.off(pv)
		closeAt := -1
		if open < len(e.data) && e.data[open] == '{' {
			closeAt = matchBracket(e.data, open)
		}
		if closeAt < 0 {
			return Insertion{}, errors.New("cannot find the closing brace of permissions: add the scopes by hand")
		}
		first := "scopes: ["
		if len(pv.Content) > 0 {
			first = ", scopes: ["
		}
		return Insertion{Offset: closeAt, First: first, Before: ", ", Last: "]", Quote: '"'}, nil
	case pv.Kind == yaml.MappingNode && len(pv.Content) >= 2:
		k := pv.Content[len(pv.Content)-2]
		lineStart := e.pos.lineStart(k.Line)
		indent := string(e.data[lineStart:e.off(k)])
		if strings.TrimLeft(indent, " ") != "" {
			return Insertion{}, errors.New("permissions has a key not on its own line: add the scopes by hand")
		}
		end := e.entryEnd(k.Line, len(indent)+1)
		nl := e.newlineAt(end)
		return Insertion{Offset: end, First: nl + indent + "scopes:\n" + indent + unit + "- ", Before: indent + unit + "- ", After: "\n"}, nil
	}
	return Insertion{}, fmt.Errorf("permissions is %s, not a mapping: fix it first", describe(pv))
}

// appendPermissions adds a permissions section at the end of the file.
func (e editor) appendPermissions() Insertion {
	unit := e.indentUnit()
	nl := e.newlineAt(len(e.data))
	return Insertion{Offset: len(e.data), First: nl + "permissions:\n" + unit + "scopes:\n" + unit + unit + "- ", Before: unit + unit + "- ", After: "\n"}
}
