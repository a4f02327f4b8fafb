package vettool

import (
	"bytes"
	"encoding/json"
	"reflect"
	"testing"
)

// TestWriteCompact: the runner's one-line tree is the go vet tool's
// indented one without the white space, and reads back the same.
func TestWriteCompact(t *testing.T) {
	tree := JSONTree{}
	tree.add("example.com/a", "scopes", []JSONDiagnostic{{
		Category: "missing-scope",
		Posn:     "/m/a.go:3:4",
		End:      "/m/a.go:3:9",
		Message:  `needs "READ" <&> é`,
		URL:      "u?severity=note&x=1",
		Related:  []JSONRelated{{Posn: "-", End: "-", Message: "why"}},
	}})
	tree.add("example.com/a", "authn", jsonError{"boom"})
	tree.add("example.com/a", SummaryKey, []any{map[string]int{"b": 1, "a": 2}})
	tree.add(`example.com/b<"q"> [example.com/b.test]`, "forbidden", []JSONDiagnostic{{Posn: "-", End: "-", Message: "m"}})
	tree["example.com/c"] = map[string]json.RawMessage{}

	var indented, compact bytes.Buffer
	if err := tree.write(&indented); err != nil {
		t.Fatal(err)
	}
	if err := tree.writeCompact(&compact); err != nil {
		t.Fatal(err)
	}
	var want bytes.Buffer
	if err := json.Compact(&want, indented.Bytes()); err != nil {
		t.Fatal(err)
	}
	want.WriteByte('\n')
	if compact.String() != want.String() {
		t.Errorf("compact tree\n%s\nwant\n%s", compact.String(), want.String())
	}
	a, err := ReadJSON(&indented)
	if err != nil {
		t.Fatal(err)
	}
	b, err := ReadJSON(&compact)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range a { // summaries are raw JSON: as written, indented
		for i, raw := range p.Summaries {
			var c bytes.Buffer
			if err := json.Compact(&c, raw); err != nil {
				t.Fatal(err)
			}
			p.Summaries[i] = c.Bytes()
		}
	}
	if len(a) != 3 || !reflect.DeepEqual(a, b) {
		t.Errorf("read back: %+v, want %+v", b, a)
	}
}
