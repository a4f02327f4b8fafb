// Package jsonpos parses JSON and keeps the byte span of every value and
// object key, so that findings can point at the exact text.
//
// It is written for app descriptors, which are often Go templates: a
// template action inside a string ("{{ .BaseURL }}") is kept as part of the
// string and marks it Template; an action where JSON expects a value or a key
// (`"scopes": {{ .Scopes }}`) stops parsing with a single TemplateAction
// error instead of a cascade of syntax errors.
//
// The parser is iterative, so deep nesting cannot exhaust the stack; nesting
// beyond MaxDepth is an error.
package jsonpos

import (
	"encoding/json"
	"fmt"
	"slices"
	"unicode/utf8"
)

// MaxDepth is the deepest nesting of arrays and objects Parse accepts.
// Descriptors nest a handful of levels; the limit keeps consumers that walk
// the tree recursively safe.
const MaxDepth = 1000

// Span is a byte range [Offset, End) in the parsed data.
type Span struct{ Offset, End int }

// Kind is the type of a JSON value.
type Kind uint8

const (
	Null Kind = iota
	Bool
	Number
	String
	Array
	Object
)

var kindNames = [...]string{"null", "boolean", "number", "string", "array", "object"}

func (k Kind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return "invalid"
}

// Value is a JSON value with its position.
type Value struct {
	Kind Kind
	Span Span // the whole value, quotes and brackets included

	// Str is the decoded text of a String and the literal text of a Number.
	// A template action inside a string is kept verbatim.
	Str  string
	Bool bool

	// Template reports that a String contains a Go template action.
	Template bool

	Elems   []*Value  // Array elements
	Members []*Member // Object members in file order, duplicates included
}

// Member is one "key": value pair of an object.
type Member struct {
	Key     string
	KeySpan Span // the key's string literal, quotes included
	Value   *Value
}

// Get returns the value of the object member named key, or nil when v is
// not an object or has no such member. With duplicate keys the last one
// wins, as in encoding/json.
func (v *Value) Get(key string) *Value {
	if m := v.Member(key); m != nil {
		return m.Value
	}
	return nil
}

// Member returns the object member named key (the last, if duplicated).
func (v *Value) Member(key string) *Member {
	if v == nil || v.Kind != Object {
		return nil
	}
	for i := len(v.Members) - 1; i >= 0; i-- {
		if v.Members[i].Key == key {
			return v.Members[i]
		}
	}
	return nil
}

// Interface converts v to the values encoding/json produces with UseNumber:
// map[string]any, []any, string, json.Number, bool and nil.
func (v *Value) Interface() any {
	if v == nil {
		return nil
	}
	switch v.Kind {
	case Bool:
		return v.Bool
	case Number:
		return json.Number(v.Str)
	case String:
		return v.Str
	case Array:
		out := make([]any, len(v.Elems))
		for i, e := range v.Elems {
			out[i] = e.Interface()
		}
		return out
	case Object:
		out := make(map[string]any, len(v.Members))
		for _, m := range v.Members {
			out[m.Key] = m.Value.Interface()
		}
		return out
	}
	return nil
}

// ErrorKind classifies parse problems.
type ErrorKind uint8

const (
	// SyntaxError: the data is not JSON. Parsing stopped.
	SyntaxError ErrorKind = iota
	// TemplateAction: a Go template action where JSON expects a value,
	// key or separator. Parsing stopped.
	TemplateAction
	// DuplicateKey: an object repeats a key; reported at the repetition.
	// Parsing went on.
	DuplicateKey
	// ByteOrderMark: the data starts with a UTF-8 byte order mark, which
	// Parse skips. Parsing went on.
	ByteOrderMark
)

// Error is a positioned parse problem. Msg does not repeat the position
// of Span, but may name other positions as line:column.
type Error struct {
	Kind ErrorKind
	Span Span
	Msg  string
}

func (e *Error) Error() string { return fmt.Sprintf("offset %d: %s", e.Span.Offset, e.Msg) }

// Fatal reports whether the error stopped parsing.
func (e *Error) Fatal() bool { return e.Kind == SyntaxError || e.Kind == TemplateAction }

