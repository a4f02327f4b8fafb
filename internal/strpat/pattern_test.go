package strpat

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestConcatNormalises(t *testing.T) {
	p := Concat(Lit("/rest"), Lit(""), Lit("/api/"), Any(), Any(), Lit("x"), nil, Param(0), Param(1), Any())
	want := Pattern{{Lit: "/rest/api/"}, {Wild: true}, {Lit: "x"}, {Wild: true, Param: 1}, {Wild: true, Param: 2}, {Wild: true}}
	if !p.Equal(want) {
		t.Errorf("Concat = %#v, want %#v", p, want)
	}
	if got := p.String(); got != "/rest/api/…x………" {
		t.Errorf("String = %q", got)
	}
}

func TestSubst(t *testing.T) {
	p := Concat(Lit("/rest/api/3/issue/"), Param(1), Lit("/comment"))
	got := p.Subst([][]Pattern{nil, {Lit("K-1"), Any()}})
	if len(got) != 2 || got[0].String() != "/rest/api/3/issue/K-1/comment" || got[1].String() != "/rest/api/3/issue/…/comment" {
		t.Errorf("Subst = %v", got)
	}
	if got := p.Subst(nil); len(got) != 1 || got[0].HasParams() {
		t.Errorf("Subst(nil) = %v, want plain wildcards", got)
	}
}

