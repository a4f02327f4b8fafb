package jsonpos

import (
	"bytes"
	"encoding/json"
	"fmt"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestSpans(t *testing.T) {
	src := `{
  "key": "app",
  "n": -1.5e3,
  "ok": true,
  "scopes": ["READ", "WRITE"],
  "empty": {},
  "esc": "a\"b\u00e9\ud83d\ude00"
}`
	root, errs := Parse([]byte(src))
	if len(errs) > 0 {
		t.Fatalf("unexpected errors: %v", errs)
	}
	text := func(s Span) string { return src[s.Offset:s.End] }
	if got := text(root.Span); got != src {
		t.Errorf("root span = %q", got)
	}
	for _, tc := range []struct {
		v    *Value
		want string
	}{
		{root.Get("key"), `"app"`},
		{root.Get("n"), `-1.5e3`},
		{root.Get("ok"), `true`},
		{root.Get("scopes"), `["READ", "WRITE"]`},
		{root.Get("scopes").Elems[1], `"WRITE"`},
		{root.Get("empty"), `{}`},
		{root.Get("esc"), `"a\"b\u00e9\ud83d\ude00"`},
	} {
		if tc.v == nil {
			t.Errorf("missing value for %s", tc.want)
			continue
		}
		if got := text(tc.v.Span); got != tc.want {
			t.Errorf("span text = %s, want %s", got, tc.want)
		}
	}
	if got := text(root.Member("scopes").KeySpan); got != `"scopes"` {
		t.Errorf("key span = %s", got)
	}
	if got := root.Get("esc").Str; got != "a\"bé😀" {
		t.Errorf("decoded string = %q", got)
	}
	if got := root.Get("n").Str; got != "-1.5e3" {
		t.Errorf("number text = %q", got)
	}
}

func TestTemplates(t *testing.T) {
	src := `{"baseUrl": "{{ .BaseURL }}", "name": "{{ printf "%s-app" .Env }}", "plain": "a {{ b"}`
	root, errs := Parse([]byte(src))
	if len(errs) > 0 {
		t.Fatalf("unexpected errors: %v", errs)
	}
	if v := root.Get("baseUrl"); !v.Template || v.Str != "{{ .BaseURL }}" {
		t.Errorf("baseUrl = %+v", v)
	}
	if v := root.Get("name"); !v.Template || v.Str != `{{ printf "%s-app" .Env }}` {
		t.Errorf("name = %+v", v)
	}
	if v := root.Get("plain"); v.Template || v.Str != "a {{ b" {
		t.Errorf("plain = %+v", v)
	}
}

// TestErrors checks the message and position of every kind of problem.
func TestErrors(t *testing.T) {
	deep := strings.Repeat("[", 100000) + strings.Repeat("]", 100000)
	for _, tc := range []struct {
		name, src string
		want      []string // "line:col kind: message"
	}{
		{"empty", ``, []string{`1:1 syntax: empty file: expected a JSON value`}},
		{"blank", "  \n ", []string{`2:2 syntax: empty file: expected a JSON value`}},
		{"not json", `hello`, []string{`1:1 syntax: unexpected word "hello" where a value was expected`}},
		{"bom", "\xEF\xBB\xBF{}", []string{`1:1 bom: file starts with a UTF-8 byte order mark`}},
		{"trailing comma object", "{\n  \"a\": 1,\n}", []string{`2:9 syntax: trailing comma before "}"`}},
		{"trailing comma array", `{"a": [1, 2,]}`, []string{`1:12 syntax: trailing comma before "]"`}},
		{"duplicate key", "{\n  \"a\": 1,\n  \"a\": 2\n}", []string{`3:3 duplicate: duplicate key "a" (first at line 2:3)`}},
		{"duplicate nested only", `{"a": {"k": 1}, "b": {"k": 2}}`, nil},
		{"deep", deep, []string{`1:1001 syntax: nesting deeper than 1000 levels`}},
		{"invalid utf8 in string", "{\"a\": \"x\xff\"}", []string{`1:9 syntax: invalid UTF-8 byte 0xff in string`}},
		{"invalid utf8 outside", "{\xff}", []string{`1:2 syntax: unexpected invalid UTF-8 byte 0xff where an object key was expected: keys are double-quoted strings`}},
		{"array top level", `[1, 2]`, nil},
		{"unclosed object", "{\n  \"a\": 1", []string{`2:9 syntax: unexpected end of file: object opened at line 1:1 is not closed`}},
		{"unclosed string", `{"a": "b`, []string{`1:7 syntax: unexpected end of file: string is not closed`}},
		{"newline in string", "{\"a\": \"b\n\"}", []string{`1:7 syntax: string is not closed before the end of the line`}},
		{"missing colon", `{"a" 1}`, []string{`1:6 syntax: unexpected "1" after key "a": expected ":"`}},
		{"missing comma", `{"a": 1 "b": 2}`, []string{`1:9 syntax: unexpected "\"" after an object member: expected "," or "}"`}},
		{"single quotes", `{'a': 1}`, []string{`1:2 syntax: unexpected "'" where an object key was expected: keys are double-quoted strings: JSON strings use double quotes`}},
		{"comment", "{// c\n}", []string{`1:2 syntax: unexpected "/" where an object key was expected: keys are double-quoted strings: JSON has no comments`}},
		{"unquoted key", `{a: 1}`, []string{`1:2 syntax: unexpected word "a" where an object key was expected: keys are double-quoted strings`}},
		{"leading zero", `[01]`, []string{`1:2 syntax: number with a leading zero`}},
		{"bad escape", `["\x"]`, []string{`1:3 syntax: invalid escape "x" in string`}},
		{"bad unicode escape", `["\u12G4"]`, []string{`1:3 syntax: invalid \u escape: expected four hex digits`}},
		{"trailing garbage", `{} x`, []string{`1:4 syntax: unexpected "x" after the top-level value`}},
		{"template value", "{\n  \"scopes\": {{ .Scopes }},\n  \"key\": }", []string{`2:13 template: Go template action "{{ .Scopes }}" outside a string`}},
		{"template key", `{ {{ if .X }}"a": 1{{ end }} }`, []string{`1:3 template: Go template action "{{ if .X }}" outside a string`}},
		{"template in array", `{"scopes": [{{ range .S }}"{{.}}",{{ end }}]}`, []string{`1:13 template: Go template action "{{ range .S }}" outside a string`}},
		{"template after value", `{"a": 1 {{ end }}}`, []string{`1:9 template: Go template action "{{ end }}" outside a string`}},
		{"control char", "[\"a\tb\"]", []string{`1:4 syntax: control character U+0009 in string: write it as an escape`}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, errs := Parse([]byte(tc.src))
			var got []string
			for _, e := range errs {
				line, col := LineCol([]byte(tc.src), e.Span.Offset)
				kind := [...]string{"syntax", "template", "duplicate", "bom"}[e.Kind]
				got = append(got, fmt.Sprintf("%d:%d %s: %s", line, col, kind, e.Msg))
			}
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("Parse(%.40q) problems:\n got %q\nwant %q", tc.src, got, tc.want)
			}
		})
	}
}