// Parse parses data as a single JSON value. It returns the value (nil if
// parsing stopped) and the problems found in file order; at most one of
// them is fatal, and it is the last.
func Parse(data []byte) (*Value, []*Error) {
	p := &parser{data: data}
	if len(data) >= 3 && data[0] == 0xEF && data[1] == 0xBB && data[2] == 0xBF {
		p.pos = 3
		p.errs = append(p.errs, &Error{Kind: ByteOrderMark, Span: Span{0, 3},
			Msg: "file starts with a UTF-8 byte order mark"})
	}
	root := p.run()
	return root, p.errs
}

type parser struct {
	data []byte
	pos  int
	errs []*Error
	buf  []byte // scratch for decoding escaped strings

	lines []int // offsets of line starts, for messages; see lineCol
}

// frame is an open array or object.
type frame struct {
	v    *Value
	keys map[string]int // object keys to their offset, once there are many
}

// smallObject is the member count up to which duplicate keys are found by
// scanning the members rather than through a map.
const smallObject = 8

// seen returns the offset of an earlier member named key, if any.
func (f *frame) seen(key string) (int, bool) {
	if f.keys != nil {
		off, ok := f.keys[key]
		return off, ok
	}
	for _, m := range f.v.Members {
		if m.Key == key {
			return m.KeySpan.Offset, true
		}
	}
	return 0, false
}

// add records a new member; the member list is the index until it grows.
func (f *frame) add(m *Member) {
	f.v.Members = append(f.v.Members, m)
	switch n := len(f.v.Members); {
	case n == smallObject+1:
		f.keys = make(map[string]int, 2*n)
		for _, m := range f.v.Members {
			if _, dup := f.keys[m.Key]; !dup {
				f.keys[m.Key] = m.KeySpan.Offset
			}
		}
	case n > smallObject+1:
		if _, dup := f.keys[m.Key]; !dup {
			f.keys[m.Key] = m.KeySpan.Offset
		}
	}
}

func (p *parser) run() *Value {
	p.skipSpace()
	if p.pos == len(p.data) {
		p.fail(SyntaxError, p.pos, p.pos, "empty file: expected a JSON value")
		return nil
	}
	var root *Value
	var stack []frame
	for {
		// A value is expected at p.pos (after optional space).
		p.skipSpace()
		v := p.value()
		if v == nil {
			return nil
		}
		if len(stack) == 0 {
			root = v
		} else if top := stack[len(stack)-1].v; top.Kind == Array {
			top.Elems = append(top.Elems, v)
		} else {
			top.Members[len(top.Members)-1].Value = v
		}

		complete := true
		if v.Kind == Array || v.Kind == Object {
			if len(stack) >= MaxDepth {
				p.fail(SyntaxError, v.Span.Offset, v.Span.Offset+1,
					fmt.Sprintf("nesting deeper than %d levels", MaxDepth))
				return nil
			}
			stack = append(stack, frame{v: v})
			p.skipSpace()
			switch {
			case p.peek() == closer(v.Kind):
				p.pos++
				v.Span.End = p.pos
				stack = stack[:len(stack)-1]
			case v.Kind == Object:
				if !p.key(&stack[len(stack)-1]) {
					return nil
				}
				complete = false
			default:
				complete = false
			}
		}
		if !complete {
			continue
		}

		// After a complete value: close finished containers until a comma
		// asks for the next value.
		for {
			if len(stack) == 0 {
				p.skipSpace()
				if p.pos < len(p.data) {
					p.unexpected("after the top-level value")
					return nil
				}
				return root
			}
			top := &stack[len(stack)-1]
			p.skipSpace()
			c := p.peek()
			if c == ',' {
				comma := p.pos
				p.pos++
				p.skipSpace()
				if p.peek() == closer(top.v.Kind) {
					p.fail(SyntaxError, comma, comma+1,
						"trailing comma before "+quoteByte(closer(top.v.Kind)))
					return nil
				}
				if top.v.Kind == Object && !p.key(top) {
					return nil
				}
				break
			}
			if c == closer(top.v.Kind) {
				p.pos++
				top.v.Span.End = p.pos
				stack = stack[:len(stack)-1]
				continue
			}
			if p.pos == len(p.data) {
				p.failEOF(top.v)
				return nil
			}
			if top.v.Kind == Object {
				p.unexpected(`after an object member: expected "," or "}"`)
			} else {
				p.unexpected(`after an array element: expected "," or "]"`)
			}
			return nil
		}
	}
}

func closer(k Kind) byte {
	if k == Object {
		return '}'
	}
	return ']'
}

