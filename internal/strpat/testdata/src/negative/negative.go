// Package negative holds slices and loops the evaluator must not resolve
// to a literal: it keeps what it knows and a wildcard for the rest.
package negative

import (
	"net/http"
	"sort"
	"strings"
)

func use(string) {}

type Config struct {
	Parts []string
	Base  string
}

// Elements from a field, a loop, an unknown call.
func unknownElements(cfg *Config, n int, f func() []string) {
	use("/rest/api/3/" + strings.Join(cfg.Parts, "/")) // want "/rest/api/3/…"
	var grown []string
	for i := range n {
		grown = append(grown, strings.Repeat("x", i))
	}
	use("/rest/api/3/" + strings.Join(grown, "/")) // want "/rest/api/3/…"
	use("/wiki/" + strings.Join(f(), "/"))         // want "/wiki/…"
}

// An element written with an index the code computes.
func computedIndex(i int, key string) {
	parts := []string{"rest", "api", "3", "issue"}
	parts[i] = key
	use("/" + strings.Join(parts, "/")) // want "/…"
}

// Elements a callee may fill, and elements sorted in place.
func filled(fill func([]string)) {
	parts := make([]string, 3)
	fill(parts)
	use("/" + strings.Join(parts, "/")) // want "/…/…/…"
	var arr [2]string
	fill(arr[:])
	use("/" + strings.Join(arr[:], "/")) // want "/…/…"
	sorted := []string{"rest", "api", "3"}
	sort.Strings(sorted)
	use("/" + strings.Join(sorted, "/")) // want "/…"
}

// A loop over a field's slice: the prefix, then a wildcard.
func loopUnknown(cfg *Config) {
	s := "/rest/api/3"
	for _, p := range cfg.Parts {
		s += "/" + p
	}
	use(s) // want "/rest/api/3…"
}

// A loop that sends each intermediate URL: inside the loop the string is
// not the final one.
func observed() {
	u := "/rest/api/3"
	for _, p := range []string{"issue", "search"} {
		u += "/" + p
		http.Get(u)
		use(u) // want "/rest/api/3…/issue" "/rest/api/3…/search"
	}
	use(u) // want "/rest/api/3…"
}

// A loop left by break: any number of elements may have been added.
func withBreak(stop string) {
	s := "/rest/api/3"
	for _, p := range []string{"issue", "comment"} {
		if p == stop {
			break
		}
		s += "/" + p
	}
	use(s) // want "/rest/api/3…"
}

// A loop over more than MaxElems elements is not unrolled.
func long() {
	s := "/rest/api/3"
	for _, p := range []string{"a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l", "m", "n", "o", "p", "q"} {
		s += "/" + p
	}
	use(s) // want "/rest/api/3…"
}

// A builder given to a helper: the helper's writes are unknown.
func builderEscapes(write func(*strings.Builder)) {
	var b strings.Builder
	b.WriteString("/rest/api/3/")
	write(&b)
	use(b.String()) // want "/rest/api/3/…"
}

// A loop over a known slice whose element the body transforms in a way
// the evaluator does not follow.
func unknownTransform(f func(string) string) {
	s := "/rest/api/3"
	for _, p := range []string{"issue", "picker"} {
		s += "/" + f(p)
	}
	use(s) // want "/rest/api/3/…/…"
}

// A loop over a slice parameter whose body depends on more than the
// element's position relative to the first one.
func everyOther(parts ...string) string {
	s := "/rest"
	for i, p := range parts {
		if i%2 == 0 {
			s += "/" + p
		}
	}
	return s // summary "/rest…"
}