func TestLarge(t *testing.T) {
	var b bytes.Buffer
	b.WriteString(`{"key": "big", "modules": {"webhooks": [`)
	for i := 0; b.Len() < 10<<20; i++ {
		if i > 0 {
			b.WriteByte(',')
		}
		fmt.Fprintf(&b, `{"event": "jira:issue_updated", "url": "/hook/%d", "excludeBody": false}`, i)
	}
	b.WriteString(`]}}`)
	root, errs := Parse(b.Bytes())
	if len(errs) > 0 {
		t.Fatalf("unexpected errors: %v", errs)
	}
	hooks := root.Get("modules").Get("webhooks").Elems
	last := hooks[len(hooks)-1]
	if got := string(b.Bytes()[last.Span.Offset:last.Span.End]); !strings.HasPrefix(got, `{"event"`) || !strings.HasSuffix(got, `}`) {
		t.Errorf("last webhook span text = %.60q", got)
	}
}

// FuzzParse checks Parse against encoding/json: both accept the same
// documents (templates and byte order marks aside), decode them to the same
// values, and every span lies inside the data.
func FuzzParse(f *testing.F) {
	for _, s := range []string{
		`{"key": "app", "scopes": ["READ"], "n": 1.5e-3, "b": [true, false, null]}`,
		`{"a": "\u00e9\ud83d\ude00\n", "a": 2}`,
		`{"baseUrl": "{{ .BaseURL }}", "x": {{ .X }}}`,
		"\xEF\xBB\xBF{}",
		`[[[[]]]]`,
		`{"a": 1,}`,
		`"\ud800"`,
		`-0.0E+1`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		root, errs := Parse(data)
		fatal := false
		for i, e := range errs {
			if e.Span.Offset < 0 || e.Span.Offset > e.Span.End || e.Span.End > len(data) {
				t.Fatalf("error span %v out of range [0,%d]: %s", e.Span, len(data), e.Msg)
			}
			if e.Fatal() {
				fatal = true
				if i != len(errs)-1 {
					t.Fatalf("fatal error %q is not the last", e.Msg)
				}
			}
		}
		if fatal != (root == nil) {
			t.Fatalf("fatal=%v but root=%v", fatal, root)
		}
		if root != nil {
			checkSpans(t, data, root)
		}

		if bytes.Contains(data, []byte("{{")) || bytes.HasPrefix(data, []byte("\xEF\xBB\xBF")) {
			return // encoding/json knows neither templates nor byte order marks
		}
		if !utf8.Valid(data) {
			// encoding/json replaces invalid UTF-8 in strings; JSON text
			// must be UTF-8, and Parse says so.
			if root != nil {
				t.Fatalf("Parse accepted invalid UTF-8")
			}
			return
		}
		depth := 0
		for _, c := range data {
			if c == '[' || c == '{' {
				depth++
			}
		}
		valid := json.Valid(data)
		if valid != (root != nil) && depth <= MaxDepth {
			t.Fatalf("json.Valid=%v, Parse ok=%v, errs=%v", valid, root != nil, errs)
		}
		if root == nil {
			return
		}
		d := json.NewDecoder(bytes.NewReader(data))
		d.UseNumber()
		var want any
		if err := d.Decode(&want); err != nil {
			t.Fatalf("encoding/json: %v", err)
		}
		if got := root.Interface(); !reflect.DeepEqual(got, want) {
			t.Fatalf("decoded values differ:\n got %#v\nwant %#v", got, want)
		}
	})
}

