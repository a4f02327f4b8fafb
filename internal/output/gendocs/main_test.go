package main

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/connectlint/connectlint/internal/rules"
)

var update = flag.Bool("update", false, "rewrite docs/rules.md")

// TestRulesDocUpToDate fails when docs/rules.md does not match the rule
// registry. Fix it with: go generate ./cmd/connectlint
func TestRulesDocUpToDate(t *testing.T) {
	path := filepath.Join("..", "..", "..", "docs", "rules.md")
	want, err := render()
	if err != nil {
		t.Fatal(err)
	}
	if *update {
		if err := os.WriteFile(path, want, 0o666); err != nil {
			t.Fatal(err)
		}
	}
	got, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (create it with: go generate ./cmd/connectlint)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("docs/rules.md is stale; regenerate it with: go generate ./cmd/connectlint")
	}
}

// TestEveryRuleDocumented fails when a registered rule lacks what
// explain, docs/rules.md and SARIF need.
func TestEveryRuleDocumented(t *testing.T) {
	for _, r := range rules.All() {
		missing := func(field, v string) {
			if v == "" {
				t.Errorf("rule %s (analyzer %s) has no %s", r.ID, r.Analyzer, field)
			}
		}
		missing("Doc", r.Doc)
		missing("Bad example", r.Bad)
		missing("Good example", r.Good)
		missing("Since", r.Since)
		if r.Lang != "go" && r.Lang != "json" && r.Lang != "yaml" {
			t.Errorf("rule %s: Lang %q, want go, json or yaml", r.ID, r.Lang)
		}
		if r.Bad != "" && r.Bad == r.Good {
			t.Errorf("rule %s: the bad and the good example are the same", r.ID)
		}
	}
}
