// Package loops builds strings in loops over slices known at the loop.
package loops

import (
	"bytes"
	"fmt"
	"strings"
)

func use(string) {}

func plusEquals(key string) {
	s := "/rest/api/3"
	for _, p := range []string{"issue", key, "comment"} {
		s += "/" + p
	}
	use(s) // want "/rest/api/3/issue/<key>/comment"
}

func assignConcat() {
	parts := []string{"rest", "api", "2", "search"}
	s := ""
	for _, p := range parts {
		s = s + "/" + p
	}
	use(s) // want "/rest/api/2/search"
}

func classicFor() {
	parts := []string{"rest", "agile", "1.0", "board"}
	s := ""
	for i := 0; i < len(parts); i++ {
		s += "/" + parts[i]
	}
	use(s) // want "/rest/agile/1.0/board"
}

func indexSeparator() {
	s := "/"
	for i, p := range []string{"wiki", "rest", "api", "space"} {
		if i > 0 {
			s += "/"
		}
		s += p
	}
	use(s) // want "/wiki/rest/api/space"
}

func builder(key string) {
	var b strings.Builder
	b.WriteString("/rest/api/3")
	for _, p := range []string{"issue", key, "transitions"} {
		b.WriteString("/")
		b.WriteString(p)
	}
	use(b.String()) // want "/rest/api/3/issue/<key>/transitions"
}

func builderConcatArg() {
	var b strings.Builder
	for _, p := range []string{"rest", "api", "3", "myself"} {
		b.WriteString("/" + p)
	}
	use(b.String()) // want "/rest/api/3/myself"
}

func buffer() {
	var buf bytes.Buffer
	buf.WriteString("/rest")
	for i, p := range []string{"api", "3", "dashboard"} {
		if i >= 0 {
			buf.WriteByte('/')
		}
		buf.WriteString(p)
	}
	use(buf.String()) // want "/rest/api/3/dashboard"
}

// Empty elements skipped by a test on the element (continue and if).
func skipEmpty(key string) {
	s := "/rest/api/3"
	for _, p := range []string{"", "issue", "", key} {
		if p == "" {
			continue
		}
		s += "/" + p
	}
	use(s) // want "/rest/api/3/issue/<key>"

	var b strings.Builder
	b.WriteString("/rest/api/3")
	for _, p := range []string{"/project/", "", key} {
		if t := strings.Trim(p, "/"); t != "" {
			b.WriteByte('/')
			b.WriteString(t)
		}
	}
	use(b.String()) // want "/rest/api/3/project/<key>"
}

func sprintfAccumulator() {
	s := "/rest/api/3"
	for _, p := range []string{"filter", "favourite"} {
		s = fmt.Sprintf("%s/%s", s, p)
	}
	use(s) // want "/rest/api/3/filter/favourite"
}

func nested() {
	s := ""
	for _, a := range []string{"/a", "/b"} {
		s += a
		for _, x := range []string{"/x", "/y"} {
			s += x
		}
	}
	use(s) // want "/a/x/y/b/x/y"
}

// The builder's branches are alternatives, not one after the other.
func builderBranches(v3 bool) {
	var b strings.Builder
	b.WriteString("/rest/api/")
	if v3 {
		b.WriteString("3")
	} else {
		b.WriteString("2")
	}
	b.WriteString("/myself")
	use(b.String()) // want "/rest/api/2/myself" "/rest/api/3/myself"
	b.WriteString("/ignored")
}

type Config struct{ Parts []string }

// A string built in a loop over a slice the code does not fix keeps what
// it held before the loop.
func unknownSlice(cfg *Config) {
	s := "/rest/api/3/"
	for _, p := range cfg.Parts {
		s += p + "/"
	}
	use(s) // want "/rest/api/3/…"

	var b strings.Builder
	b.WriteString("/rest/api/3/")
	for _, p := range cfg.Parts {
		b.WriteString(p)
	}
	b.WriteString("?expand=names")
	use(b.String()) // want "/rest/api/3/…?expand=names"
}