func checkSpans(t *testing.T, data []byte, v *Value) {
	stack := []*Value{v}
	for len(stack) > 0 {
		v := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		s := v.Span
		if s.Offset < 0 || s.Offset >= s.End || s.End > len(data) {
			t.Fatalf("%s span %v out of range [0,%d]", v.Kind, s, len(data))
		}
		first, last := data[s.Offset], data[s.End-1]
		switch v.Kind {
		case String:
			if first != '"' || last != '"' || !utf8.ValidString(v.Str) {
				t.Fatalf("string span %v: %q", s, data[s.Offset:s.End])
			}
		case Array:
			if first != '[' || last != ']' {
				t.Fatalf("array span %v: %q", s, data[s.Offset:s.End])
			}
		case Object:
			if first != '{' || last != '}' {
				t.Fatalf("object span %v: %q", s, data[s.Offset:s.End])
			}
		}
		stack = append(stack, v.Elems...)
		for _, m := range v.Members {
			if m.Value == nil {
				t.Fatalf("member %q has no value", m.Key)
			}
			if data[m.KeySpan.Offset] != '"' || data[m.KeySpan.End-1] != '"' {
				t.Fatalf("key span %v: %q", m.KeySpan, data[m.KeySpan.Offset:m.KeySpan.End])
			}
			stack = append(stack, m.Value)
		}
	}
}

func TestLineCol(t *testing.T) {
	data := []byte("ab\ncd\n\nef")
	p := &parser{data: data}
	for off := 0; off <= len(data); off++ {
		l1, c1 := LineCol(data, off)
		l2, c2 := p.lineCol(off)
		if l1 != l2 || c1 != c2 {
			t.Errorf("offset %d: LineCol = %d:%d, parser.lineCol = %d:%d", off, l1, c1, l2, c2)
		}
	}
	if l, c := LineCol(data, 4); l != 2 || c != 2 {
		t.Errorf("LineCol(4) = %d:%d, want 2:2", l, c)
	}
}