// key parses `"key" :` and appends a member to the object on top.
func (p *parser) key(f *frame) bool {
	p.skipSpace()
	if p.peek() != '"' {
		if p.pos == len(p.data) {
			p.failEOF(f.v)
		} else {
			p.unexpected(`where an object key was expected: keys are double-quoted strings`)
		}
		return false
	}
	start := p.pos
	s, _, ok := p.str()
	if !ok {
		return false
	}
	m := &Member{Key: s, KeySpan: Span{start, p.pos}}
	if first, dup := f.seen(s); dup {
		line, col := p.lineCol(first)
		p.errs = append(p.errs, &Error{Kind: DuplicateKey, Span: m.KeySpan,
			Msg: fmt.Sprintf("duplicate key %q (first at line %d:%d)", s, line, col)})
	}
	f.add(m)
	p.skipSpace()
	if p.peek() != ':' {
		if p.pos == len(p.data) {
			p.failEOF(f.v)
		} else {
			p.unexpected(fmt.Sprintf(`after key %q: expected ":"`, s))
		}
		return false
	}
	p.pos++
	return true
}

// value parses a scalar, or opens an array or object (consuming only its
// bracket). It returns nil after recording a fatal error.
func (p *parser) value() *Value {
	start := p.pos
	switch c := p.peek(); {
	case c == '{':
		if p.isAction() {
			p.templateAction()
			return nil
		}
		p.pos++
		return &Value{Kind: Object, Span: Span{start, start}}
	case c == '[':
		p.pos++
		return &Value{Kind: Array, Span: Span{start, start}}
	case c == '"':
		s, tmpl, ok := p.str()
		if !ok {
			return nil
		}
		return &Value{Kind: String, Span: Span{start, p.pos}, Str: s, Template: tmpl}
	case c == '-' || ('0' <= c && c <= '9'):
		if !p.number() {
			return nil
		}
		return &Value{Kind: Number, Span: Span{start, p.pos}, Str: string(p.data[start:p.pos])}
	case c == 't' || c == 'f' || c == 'n':
		for _, lit := range [...]string{"true", "false", "null"} {
			if p.hasPrefix(lit) && !isIdentByte(p.at(p.pos+len(lit))) {
				p.pos += len(lit)
				v := &Value{Kind: Null, Span: Span{start, p.pos}}
				if lit != "null" {
					v.Kind, v.Bool = Bool, lit == "true"
				}
				return v
			}
		}
	}
	if p.pos == len(p.data) {
		p.fail(SyntaxError, p.pos, p.pos, "unexpected end of file: expected a value")
		return nil
	}
	p.unexpected("where a value was expected")
	return nil
}

// str parses a string literal at p.pos. It reports whether the string holds
// a template action.
func (p *parser) str() (s string, template bool, ok bool) {
	start := p.pos
	p.pos++ // opening quote
	p.buf = p.buf[:0]
	escaped := false
	for p.pos < len(p.data) {
		c := p.data[p.pos]
		switch {
		case c == '"':
			p.pos++
			if escaped {
				return string(p.buf), template, true
			}
			return string(p.data[start+1 : p.pos-1]), template, true
		case c == '\\':
			if !escaped {
				p.buf = append(p.buf, p.data[start+1:p.pos]...)
				escaped = true
			}
			if !p.escape() {
				return "", false, false
			}
			continue
		case c == '{' && p.isAction():
			if end := p.actionEnd(); end > 0 {
				if escaped {
					p.buf = append(p.buf, p.data[p.pos:end]...)
				}
				p.pos = end
				template = true
				continue
			}
		case c == '\n' || c == '\r':
			p.fail(SyntaxError, start, p.pos, "string is not closed before the end of the line")
			return "", false, false
		case c < 0x20:
			p.fail(SyntaxError, p.pos, p.pos+1,
				fmt.Sprintf("control character U+%04X in string: write it as an escape", c))
			return "", false, false
		case c >= utf8.RuneSelf:
			r, size := utf8.DecodeRune(p.data[p.pos:])
			if r == utf8.RuneError && size == 1 {
				p.fail(SyntaxError, p.pos, p.pos+1,
					fmt.Sprintf("invalid UTF-8 byte 0x%02x in string", c))
				return "", false, false
			}
			if escaped {
				p.buf = append(p.buf, p.data[p.pos:p.pos+size]...)
			}
			p.pos += size
			continue
		}
		if escaped {
			p.buf = append(p.buf, c)
		}
		p.pos++
	}
	p.fail(SyntaxError, start, p.pos, "unexpected end of file: string is not closed")
	return "", false, false
}

