package suppress

import (
	"fmt"
	"go/ast"
	"go/token"
	"strings"
	"unicode"

	"github.com/connectlint/connectlint/internal/config"
	"github.com/connectlint/connectlint/internal/rules"
)

// The rules of the connectlint analyzer, which checks the directives. They
// cannot be suppressed by a directive (that directive could itself be bad
// or unused); disable them or use a config ignore entry instead.
const (
	BadDirective    = "bad-directive"
	UnusedDirective = "unused-directive"
)

// Prefix starts every directive. Like //go: directives it has no space
// after the slashes, so gofmt and go doc treat it as a directive.
const Prefix = "//connectlint:"

// The directive verbs.
const (
	verbIgnore     = "ignore"      // this line, or the next when alone on its line
	verbFileIgnore = "file-ignore" // the whole file; before the package clause
)

// A directive is one //connectlint: comment.
type directive struct {
	Pos, End token.Pos // the comment
	Verb     string    // "ignore" or "file-ignore"
	Rules    []string  // rule IDs, in the order written, without duplicates
	Reason   string    // the text after " -- "
	// Err says why the directive is malformed; then it suppresses nothing.
	Err string

	line     int    // the comment's line, not adjusted by //line directives
	trailing bool   // code precedes it on its line: it covers only that line
	used     []bool // parallel to Rules: the rule suppressed a finding
}

// index returns the index of rule in d.Rules, or -1.
func (d *directive) index(rule string) int {
	for i, r := range d.Rules {
		if r == rule {
			return i
		}
	}
	return -1
}

// parseComment parses one comment's text (with its // or /* */). ok is
// false for comments that are not meant as a directive.
func parseComment(text string) (d directive, ok bool) {
	body, found := strings.CutPrefix(text, Prefix)
	if !found {
		// "// connectlint:ignore" is an ordinary comment that would silently
		// suppress nothing: point out the space.
		if rest, spaced := strings.CutPrefix(text, "// connectlint:"); spaced {
			if verb, _ := splitWord(rest); verb == verbIgnore || verb == verbFileIgnore {
				return directive{Verb: verb, Err: "a directive has no space after //: write " + Prefix + verb}, true
			}
		}
		return directive{}, false
	}
	verb, rest := splitWord(body)
	d.Verb = verb
	if verb != verbIgnore && verb != verbFileIgnore {
		d.Err = fmt.Sprintf("unknown directive %s%s; want %s%s or %s%s",
			Prefix, verb, Prefix, verbIgnore, Prefix, verbFileIgnore)
		return d, true
	}
	list, reason, hasSep := strings.Cut(rest, "--")
	list, reason = strings.TrimSpace(list), strings.TrimSpace(reason)
	switch {
	case list == "":
		d.Err = fmt.Sprintf("%s%s names no rule: write %s%s RULE -- REASON", Prefix, verb, Prefix, verb)
		return d, true
	case !hasSep:
		example := "RULE -- REASON"
		if first, more := splitWord(list); more != "" {
			example = first + " -- " + more // the words after the rule were meant as the reason
		}
		d.Err = fmt.Sprintf("a reason is required after \" -- \": write %s%s %s", Prefix, verb, example)
		return d, true
	case reason == "":
		d.Err = `the reason after " -- " is empty: say why the finding is acceptable`
		return d, true
	}
	d.Reason = reason
	for item := range strings.SplitSeq(list, ",") {
		id := strings.TrimSpace(item)
		switch {
		case id == "":
			d.Err = fmt.Sprintf("empty rule name in %q", list)
		case strings.ContainsFunc(id, unicode.IsSpace):
			d.Err = fmt.Sprintf("rule names must be separated by commas, not spaces: %q", id)
		case id == BadDirective || id == UnusedDirective:
			d.Err = fmt.Sprintf("%s cannot be suppressed by a directive; disable it or add an ignore entry to %s", id, config.YAMLName)
		default:
			if _, known := rules.Lookup(id); !known {
				d.Err = fmt.Sprintf("unknown rule %q%s", id, config.Suggest(id))
			} else if d.index(id) < 0 {
				d.Rules = append(d.Rules, id)
			}
		}
		if d.Err != "" {
			return d, true
		}
	}
	d.used = make([]bool, len(d.Rules))
	return d, true
}

// splitWord splits s after its first word; rest is trimmed.
func splitWord(s string) (word, rest string) {
	s = strings.TrimLeftFunc(s, unicode.IsSpace)
	i := strings.IndexFunc(s, unicode.IsSpace)
	if i < 0 {
		return s, ""
	}
	return s[:i], strings.TrimSpace(s[i:])
}

// fileDirectives are the directives of one Go file.
type fileDirectives struct {
	all   []*directive         // in file order, malformed ones too
	lines map[int][]*directive // line -> the valid ignore directives covering it
	file  []*directive         // valid file-ignore directives
}

// parseFile collects the directives in f. read returns the file's content,
// needed to tell a trailing directive from one alone on its line; when it
// fails, a directive is taken to cover both its line and the next.
func parseFile(f *ast.File, tf *token.File, read func() ([]byte, error)) *fileDirectives {
	fd := &fileDirectives{}
	var content []byte
	readOnce := false
	for _, cg := range f.Comments {
		for _, c := range cg.List {
			d, ok := parseComment(c.Text) // a prefix test for most comments
			if !ok {
				continue
			}
			d.Pos, d.End = c.Pos(), c.End()
			d.line = tf.Line(c.Pos())
			fd.all = append(fd.all, &d)
			if d.Err != "" {
				continue
			}
			if d.Verb == verbFileIgnore {
				if c.Pos() > f.Package {
					d.Err = Prefix + verbFileIgnore + " must come before the package clause"
					continue
				}
				fd.file = append(fd.file, &d)
				continue
			}
			if !readOnce {
				content, _ = read()
				readOnce = true
			}
			d.trailing = codeBefore(content, tf, c.Pos())
			if fd.lines == nil {
				fd.lines = map[int][]*directive{}
			}
			fd.lines[d.line] = append(fd.lines[d.line], &d)
			if !d.trailing {
				fd.lines[d.line+1] = append(fd.lines[d.line+1], &d)
			}
		}
	}
	return fd
}

// codeBefore reports whether anything but blanks precedes pos on its line.
func codeBefore(content []byte, tf *token.File, pos token.Pos) bool {
	off := tf.Offset(pos)
	start := tf.Offset(tf.LineStart(tf.Line(pos)))
	if content == nil || off > len(content) {
		return false
	}
	return strings.TrimSpace(string(content[start:off])) != ""
}
