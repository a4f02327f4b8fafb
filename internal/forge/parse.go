package forge

import (
	"bytes"
	"cmp"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"

	"github.com/connectlint/connectlint/internal/textutil"
)

// Problem is something wrong with a manifest (rule manifest-invalid), at a
// byte span.
type Problem struct {
	Span Span
	Msg  string
}

// Limits on what Parse reads. Forge refuses manifests over ForgeMaxSize;
// Parse reports that and reads on up to MaxParseSize, so a big manifest is
// still checked. Nesting and alias expansion are bounded so that a YAML
// bomb costs little: yaml.v3 keeps aliases as references, and connectlint
// expands them only to validate, within MaxAliasExpansion values.
const (
	ForgeMaxSize      = 200 << 10
	MaxParseSize      = 1 << 20
	MaxDepth          = 1000
	MaxAliasExpansion = 100_000
)

// Parse parses and checks manifest data. It returns the typed manifest
// (nil when the data is not a YAML mapping) and the problems found,
// ordered by position. It is a pure function of data and never panics.
func Parse(data []byte) (m *Manifest, probs []Problem) {
	p := &parser{data: data, pos: newPositions(data)}
	defer func() {
		if r := recover(); r != nil {
			// yaml.v3 has panicked on malformed input before; a panic
			// here must not end the run.
			m, probs = nil, []Problem{{Span: Span{End: min(1, len(data))}, Msg: fmt.Sprintf("internal error reading the manifest: %v", r)}}
		}
	}()
	m = p.parse()
	slices.SortStableFunc(p.probs, func(a, b Problem) int { return cmp.Compare(a.Span.Offset, b.Span.Offset) })
	p.probs = slices.CompactFunc(p.probs, func(a, b Problem) bool { return a == b })
	return m, p.probs
}

type parser struct {
	data  []byte
	pos   *positions
	probs []Problem
}

func (p *parser) problem(span Span, format string, args ...any) {
	p.probs = append(p.probs, Problem{Span: span, Msg: fmt.Sprintf(format, args...)})
}

func (p *parser) parse() *Manifest {
	if len(p.data) > ForgeMaxSize {
		p.problem(Span{}, "the manifest is %s; Forge refuses manifests over %d KB", size(len(p.data)), ForgeMaxSize>>10)
		if len(p.data) > MaxParseSize {
			p.problem(Span{}, "connectlint reads manifests up to %d MB: nothing else in this one is checked", MaxParseSize>>20)
			return nil
		}
	}
	dec := yaml.NewDecoder(bytes.NewReader(p.data))
	var doc yaml.Node
	switch err := dec.Decode(&doc); {
	case err == io.EOF:
		p.problem(Span{}, "the manifest is empty; Forge needs at least app.id")
		return nil
	case err != nil:
		p.yamlError(err)
		return nil
	}
	var extra yaml.Node
	if err := dec.Decode(&extra); err != io.EOF {
		if err != nil {
			p.yamlError(err)
		} else {
			p.problem(p.lineSpan(extra.Line), "a second YAML document: Forge reads manifest.yml as one document")
		}
	}
	if len(doc.Content) == 0 {
		p.problem(Span{}, "the manifest is empty; Forge needs at least app.id")
		return nil
	}
	root := doc.Content[0]
	if root.Kind != yaml.MappingNode {
		if root.Kind == yaml.ScalarNode && root.Tag == "!!null" {
			p.problem(Span{}, "the manifest holds only comments; Forge needs at least app.id")
		} else {
			p.problem(p.span(root, false), "a manifest is a mapping (app:, modules:, permissions:, ...), not %s", describe(root))
		}
		return nil
	}
	if !p.structure(root, 0, "") {
		return nil // too deep: nothing else is safe to walk
	}
	m := &Manifest{Root: root, pos: p.pos}
	if inst, ok := p.instance(root); ok {
		p.validate(root, inst)
	}
	p.build(m, root)
	p.semantics(m)
	return m
}

// size formats a byte count for messages.
func size(n int) string {
	if n >= 1<<20 {
		return fmt.Sprintf("%d MB", n>>20)
	}
	return fmt.Sprintf("%d KB", n>>10)
}

var yamlLine = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)
var yamlAnchor = regexp.MustCompile(`^yaml: unknown anchor '(.*)' referenced$`)

