package suppress

import (
	"errors"
	"go/parser"
	"go/token"
	"slices"
	"strings"
	"testing"
)

func TestParseComment(t *testing.T) {
	for _, tc := range []struct {
		text   string
		ok     bool     // a directive at all
		verb   string   // when ok
		rules  []string // when well formed
		reason string
		err    string // substring of Err; "" for well formed
	}{
		{text: "// an ordinary comment"},
		{text: "/* connectlint:ignore bad-call -- block comments are not directives */"},
		{text: "// connectlint: the tool this package is checked with"},
		{text: "//connectlint:ignore bad-call -- reason", ok: true, verb: "ignore", rules: []string{"bad-call"}, reason: "reason"},
		{text: "//connectlint:file-ignore bad-call,other-call -- see https://example.com/x -- really", ok: true, verb: "file-ignore",
			rules: []string{"bad-call", "other-call"}, reason: "see https://example.com/x -- really"},
		{text: "//connectlint:ignore  bad-call ,\tother-call,bad-call --  spaced  ", ok: true, verb: "ignore",
			rules: []string{"bad-call", "other-call"}, reason: "spaced"},
		{text: "//connectlint:ignore bad-call --", ok: true, verb: "ignore", err: `the reason after " -- " is empty`},
		{text: "//connectlint:ignore bad-call --   \t", ok: true, verb: "ignore", err: `the reason after " -- " is empty`},
		{text: "//connectlint:ignore bad-call", ok: true, verb: "ignore", err: `a reason is required after " -- ": write //connectlint:ignore RULE -- REASON`},
		{text: "//connectlint:ignore bad-call personal CLI", ok: true, verb: "ignore", err: `write //connectlint:ignore bad-call -- personal CLI`},
		{text: "//connectlint:ignore", ok: true, verb: "ignore", err: "names no rule"},
		{text: "//connectlint:file-ignore -- reason", ok: true, verb: "file-ignore", err: "//connectlint:file-ignore names no rule"},
		{text: "//connectlint:ignore bad-cal -- typo", ok: true, verb: "ignore", err: `unknown rule "bad-cal"; did you mean "bad-call"?`},
		{text: "//connectlint:ignore zzzzzzzzzz -- far from any rule", ok: true, verb: "ignore", err: `unknown rule "zzzzzzzzzz"`},
		{text: "//connectlint:ignore bad-call other-call -- r", ok: true, verb: "ignore", err: "separated by commas"},
		{text: "//connectlint:ignore bad-call, -- r", ok: true, verb: "ignore", err: "empty rule name"},
		{text: "//connectlint:ignore bad-directive -- r", ok: true, verb: "ignore", err: "bad-directive cannot be suppressed by a directive"},
		{text: "//connectlint:nolint bad-call -- r", ok: true, verb: "nolint", err: "unknown directive //connectlint:nolint"},
		{text: "//connectlint:", ok: true, verb: "", err: "unknown directive"},
		{text: "// connectlint:file-ignore bad-call -- r", ok: true, verb: "file-ignore", err: "no space after //"},
	} {
		d, ok := parseComment(tc.text)
		if ok != tc.ok {
			t.Errorf("parseComment(%q): directive = %v, want %v", tc.text, ok, tc.ok)
			continue
		}
		if !ok {
			continue
		}
		if d.Verb != tc.verb {
			t.Errorf("parseComment(%q).Verb = %q, want %q", tc.text, d.Verb, tc.verb)
		}
		if tc.err == "" {
			if d.Err != "" || !slices.Equal(d.Rules, tc.rules) || d.Reason != tc.reason || len(d.used) != len(d.Rules) {
				t.Errorf("parseComment(%q) = rules %q reason %q err %q; want rules %q reason %q",
					tc.text, d.Rules, d.Reason, d.Err, tc.rules, tc.reason)
			}
		} else if !strings.Contains(d.Err, tc.err) {
			t.Errorf("parseComment(%q).Err = %q, want it to contain %q", tc.text, d.Err, tc.err)
		}
	}
}

func TestParseFileCoverage(t *testing.T) {
	const src = `//connectlint:file-ignore other-call -- whole file
package p

func f() {
	//connectlint:ignore bad-call -- alone: lines 5 and 6
	bad()
	bad() /* x */ //connectlint:ignore bad-call -- trailing: line 7 only
	bad()
}
//connectlint:file-ignore bad-call -- too late
`
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "p.go", src, parser.ParseComments)
	if err != nil {
		t.Fatal(err)
	}
	tf := fset.File(f.FileStart)
	fd := parseFile(f, tf, func() ([]byte, error) { return []byte(src), nil })
	if len(fd.all) != 4 || len(fd.file) != 1 || fd.all[3].Err == "" {
		t.Fatalf("parsed %d directives, %d file-wide, last err %q", len(fd.all), len(fd.file), fd.all[len(fd.all)-1].Err)
	}
	for line, want := range map[int]bool{4: false, 5: true, 6: true, 7: true, 8: false} {
		if got := match(fd, line, "bad-call") != nil; got != want {
			t.Errorf("bad-call on line %d suppressed = %v, want %v", line, got, want)
		}
	}
	if match(fd, 8, "other-call") == nil {
		t.Error("file-ignore does not cover other-call on line 8")
	}
	if !fd.all[1].used[0] || !fd.all[0].used[0] {
		t.Error("matching directives are not marked used")
	}

	// Without the content, a trailing directive cannot be told apart: it
	// covers the next line too, rather than failing.
	fd = parseFile(f, tf, func() ([]byte, error) { return nil, errors.New("unreadable") })
	if match(fd, 8, "bad-call") == nil {
		t.Error("without content, the directive on line 7 should cover line 8")
	}
}