// escape decodes the escape sequence at p.pos into p.buf.
func (p *parser) escape() bool {
	start := p.pos
	c := p.at(p.pos + 1)
	var b byte
	switch c {
	case '"', '\\', '/':
		b = c
	case 'b':
		b = '\b'
	case 'f':
		b = '\f'
	case 'n':
		b = '\n'
	case 'r':
		b = '\r'
	case 't':
		b = '\t'
	case 'u':
		r, ok := p.hex4(p.pos + 2)
		if !ok {
			p.fail(SyntaxError, start, min(start+6, len(p.data)), `invalid \u escape: expected four hex digits`)
			return false
		}
		p.pos += 6
		if utf16IsSurrogate(r) {
			r2, ok := rune(0), false
			if p.at(p.pos) == '\\' && p.at(p.pos+1) == 'u' {
				r2, ok = p.hex4(p.pos + 2)
			}
			if dec := utf16Decode(r, r2); ok && dec != utf8.RuneError {
				p.pos += 6
				r = dec
			} else {
				r = utf8.RuneError
			}
		}
		p.buf = utf8.AppendRune(p.buf, r)
		return true
	default:
		if p.pos+1 >= len(p.data) {
			p.fail(SyntaxError, start, p.pos+1, "unexpected end of file: string is not closed")
		} else {
			p.fail(SyntaxError, start, start+2, fmt.Sprintf("invalid escape %s in string", quoteByte(c)))
		}
		return false
	}
	p.buf = append(p.buf, b)
	p.pos += 2
	return true
}

func (p *parser) hex4(i int) (rune, bool) {
	if i+4 > len(p.data) {
		return 0, false
	}
	var r rune
	for _, c := range p.data[i : i+4] {
		switch {
		case '0' <= c && c <= '9':
			c -= '0'
		case 'a' <= c && c <= 'f':
			c = c - 'a' + 10
		case 'A' <= c && c <= 'F':
			c = c - 'A' + 10
		default:
			return 0, false
		}
		r = r<<4 | rune(c)
	}
	return r, true
}

func utf16IsSurrogate(r rune) bool { return 0xD800 <= r && r < 0xE000 }

func utf16Decode(r1, r2 rune) rune {
	if 0xD800 <= r1 && r1 < 0xDC00 && 0xDC00 <= r2 && r2 < 0xE000 {
		return (r1-0xD800)<<10 | (r2 - 0xDC00) + 0x10000
	}
	return utf8.RuneError
}

// number scans a JSON number at p.pos.
func (p *parser) number() bool {
	start := p.pos
	if p.peek() == '-' {
		p.pos++
	}
	switch c := p.peek(); {
	case c == '0':
		p.pos++
		if isDigit(p.peek()) {
			p.fail(SyntaxError, start, p.pos+1, "number with a leading zero")
			return false
		}
	case isDigit(c):
		p.digits()
	default:
		p.fail(SyntaxError, start, p.pos+1, `"-" must be followed by a digit`)
		return false
	}
	if p.peek() == '.' {
		p.pos++
		if !isDigit(p.peek()) {
			p.fail(SyntaxError, start, p.pos, `"." in a number must be followed by a digit`)
			return false
		}
		p.digits()
	}
	if c := p.peek(); c == 'e' || c == 'E' {
		p.pos++
		if c := p.peek(); c == '+' || c == '-' {
			p.pos++
		}
		if !isDigit(p.peek()) {
			p.fail(SyntaxError, start, p.pos, "exponent in a number must have digits")
			return false
		}
		p.digits()
	}
	return true
}