// yamlError turns a yaml.v3 error, which gives at most a line, into a
// problem at the best position the text allows.
func (p *parser) yamlError(err error) {
	msg := err.Error()
	var te *yaml.TypeError
	if errors.As(err, &te) && len(te.Errors) > 0 {
		msg = te.Errors[0]
	}
	if m := yamlLine.FindStringSubmatch(msg); m != nil {
		line, _ := strconv.Atoi(m[1])
		span := p.lineSpan(line)
		text := m[2]
		// yaml.v3 names the line before a flow collection that is never
		// closed: point at its bracket.
		if open, ok := strings.CutPrefix(text, "did not find expected ',' or '"); ok && len(open) == 2 {
			if at := p.unclosed(line, map[string]byte{"]'": '[', "}'": '{'}[open]); at >= 0 {
				p.problem(Span{Offset: at, End: at + 1}, "not valid YAML: this %c is never closed", p.data[at])
				return
			}
		}
		// A tab where YAML expects indentation is the common case; point
		// at the tab.
		if lineText := p.pos.lineText(line); strings.HasPrefix(strings.TrimLeft(lineText, " "), "\t") || text == "found character that cannot start any token" && strings.Contains(lineText, "\t") {
			if i := strings.IndexByte(lineText, '\t'); i >= 0 {
				span = Span{Offset: span.Offset + i, End: span.Offset + i + 1}
				text = "a tab character where YAML expects spaces: YAML indents with spaces only"
			}
		}
		p.problem(span, "not valid YAML: %s", text)
		return
	}
	if m := yamlAnchor.FindStringSubmatch(msg); m != nil {
		span := Span{}
		if i := bytes.Index(p.data, []byte("*"+m[1])); i >= 0 {
			span = Span{Offset: i, End: i + 1 + len(m[1])}
		}
		p.problem(span, "not valid YAML: alias *%s names no anchor &%s", m[1], m[1])
		return
	}
	if strings.HasPrefix(msg, "yaml: exceeded max depth") {
		p.problem(Span{}, "not valid YAML: nesting deeper than %d levels", MaxDepth)
		return
	}
	p.problem(Span{}, "not valid YAML: %s", strings.TrimPrefix(msg, "yaml: "))
}

// unclosed returns the offset of the first bracket c from line on whose
// flow collection never closes, or -1.
func (p *parser) unclosed(line int, c byte) int {
	if c == 0 || line < 1 || line > len(p.pos.lines) {
		return -1
	}
	for i := p.pos.lines[line-1]; i < len(p.data); i++ {
		if p.data[i] == c && matchBracket(p.data, i) < 0 {
			return i
		}
	}
	return -1
}

// structure reports duplicate keys, keys that are not scalars and nesting
// deeper than MaxDepth. Forge's YAML reader refuses duplicate keys. It
// returns false when the document is too deep to walk further.
func (p *parser) structure(n *yaml.Node, depth int, path string) bool {
	if depth > MaxDepth {
		p.problem(p.span(n, false), "nesting deeper than %d levels", MaxDepth)
		return false
	}
	switch n.Kind {
	case yaml.MappingNode:
		seen := map[string]*yaml.Node{}
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, v := n.Content[i], n.Content[i+1]
			if k.Kind != yaml.ScalarNode {
				p.problem(p.span(k, false), "%skeys must be names, not %s", at(path), describe(k))
				continue
			}
			if first, dup := seen[k.Value]; dup {
				p.problem(p.span(k, true), "%skey %q appears twice (first on line %d); Forge refuses duplicate keys", at(path), k.Value, first.Line)
			} else {
				seen[k.Value] = k
			}
			if !p.structure(v, depth+1, join(path, k.Value)) {
				return false
			}
		}
	case yaml.SequenceNode:
		for i, c := range n.Content {
			if !p.structure(c, depth+1, fmt.Sprintf("%s[%d]", path, i)) {
				return false
			}
		}
	}
	return true
}

// at prefixes a message with a path, "remotes[0].key: ".
func at(path string) string {
	if path == "" {
		return ""
	}
	return path + ": "
}

func join(path, key string) string {
	if !plainKey.MatchString(key) {
		key = strconv.Quote(key)
	}
	if path == "" {
		return key
	}
	return path + "." + key
}

var plainKey = regexp.MustCompile(`^[A-Za-z0-9_:-]+$`)

// resolve follows an alias to its anchored node.
func resolve(n *yaml.Node) *yaml.Node {
	if n != nil && n.Kind == yaml.AliasNode && n.Alias != nil {
		return n.Alias
	}
	return n
}

// errBomb stops instance when aliases expand too far.
var errBomb = errors.New("aliases expand too far")

