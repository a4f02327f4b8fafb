package grants_test

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	_ "github.com/connectlint/connectlint/analyzers/descriptor" // registers unknown-scope
	"github.com/connectlint/connectlint/analyzers/grants"
	"github.com/connectlint/connectlint/internal/authz"
)

func run(t *testing.T) []*analysistest.Result {
	dir, err := filepath.Abs("testdata/mod")
	if err != nil {
		t.Fatal(err)
	}
	return analysistest.Run(t, dir, grants.Analyzer, "./...", "github.com/craftamap/atlas-gonnect/...")
}

// TestGrants checks the facts and findings of every fixture package with
// their // want comments.
func TestGrants(t *testing.T) { run(t) }

// TestGrantDetails checks what the facts do not show: positions of the
// scope entries, partial grants, keys and -fix insertion points.
func TestGrantDetails(t *testing.T) {
	byPkg := map[string]*grants.Declared{}
	var visible map[string]int
	for _, r := range run(t) {
		res := r.Result.(*grants.Result)
		byPkg[r.Pass.Pkg.Path()] = res.Own
		if r.Pass.Pkg.Path() == "example.com/app/goatl" {
			// go-atlassian builds an authorize URL from its caller's
			// scopes: only the app's call is a grant.
			for _, g := range res.Visible.Grants {
				if g.Kind != "go-atlassian OAuth" {
					t.Errorf("goatl sees a %s grant at %v, from library code", g.Kind, g.At)
				}
			}
		}
		if r.Pass.Pkg.Path() == "example.com/app/useshared" {
			visible = map[string]int{}
			for _, g := range res.Visible.Grants {
				visible[g.Kind]++
			}
		}
	}
	conf := byPkg["example.com/app/threelo"].Grants[0]
	if conf.Key != "example.com/app/threelo.conf" || conf.Partial || conf.At.Line != 14 {
		t.Errorf("threelo conf: key %q partial %v at %v", conf.Key, conf.Partial, conf.At)
	}
	if e := conf.Scopes[0]; e.Name != "read:jira-work" || e.At.Line != 21 || e.At.Column != 3 {
		t.Errorf("the constant scope is placed at %v, want its use (21:3)", e.At)
	}
	in := conf.Insert
	if in == nil || in.Text([]string{"manage:jira-project"}) != "\n\t\t\"manage:jira-project\"," {
		t.Errorf("insert = %+v", in)
	}
	if g := byPkg["example.com/app/fieldwise"].Grants[1]; g.Scopes[1].At.Column-g.Scopes[0].At.Column != len("read:jira-work ") {
		t.Errorf("the scopes of one string literal are placed at %v and %v", g.Scopes[0].At, g.Scopes[1].At)
	}
	for _, g := range byPkg["example.com/app/partial"].Grants {
		if !g.Partial {
			t.Errorf("partial grant at %v is not partial", g.At)
		}
	}
	goatl := byPkg["example.com/app/goatl"].Grants[0]
	if !slices.Equal(goatl.Implicit, []string{authz.OfflineAccess}) {
		t.Errorf("go-atlassian adds offline_access; implicit = %v", goatl.Implicit)
	}
	asuser := byPkg["example.com/app/asuser"].ActAsUser
	if len(asuser) != 2 || !strings.Contains(asuser[0].What, "HostRequest.AsUser") || asuser[0].At.Line != 17 || asuser[1].At.Line != 23 {
		t.Errorf("act-as-user uses = %+v, want the AsUser call (17) and the exchange (23)", asuser)
	}
	if visible["oauth2.Config"] != 1 {
		t.Errorf("useshared sees %v, want its own grant (shared declares none)", visible)
	}
	for pkg, d := range byPkg {
		if strings.HasPrefix(pkg, "github.com/") && len(d.ActAsUser)+len(d.Grants) > 0 {
			t.Errorf("library package %s declares %s", pkg, d)
		}
	}
}
