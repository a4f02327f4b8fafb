package connect

import (
	"slices"
	"testing"
)

// allScopes is every Scope value, ScopeUnknown and Inaccessible included.
var allScopes = []Scope{ScopeUnknown, None, Read, Write, Delete, ProjectAdmin, SpaceAdmin, Admin, ActAsUser, AccessEmailAddresses, Inaccessible}

// refGrants is an independent model of the implication order, written as
// Atlassian's pages list it: the scopes each scope directly implies, closed
// transitively by search.
func refGrants(s Scope) map[Scope]bool {
	direct := map[Scope][]Scope{
		Read:         {None},
		Write:        {Read},
		Delete:       {Write},
		ProjectAdmin: {Delete},
		SpaceAdmin:   {Delete},
		Admin:        {ProjectAdmin, SpaceAdmin},
	}
	out := map[Scope]bool{}
	if !s.Declarable() {
		return out
	}
	stack := []Scope{s}
	for len(stack) > 0 {
		x := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if out[x] {
			continue
		}
		out[x] = true
		stack = append(stack, direct[x]...)
	}
	return out
}

func refCovers(declared []Scope, required Scope) bool {
	if required == None {
		return true
	}
	for _, d := range declared {
		if refGrants(d)[required] {
			return true
		}
	}
	return false
}

// subset returns the scopes of from selected by the bits of mask.
func subset(from []Scope, mask int) []Scope {
	var out []Scope
	for i, s := range from {
		if mask&(1<<i) != 0 {
			out = append(out, s)
		}
	}
	return out
}

func TestCoversAllCombinations(t *testing.T) {
	for mask := 0; mask < 1<<len(allScopes); mask++ {
		declared := subset(allScopes, mask)
		for _, r := range allScopes {
			if got, want := Covers(declared, r), refCovers(declared, r); got != want {
				t.Errorf("Covers(%v, %v) = %v, want %v", declared, r, got, want)
			}
		}
	}
}

func TestImpliesFacts(t *testing.T) {
	for _, c := range []struct {
		s, t Scope
		want bool
	}{
		{Read, Read, true},
		{Write, Read, true},
		{Read, Write, false},
		{Write, Delete, false},
		{Delete, Write, true},
		{ProjectAdmin, Delete, true},
		{SpaceAdmin, Delete, true},
		{ProjectAdmin, SpaceAdmin, false},
		{SpaceAdmin, ProjectAdmin, false},
		{Admin, ProjectAdmin, true},
		{Admin, SpaceAdmin, true},
		{Admin, ActAsUser, false},
		{Admin, AccessEmailAddresses, false},
		{ActAsUser, Read, false},
		{AccessEmailAddresses, Read, false},
		{Read, ActAsUser, false},
		{Admin, Inaccessible, false},
		{Inaccessible, Inaccessible, false},
		{Admin, ScopeUnknown, false},
		{ScopeUnknown, None, true},
		{Inaccessible, Read, false},
		{Scope(200), Read, false},
	} {
		if got := c.s.Implies(c.t); got != c.want {
			t.Errorf("%v.Implies(%v) = %v, want %v", c.s, c.t, got, c.want)
		}
	}
	if !Covers(nil, None) {
		t.Error("no scopes must cover NONE")
	}
	if Covers(nil, Read) {
		t.Error("no scopes must not cover READ")
	}
}

// declarableScopes is every scope a descriptor may declare.
var declarableScopes = []Scope{None, Read, Write, Delete, ProjectAdmin, SpaceAdmin, Admin, ActAsUser, AccessEmailAddresses}

// grantSet is what a declaration grants, as a bit set over allScopes.
func grantSet(declared []Scope) int {
	g := 0
	for i, s := range allScopes {
		if Covers(declared, s) {
			g |= 1 << i
		}
	}
	return g
}

func TestMinimalAllCombinations(t *testing.T) {
	// Every declaration, with what it grants, to compare Minimal against
	// the best a brute-force search finds.
	type decl struct {
		scopes []Scope
		grants int
	}
	var decls []decl
	for mask := 0; mask < 1<<len(declarableScopes); mask++ {
		d := subset(declarableScopes, mask)
		decls = append(decls, decl{d, grantSet(d)})
	}
	for mask := 0; mask < 1<<len(allScopes); mask++ {
		required := subset(allScopes, mask)
		got := Minimal(required...)
		if !slices.IsSorted(got) {
			t.Errorf("Minimal(%v) = %v, not in Scope order", required, got)
		}
		var need int // the coverable requirements
		for i, r := range allScopes {
			if r != Inaccessible && r != ScopeUnknown && mask&(1<<i) != 0 {
				need |= 1 << i
			}
		}
		g := grantSet(got)
		if g&need != need {
			t.Errorf("Minimal(%v) = %v does not cover the requirements", required, got)
			continue
		}
		// No declaration covering the needs grants less, or grants as much
		// with fewer scopes.
		for _, d := range decls {
			if d.grants&need != need {
				continue
			}
			if d.grants == g && len(d.scopes) < len(got) {
				t.Errorf("Minimal(%v) = %v, but %v is smaller", required, got, d.scopes)
			}
			if d.grants != g && d.grants&^g == 0 {
				t.Errorf("Minimal(%v) = %v, but %v grants less", required, got, d.scopes)
			}
		}
		for _, s := range got {
			if s == None || !s.Declarable() {
				t.Errorf("Minimal(%v) = %v holds %v", required, got, s)
			}
		}
	}
}

func TestMinimalFacts(t *testing.T) {
	for _, c := range []struct {
		required, want []Scope
	}{
		{nil, nil},
		{[]Scope{None}, nil},
		{[]Scope{Inaccessible}, nil},
		{[]Scope{Read, Write, Read}, []Scope{Write}},
		{[]Scope{Read, Delete, ActAsUser}, []Scope{Delete, ActAsUser}},
		{[]Scope{ProjectAdmin, SpaceAdmin}, []Scope{ProjectAdmin, SpaceAdmin}},
		{[]Scope{ProjectAdmin, Admin, Write}, []Scope{Admin}},
		{[]Scope{AccessEmailAddresses, Read, Inaccessible}, []Scope{Read, AccessEmailAddresses}},
	} {
		if got := Minimal(c.required...); !slices.Equal(got, c.want) {
			t.Errorf("Minimal(%v) = %v, want %v", c.required, got, c.want)
		}
	}
}

func TestParseScopeCase(t *testing.T) {
	for _, s := range allScopes[1:] {
		for _, name := range []string{s.String(), toLower(s.String())} {
			if got, ok := ParseScope(name); !ok || got != s {
				t.Errorf("ParseScope(%q) = %v, %v; want %v", name, got, ok, s)
			}
		}
	}
	for _, bad := range []string{"Read", "rEAD", "", "READS", "UNKNOWN"} {
		if got, ok := ParseScope(bad); ok {
			t.Errorf("ParseScope(%q) = %v, true; want failure", bad, got)
		}
	}
}

func toLower(s string) string {
	b := []byte(s)
	for i, c := range b {
		if 'A' <= c && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}