// instance converts the document to the values JSON Schema validation
// works on, expanding aliases within MaxAliasExpansion values in all.
func (p *parser) instance(root *yaml.Node) (any, bool) {
	budget := MaxAliasExpansion
	var firstAlias *yaml.Node
	var conv func(n *yaml.Node, depth int) (any, error)
	conv = func(n *yaml.Node, depth int) (any, error) {
		if budget--; budget < 0 || depth > MaxDepth {
			return nil, errBomb
		}
		if n.Kind == yaml.AliasNode {
			if firstAlias == nil {
				firstAlias = n
			}
			if n.Alias == nil {
				return nil, nil
			}
			return conv(n.Alias, depth+1)
		}
		switch n.Kind {
		case yaml.MappingNode:
			obj := make(map[string]any, len(n.Content)/2)
			for i := 0; i+1 < len(n.Content); i += 2 {
				k := resolve(n.Content[i])
				if k.Kind != yaml.ScalarNode {
					continue // reported by structure
				}
				if _, dup := obj[k.Value]; dup {
					continue // reported by structure; the first one counts
				}
				v, err := conv(n.Content[i+1], depth+1)
				if err != nil {
					return nil, err
				}
				obj[k.Value] = v
			}
			return obj, nil
		case yaml.SequenceNode:
			arr := make([]any, 0, len(n.Content))
			for _, c := range n.Content {
				v, err := conv(c, depth+1)
				if err != nil {
					return nil, err
				}
				arr = append(arr, v)
			}
			return arr, nil
		case yaml.ScalarNode:
			return scalar(n), nil
		}
		return nil, nil
	}
	v, err := conv(root, 0)
	if err != nil {
		span := Span{}
		if firstAlias != nil {
			span = p.span(firstAlias, true)
		}
		p.problem(span, "aliases expand to more than %d values (a YAML bomb?): the manifest is not checked against the schema", MaxAliasExpansion)
		return nil, false
	}
	return v, true
}

// scalar is a scalar node's value as YAML 1.2's core schema reads it.
func scalar(n *yaml.Node) any {
	switch n.ShortTag() {
	case "!!null":
		return nil
	case "!!bool":
		var b bool
		if n.Decode(&b) == nil {
			return b
		}
	case "!!int", "!!float":
		var f float64
		if n.Decode(&f) == nil {
			return json.Number(strconv.FormatFloat(f, 'g', -1, 64))
		}
	}
	return n.Value
}

// describe names a node's kind for messages.
func describe(n *yaml.Node) string {
	n = resolve(n)
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	case yaml.ScalarNode:
		switch n.ShortTag() {
		case "!!null":
			return "nothing"
		case "!!bool":
			return "a boolean"
		case "!!int", "!!float":
			return "a number"
		}
		return "a string"
	}
	return "an alias"
}

// isPlaceholder reports whether a value holds a ${VAR} reference.
func isPlaceholder(s string) bool { return strings.Contains(s, "${") }

// positions converts yaml.v3's lines and columns (1-based, columns counted
// in characters) to byte offsets.
type positions struct {
	data  []byte
	lines []int // byte offset of each line's start
}

func newPositions(data []byte) *positions {
	lines := []int{0}
	for i := 0; i < len(data); i++ {
		// The line breaks yaml.v3 counts: \n, \r\n, a lone \r, and
		// NEL, LS and PS.
		switch {
		case data[i] == '\n':
			lines = append(lines, i+1)
		case data[i] == '\r' && (i+1 == len(data) || data[i+1] != '\n'):
			lines = append(lines, i+1)
		case data[i] == 0xC2 && i+1 < len(data) && data[i+1] == 0x85:
			lines = append(lines, i+2)
			i++
		case data[i] == 0xE2 && i+2 < len(data) && data[i+1] == 0x80 && (data[i+2] == 0xA8 || data[i+2] == 0xA9):
			lines = append(lines, i+3)
			i += 2
		}
	}
	return &positions{data: data, lines: lines}
}

// lineStart is the offset of a line's start, clamped to the data.
func (ps *positions) lineStart(line int) int {
	switch {
	case line < 1:
		return 0
	case line > len(ps.lines):
		return len(ps.data)
	}
	return ps.lines[line-1]
}

func (ps *positions) offset(line, col int) int {
	if line < 1 || line > len(ps.lines) {
		return 0
	}
	off := ps.lines[line-1]
	end := ps.lineEnd(line)
	for c := 1; c < col && off < end; c++ {
		_, w := utf8.DecodeRune(ps.data[off:end])
		off += w
	}
	return off
}

