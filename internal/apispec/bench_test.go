package apispec

import (
	"testing"

	"github.com/connectlint/connectlint/internal/strpat"
)

var sink Match

func benchLookup(b *testing.B, method string, url strpat.Pattern) {
	index()
	b.ReportAllocs()
	for b.Loop() {
		sink = Lookup(method, url)
	}
	if sink.Kind == NotAtlassian {
		b.Fatalf("%s %s: not an Atlassian path", method, url)
	}
}

func BenchmarkLookupConstPath(b *testing.B) {
	benchLookup(b, "GET", strpat.Lit("/rest/api/3/issue/PROJ-123"))
}

func BenchmarkLookupConstURLWithQuery(b *testing.B) {
	benchLookup(b, "POST", strpat.Lit("https://example.atlassian.net/rest/api/3/issue/PROJ-123/comment?expand=renderedBody"))
}

func BenchmarkLookupWildcardKey(b *testing.B) {
	benchLookup(b, "POST", strpat.Parse("…/rest/api/3/issue/…/comment"))
}

func BenchmarkLookupWildcardSpanning(b *testing.B) {
	benchLookup(b, "POST", strpat.Parse("/rest/api/3/…/comment"))
}

func BenchmarkLookupUnknown(b *testing.B) {
	benchLookup(b, "GET", strpat.Lit("/rest/api/3/isue/PROJ-1"))
}

// BenchmarkTableInit is what the first lookup costs a process: building the
// index over the (statically initialised) operations.
func BenchmarkTableInit(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if t := buildIndex(operations[:]); t.site == nil {
			b.Fatal("no index")
		}
	}
}
