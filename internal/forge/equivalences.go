package forge

import (
	_ "embed"
	"fmt"
	"strings"
	"sync"

	"github.com/connectlint/connectlint/internal/connect"
)

// EquivalenceKind says what Atlassian publishes for an OAuth 2.0 scope.
type EquivalenceKind uint8

const (
	// Unpublished: connectlint has no published equivalent for the scope.
	// Whether adding it needs admin approval is unknown.
	Unpublished EquivalenceKind = iota
	// Mapped: the scope is equivalent to a Connect scope.
	Mapped
	// Unmapped: Atlassian marks the scope UNMAPPED; adding it always needs
	// admin approval.
	Unmapped
)

func (k EquivalenceKind) String() string {
	return [...]string{"unpublished", "mapped", "unmapped"}[k]
}

// Equivalence is Atlassian's published Connect equivalent of an OAuth 2.0
// scope.
type Equivalence struct {
	Kind    EquivalenceKind
	Connect connect.Scope // for Mapped
}

// EquivalencesSource names where the equivalences come from.
const EquivalencesSource = "https://developer.atlassian.com/platform/adopting-forge-from-connect/connect-to-oauth2-scope-equivalences (Last updated Feb 4, 2025; retrieved 2026-12-05)"

//go:embed equivalences.txt
var equivalencesText string

var equivalences = sync.OnceValue(func() map[string]Equivalence {
	m, err := parseEquivalences(equivalencesText)
	if err != nil {
		panic(err) // the embedded file is checked by the package's tests
	}
	return m
})

func parseEquivalences(text string) (map[string]Equivalence, error) {
	m := map[string]Equivalence{}
	n := 0
	for line := range strings.Lines(text) {
		n++
		line, _, _ = strings.Cut(line, "#")
		f := strings.Fields(line)
		switch {
		case len(f) == 0:
			continue
		case len(f) != 2:
			return nil, fmt.Errorf("equivalences.txt:%d: want a scope and its Connect equivalent", n)
		case f[1] == "UNMAPPED":
			m[f[0]] = Equivalence{Kind: Unmapped}
			continue
		}
		s, ok := connect.ParseScope(f[1])
		if !ok || !s.Declarable() {
			return nil, fmt.Errorf("equivalences.txt:%d: %q is not a Connect scope", n, f[1])
		}
		m[f[0]] = Equivalence{Kind: Mapped, Connect: s}
	}
	return m, nil
}

// ConnectEquivalent returns Atlassian's published Connect equivalent of an
// OAuth 2.0 scope.
func ConnectEquivalent(oauthScope string) Equivalence {
	return equivalences()[oauthScope]
}

// WithinConnect reports whether adding the OAuth 2.0 scope stays within
// the Connect scopes already granted, by the published equivalence and the
// Connect lattice. known is false when nothing is published for the scope.
func WithinConnect(oauthScope string, granted []connect.Scope) (within, known bool) {
	e := ConnectEquivalent(oauthScope)
	switch e.Kind {
	case Mapped:
		return connect.Covers(granted, e.Connect), true
	case Unmapped:
		return false, true
	}
	return false, false
}
