package scopes

import (
	"bytes"
	"fmt"
	"go/token"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/connectlint/connectlint/analyzers/descriptor"
	"github.com/connectlint/connectlint/internal/authz"
	"github.com/connectlint/connectlint/internal/connect"
	"github.com/connectlint/connectlint/internal/jsonpos"
	"github.com/connectlint/connectlint/internal/posmap"
)

// missingCall is a missing-scope finding waiting for its fix.
type missingCall struct {
	diag  analysis.Diagnostic
	lacks []lack
}

// reportMissing reports the missing-scope findings. The findings lacking
// scopes in one grant share one fix adding every scope the package's
// findings miss there, so that -fix, which applies one of several fixes
// editing the same place, adds them all in one run.
func (c *checker) reportMissing() {
	var order []*authz.Grant
	adds := map[*authz.Grant][]string{}
	for _, m := range c.missing {
		for _, l := range m.lacks {
			if _, ok := adds[l.grant]; !ok {
				order = append(order, l.grant)
			}
			for _, s := range l.add {
				if !slices.Contains(adds[l.grant], s) {
					adds[l.grant] = append(adds[l.grant], s)
				}
			}
		}
	}
	fixes := map[*authz.Grant]analysis.SuggestedFix{}
	var manifestGrants []*authz.Grant
	for _, g := range order {
		sortScopes(authz.ModelOf(g.Model), adds[g])
		if g.Kind == "manifest.yml" {
			manifestGrants = append(manifestGrants, g)
			continue
		}
		if fix, ok := c.addScopesFix(g, adds[g]); ok {
			fixes[g] = fix
		}
	}
	// A manifest's Connect and OAuth 2.0 grants share permissions.scopes:
	// one fix adds what both lack.
	if fix, ok := c.manifestFix(manifestGrants, adds); ok {
		for _, g := range manifestGrants {
			fixes[g] = fix
		}
	}
	for _, m := range c.missing {
		for _, l := range m.lacks {
			if fix, ok := fixes[l.grant]; ok {
				m.diag.SuggestedFixes = append(m.diag.SuggestedFixes, fix)
			}
		}
		c.pass.Report(m.diag)
	}
	c.missing = nil
}

// addScopesFix adds scopes to a grant: to the descriptor's "scopes", or to
// a Scopes literal in the Go code.
func (c *checker) addScopesFix(g *authz.Grant, add []string) (analysis.SuggestedFix, bool) {
	switch {
	case len(add) == 0:
		return analysis.SuggestedFix{}, false
	case g == c.connect && c.desc != nil:
		var scopes []connect.Scope
		for _, s := range add {
			if x, ok := authz.ConnectScope(s); ok {
				scopes = append(scopes, x)
			}
		}
		return addScopesFix(c.desc, scopes)
	case g.Insert != nil:
		in := g.Insert
		tf := posmap.File(c.pass.Fset, in.File)
		if tf == nil || in.Offset > tf.Size() {
			return analysis.SuggestedFix{}, false
		}
		pos := tf.Pos(in.Offset)
		return analysis.SuggestedFix{
			Message:   fmt.Sprintf("Add %s to the Scopes of %s", strings.Join(add, ", "), g.Describe()),
			TextEdits: []analysis.TextEdit{{Pos: pos, End: pos, NewText: []byte(in.Text(add))}},
		}, true
	}
	return analysis.SuggestedFix{}, false
}

// addScopesFix is the descriptor's missing-scope fix: it adds the scopes
// to the descriptor's "scopes" array, or adds the array when there is none.
func addScopesFix(res *descriptor.Result, scopes []connect.Scope) (analysis.SuggestedFix, bool) {
	d := res.Descriptor
	if len(scopes) == 0 {
		return analysis.SuggestedFix{}, false
	}
	data, err := os.ReadFile(d.Path)
	if err != nil || len(data) != res.File.Size() {
		return analysis.SuggestedFix{}, false // gone or changed since it was parsed
	}
	e, ok := addScopesEdit(data, d.Root, scopes)
	if !ok {
		return analysis.SuggestedFix{}, false
	}
	return analysis.SuggestedFix{
		Message: fmt.Sprintf("Add %s to the scopes of %s", scopeList(scopes), filepath.Base(d.Path)),
		TextEdits: []analysis.TextEdit{{
			Pos:     res.Pos(e.start),
			End:     res.Pos(e.end),
			NewText: []byte(e.text),
		}},
	}, true
}

// edit replaces data[start:end] with text.
type edit struct {
	start, end int
	text       string
}

// addScopesEdit computes the edit that adds scopes to the "scopes" array
// of the descriptor root, keeping the file's layout: each on a new line
// with the last element's indentation when the array has one element per
// line, else after ", " on the same line. Without "scopes" it adds the key
// as the object's last member. It fails when the root is not an object or
// "scopes" is not an array.
func addScopesEdit(data []byte, root *jsonpos.Value, scopes []connect.Scope) (edit, bool) {
	if root == nil || root.Kind != jsonpos.Object {
		return edit{}, false
	}
	quoted := make([]string, len(scopes))
	for i, s := range scopes {
		quoted[i] = strconv.Quote(s.String())
	}
	inline := "[" + strings.Join(quoted, ", ") + "]"
	arr := root.Get("scopes")
	switch {
	case arr == nil:
		if len(root.Members) == 0 {
			return edit{root.Span.Offset, root.Span.End, `{"scopes": ` + inline + `}`}, true
		}
		last := root.Members[len(root.Members)-1]
		sep := separator(data, root.Span.Offset, last.KeySpan.Offset)
		return edit{last.Value.Span.End, last.Value.Span.End, "," + sep + `"scopes": ` + inline}, true
	case arr.Kind != jsonpos.Array:
		return edit{}, false
	case len(arr.Elems) == 0:
		return edit{arr.Span.Offset, arr.Span.End, inline}, true
	}
	last := arr.Elems[len(arr.Elems)-1]
	sep := separator(data, arr.Span.Offset, last.Span.Offset)
	var b strings.Builder
	for _, q := range quoted {
		b.WriteString("," + sep + q)
	}
	return edit{last.Span.End, last.Span.End, b.String()}, true
}

// separator is what goes between a new element and the one before it,
// modelled on the element at offset in the container opening at open: a
// line break and its indentation when that element starts its own line,
// else a space.
func separator(data []byte, open, offset int) string {
	nl := bytes.LastIndexByte(data[:offset], '\n')
	if nl < open {
		return " " // on the container's first line
	}
	indent := data[nl+1 : offset]
	if len(bytes.TrimLeft(indent, " \t")) != 0 {
		return " " // something else precedes it on its line
	}
	lineBreak := "\n"
	if nl > 0 && data[nl-1] == '\r' {
		lineBreak = "\r\n"
	}
	return lineBreak + string(indent)
}

// posRange is a range of token positions (an analysis.Range).
type posRange struct{ pos, end token.Pos }

func (r posRange) Pos() token.Pos { return r.pos }
func (r posRange) End() token.Pos { return r.end }