func TestWiden(t *testing.T) {
	for _, tc := range []struct {
		in   []string
		want string
	}{
		{[]string{"/rest/api/2/issue/…", "/rest/api/3/issue/…"}, "/rest/api/…/issue/…"},
		{[]string{"abc", "abc"}, "abc"},
		{[]string{"ab", "abab"}, "ab…"},
		{[]string{"GET", "DELETE"}, "…"},
	} {
		var ps []Pattern
		for _, s := range tc.in {
			ps = append(ps, Parse(s))
		}
		if got := Widen(ps).String(); got != tc.want {
			t.Errorf("Widen(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestURLOps(t *testing.T) {
	for _, tc := range []struct{ name, got, want string }{
		{"relative on wildcard", ResolveReference(Any(), Lit("rest/api/2/issue")).String(), "…/rest/api/2/issue"},
		{"absolute path", ResolveReference(Lit("https://x.atlassian.net/jira/"), Lit("/rest/api/3/myself")).String(), "https://x.atlassian.net/rest/api/3/myself"},
		{"relative to dir", ResolveReference(Lit("https://x.atlassian.net/wiki/"), Lit("rest/api/space")).String(), "https://x.atlassian.net/wiki/rest/api/space"},
		{"absolute ref", ResolveReference(Any(), Lit("https://api.github.com/x")).String(), "https://api.github.com/x"},
		{"join", JoinPath(Lit("/rest/api/3/"), Lit("/issue"), Any()).String(), "/rest/api/3/issue/…"},
		{"clean slashes", CleanURL(Parse("…//rest/api//3?next=a//b")).String(), "…/rest/api/3?next=a//b"},
		{"clean scheme", CleanURL(Parse("https://x.atlassian.net//rest")).String(), "https://x.atlassian.net/rest"},
		{"clean base", CleanURL(Parse("…/https://h/rest")).String(), "https://h/rest"},
		{"query before scheme", CleanURL(Parse("…/a?u=https://h")).String(), "…/a?u=https://h"},
	} {
		if tc.got != tc.want {
			t.Errorf("%s: got %q, want %q", tc.name, tc.got, tc.want)
		}
	}
}

// FuzzParse checks the text entry point: Parse yields a normalised
// pattern, String inverts it, Concat of the halves of any split of a
// string equals Parse of the whole, and the URL helpers never panic.
func FuzzParse(f *testing.F) {
	for _, s := range []string{"", "…", "/rest/api/3/issue/…", "a……b", "…//x?y=https://z", "https://h//p#f", "\xff…\x00"} {
		f.Add(s, 3)
	}
	f.Fuzz(func(t *testing.T, s string, cut int) {
		p := Parse(s)
		checkNormal(t, p)
		if got := Parse(p.String()); !got.Equal(p) {
			t.Fatalf("Parse(String(Parse(%q))) = %#v, want %#v", s, got, p)
		}
		if want := collapse(s); p.String() != want {
			t.Fatalf("String(Parse(%q)) = %q, want %q", s, p.String(), want)
		}
		if cut < 0 {
			cut = -cut
		}
		if len(s) > 0 {
			cut %= len(s) + 1
			for cut > 0 && !utf8.RuneStart(s[cut%len(s)]) && cut < len(s) {
				cut--
			}
			a, b := s[:cut], s[cut:]
			c := Concat(Parse(a), Parse(b))
			checkNormal(t, c)
			if !strings.Contains(a+b, WildMark) && !c.Equal(p) {
				t.Fatalf("Concat(Parse(%q), Parse(%q)) = %#v, want %#v", a, b, c, p)
			}
		}
		for _, q := range []Pattern{CleanURL(p), ResolveReference(p, p), JoinPath(p, p), Widen([]Pattern{p, Lit(s)})} {
			checkNormal(t, q)
		}
	})
}

// collapse merges runs of WildMark as normalisation does.
func collapse(s string) string {
	for strings.Contains(s, WildMark+WildMark) {
		s = strings.ReplaceAll(s, WildMark+WildMark, WildMark)
	}
	return s
}

func checkNormal(t *testing.T, p Pattern) {
	t.Helper()
	for i, e := range p {
		if !e.Wild && e.Lit == "" {
			t.Fatalf("empty literal in %#v", p)
		}
		if e.Wild && e.Lit != "" {
			t.Fatalf("wildcard with text in %#v", p)
		}
		if i > 0 {
			prev := p[i-1]
			if !e.Wild && !prev.Wild {
				t.Fatalf("adjacent literals in %#v", p)
			}
			if e.Wild && prev.Wild && e.Param == 0 && prev.Param == 0 {
				t.Fatalf("adjacent wildcards in %#v", p)
			}
		}
	}
}

func TestDedupWidensMany(t *testing.T) {
	var ps []Pattern
	for i := range MaxAlts + 3 {
		ps = append(ps, Concat(Lit("/rest/api/3/"), Lit(strings.Repeat("x", i+1)), Lit("/y")))
	}
	got := Dedup(ps)
	if len(got) != 1 || got[0].String() != "/rest/api/3/x…/y" {
		t.Errorf("Dedup = %v", got)
	}
}

// FuzzSliceSubst checks the slice parameter round trip: a summary's
// reference to a slice parameter, filled in from the encoded slice a call
// passes, writes the same text as joining the elements directly, with
// wildcards where the elements have them; and a slice parameter
// forwarded to another (an encoded reference) composes.
func FuzzSliceSubst(f *testing.F) {
	for _, s := range [][4]string{
		{"rest|api|3|issue", "", "/", ""},
		{"issue|…|comment", "/", "", ""},
		{"", "", "/", ""},
		{"a||b", "<", ",", ">"},
		{"…|…", "", "", ""},
		{"x\x1fy|z", "/", "", ""},
	} {
		f.Add(s[0], s[1], s[2], s[3])
	}
	f.Fuzz(func(t *testing.T, elems, pre, sep, suf string) {
		var texts []string
		if elems != "" {
			texts = strings.Split(elems, "|")
		}
		var parts []Part
		for _, s := range texts {
			parts = append(parts, Part{Alts: []Pattern{Parse(s)}})
		}
		ref, ok := SliceParam(0, pre, sep, suf)
		enc, encOK := EncodeSlice(parts)
		if !ok || !encOK {
			if encOK == strings.Contains(elems, sliceMark) {
				t.Fatalf("EncodeSlice(%q) ok = %v", elems, encOK)
			}
			return
		}
		var want []string
		for _, s := range texts {
			want = append(want, pre+s+suf)
		}
		check := func(got []Pattern, what string) {
			t.Helper()
			if len(got) != 1 {
				t.Fatalf("%s: %d alternatives %v", what, len(got), got)
			}
			checkNormal(t, got[0])
			// (Literal bytes of split runes may spell the mark when
			// joined: compare texts with runs of marks collapsed.)
			if w := collapse(strings.Join(want, sep)); collapse(got[0].String()) != w {
				t.Fatalf("%s = %q, want %q", what, got[0].String(), w)
			}
		}
		check(ref.Subst([][]Pattern{enc}), "Subst")
		// A caller forwarding its own slice parameter (number 1) to the
		// summarised function, then called with the elements.
		fwd, _ := EncodeSlice([]Part{{Spread: 2}})
		composed := ref.Subst([][]Pattern{fwd})
		if len(composed) != 1 {
			t.Fatalf("forwarded: %v", composed)
		}
		check(composed[0].Subst([][]Pattern{nil, enc}), "forwarded Subst")
		check(JoinParts(parts, pre, sep, suf), "JoinParts")
	})
}