func (p *parser) digits() {
	for isDigit(p.peek()) {
		p.pos++
	}
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

func isIdentByte(c byte) bool {
	return c == '_' || '0' <= c && c <= '9' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z'
}

// isAction reports whether a Go template action starts at p.pos.
func (p *parser) isAction() bool { return p.at(p.pos) == '{' && p.at(p.pos+1) == '{' }

// actionEnd returns the offset just past the "}}" closing the action at
// p.pos on the same line, or -1 when there is none. Keeping actions to one
// line stops a literal "{{" in a string from swallowing the rest of the file.
func (p *parser) actionEnd() int {
	for i := p.pos + 2; i+1 < len(p.data) && p.data[i] != '\n'; i++ {
		if p.data[i] == '}' && p.data[i+1] == '}' {
			return i + 2
		}
	}
	return -1
}

func (p *parser) templateAction() {
	end := p.actionEnd()
	if end < 0 {
		end = p.pos + 2
	}
	p.fail(TemplateAction, p.pos, end,
		fmt.Sprintf("Go template action %s outside a string", abbreviate(p.data[p.pos:end])))
}

// unexpected reports the byte at p.pos as out of place.
func (p *parser) unexpected(where string) {
	if p.isAction() {
		p.templateAction()
		return
	}
	if p.pos == len(p.data) {
		p.fail(SyntaxError, p.pos, p.pos, "unexpected end of file")
		return
	}
	c := p.data[p.pos]
	hint := ""
	switch {
	case c == '\'':
		hint = ": JSON strings use double quotes"
	case c == '/' && (p.at(p.pos+1) == '/' || p.at(p.pos+1) == '*'):
		hint = ": JSON has no comments"
	case isIdentByte(c) && !isDigit(c) && where != "after the top-level value":
		end := p.pos
		for end < len(p.data) && isIdentByte(p.data[end]) {
			end++
		}
		p.fail(SyntaxError, p.pos, end, fmt.Sprintf("unexpected word %s %s", abbreviate(p.data[p.pos:end]), where))
		return
	}
	size := 1
	what := quoteByte(c)
	if c >= utf8.RuneSelf {
		r, n := utf8.DecodeRune(p.data[p.pos:])
		if r == utf8.RuneError && n == 1 {
			what = fmt.Sprintf("invalid UTF-8 byte 0x%02x", c)
		} else {
			size, what = n, fmt.Sprintf("%q", r)
		}
	}
	p.fail(SyntaxError, p.pos, p.pos+size, fmt.Sprintf("unexpected %s %s%s", what, where, hint))
}

func (p *parser) failEOF(open *Value) {
	line, col := p.lineCol(open.Span.Offset)
	p.fail(SyntaxError, p.pos, p.pos,
		fmt.Sprintf("unexpected end of file: %s opened at line %d:%d is not closed", open.Kind, line, col))
}

func (p *parser) fail(kind ErrorKind, offset, end int, msg string) {
	end = min(end, len(p.data))
	p.errs = append(p.errs, &Error{Kind: kind, Span: Span{offset, end}, Msg: msg})
}

func (p *parser) skipSpace() {
	for p.pos < len(p.data) {
		switch p.data[p.pos] {
		case ' ', '\t', '\n', '\r':
			p.pos++
		default:
			return
		}
	}
}

func (p *parser) peek() byte { return p.at(p.pos) }

func (p *parser) at(i int) byte {
	if i < len(p.data) {
		return p.data[i]
	}
	return 0
}

func (p *parser) hasPrefix(s string) bool {
	return len(p.data)-p.pos >= len(s) && string(p.data[p.pos:p.pos+len(s)]) == s
}

// lineCol returns the 1-based line and byte column of offset, through a
// table of line starts built on first use (messages may name many).
func (p *parser) lineCol(offset int) (line, col int) {
	if p.lines == nil {
		p.lines = []int{0}
		for i, c := range p.data {
			if c == '\n' {
				p.lines = append(p.lines, i+1)
			}
		}
	}
	i, found := slices.BinarySearch(p.lines, offset)
	if !found {
		i--
	}
	return i + 1, offset - p.lines[i] + 1
}

// LineCol returns the 1-based line and byte column of offset in data, the
// way go/token counts them.
func LineCol(data []byte, offset int) (line, col int) {
	line, lineStart := 1, 0
	for i := 0; i < offset && i < len(data); i++ {
		if data[i] == '\n' {
			line++
			lineStart = i + 1
		}
	}
	return line, offset - lineStart + 1
}

func quoteByte(c byte) string {
	if c >= 0x20 && c < 0x7f {
		return fmt.Sprintf("%q", string(rune(c)))
	}
	return fmt.Sprintf("byte 0x%02x", c)
}

// abbreviate quotes b for a message, shortened to about 40 bytes.
func abbreviate(b []byte) string {
	const max = 40
	if len(b) > max {
		cut := max
		for cut > 0 && !utf8.RuneStart(b[cut]) {
			cut--
		}
		return fmt.Sprintf("%q...", b[:cut])
	}
	return fmt.Sprintf("%q", b)
}