// lineEnd is the offset of the line break ending the line (or
// len(data)); a \r before a \n stays in the line.
func (ps *positions) lineEnd(line int) int {
	switch {
	case line < 1:
		return 0
	case line >= len(ps.lines):
		return len(ps.data)
	}
	end := ps.lines[line] - 1
	for end > ps.lines[line-1] && ps.data[end]&0xC0 == 0x80 { // inside NEL, LS, PS
		end--
	}
	return end
}

func (ps *positions) lineText(line int) string {
	if line < 1 || line > len(ps.lines) {
		return ""
	}
	return string(ps.data[ps.lines[line-1]:ps.lineEnd(line)])
}

// lineSpan is the first character of a line, or the zero Span.
func (p *parser) lineSpan(line int) Span {
	if line < 1 || line > len(p.pos.lines) {
		return Span{}
	}
	off := p.pos.lines[line-1]
	return Span{Offset: off, End: min(off+1, p.pos.lineEnd(line))}
}

// span is the text of a node: a scalar's whole first line of text (quotes
// included), the first character of a collection. key tells that a plain
// scalar is a mapping key, which ends before its colon.
func (p *parser) span(n *yaml.Node, key bool) Span {
	if n == nil || n.Line == 0 {
		return Span{}
	}
	off := p.pos.offset(n.Line, n.Column)
	end := scalarEnd(p.data, off, p.pos.lineEnd(n.Line), n, key)
	return Span{Offset: off, End: max(end, off)}
}

// scalarEnd finds where the text of the node at off ends.
func scalarEnd(data []byte, off, lineEnd int, n *yaml.Node, key bool) int {
	if off >= len(data) {
		return off
	}
	switch {
	case n.Kind == yaml.AliasNode:
		end := off + 1
		for end < lineEnd && !strings.ContainsRune(" \t,]}\r", rune(data[end])) {
			end++
		}
		return end
	case n.Kind != yaml.ScalarNode:
		return off + 1
	case n.Style&yaml.DoubleQuotedStyle != 0 && data[off] == '"':
		for i := off + 1; i < len(data); i++ {
			switch data[i] {
			case '\\':
				i++
			case '"':
				return i + 1
			}
		}
		return len(data)
	case n.Style&yaml.SingleQuotedStyle != 0 && data[off] == '\'':
		for i := off + 1; i < len(data); i++ {
			if data[i] == '\'' {
				if i+1 < len(data) && data[i+1] == '\'' {
					i++
					continue
				}
				return i + 1
			}
		}
		return len(data)
	}
	// Plain (or block, or tagged) text: up to a comment, the end of the
	// line, a key's colon, or a flow collection's punctuation.
	end := off
	for end < lineEnd {
		c := data[end]
		if c == '\r' || c == '#' && end > off && (data[end-1] == ' ' || data[end-1] == '\t') {
			break
		}
		if c == ':' && key && (end+1 >= lineEnd || data[end+1] == ' ' || data[end+1] == '\t') {
			break
		}
		if (c == ',' || c == ']' || c == '}') && n.Style&yaml.FlowStyle == 0 && inFlow(data, off) {
			break
		}
		end++
	}
	for end > off && (data[end-1] == ' ' || data[end-1] == '\t') {
		end--
	}
	return end
}

// inFlow guesses whether off lies inside a flow collection: an unclosed
// [ or { earlier on its line.
func inFlow(data []byte, off int) bool {
	depth := 0
	for i := off - 1; i >= 0 && data[i] != '\n'; i-- {
		switch data[i] {
		case ']', '}':
			depth--
		case '[', '{':
			depth++
		}
	}
	return depth > 0
}

// nearest returns a did-you-mean hint for name among candidates.
func nearest(name string, candidates []string) string {
	return textutil.DidYouMean(name, candidates, max(2, len(name)/3))
}

// forgeKey matches a top-level key only Forge manifests have.
var forgeKey = regexp.MustCompile(`(?m)^(app|modules|permissions|remotes|connectModules|resources)[ \t]*:`)

// LooksLikeForge reports whether a file named manifest.yml is a Forge
// manifest rather than another tool's (Cloud Foundry's applications:, a
// build tool's): it has a top-level key only Forge manifests have, or a
// Forge app id. It reads the text, so it answers for broken YAML too.
func LooksLikeForge(data []byte) bool {
	if len(data) > MaxParseSize {
		data = data[:MaxParseSize]
	}
	return bytes.Contains(data, []byte("ari:cloud:ecosystem::app/")) || forgeKey.Match(data)
}
