package grants

import (
	"cmp"
	"go/ast"
	"go/token"
	"go/types"
	"reflect"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/connectlint/connectlint/internal/authz"
	"github.com/connectlint/connectlint/internal/gotypes"
)

const summary = "find the OAuth 2.0 grants, JWT bearer grants and token refreshes in the Go code"

var Analyzer = &analysis.Analyzer{
	Name:       "grants",
	Doc:        summary,
	URL:        "https://github.com/connectlint/connectlint/blob/main/docs/rules.md",
	Run:        run,
	ResultType: reflect.TypeFor[*Result](),
	FactTypes:  []analysis.Fact{new(Declared), new(ScopeListFact), new(endpointFact), new(impersonates)},
}

// Result is what the package and the packages it imports declare.
type Result struct {
	// Own is what this package declares.
	Own *Declared
	// Visible is what this package and every package it imports
	// (transitively) declare: in a main package, the whole program.
	Visible *Declared
	// SiteSetups are client-library setups of this package that send an
	// OAuth 2.0 token to a site URL, for the scopes analyzer's
	// oauth-site-url.
	SiteSetups []Use
}

// Declared is what one package (or, merged, a program) declares about
// authorization. As a package fact it is this package's part.
type Declared struct {
	// Grants are the OAuth 2.0 grants declared in the code.
	Grants []*authz.Grant
	// ActAsUser are the places in the app's code that use the JWT bearer
	// grant (a Connect app acting as a user, which needs ACT_AS_USER): the
	// token exchange, or the app's call of a library function that makes
	// it (a framework's AsUser).
	ActAsUser []Use
	// Refresh are places where an OAuth 2.0 token is refreshed (a
	// TokenSource or Config.Client over a stored token): offline_access is
	// needed.
	Refresh []Use
}

// A Use is a place in the code that needs something, with a description.
type Use struct {
	What string
	At   authz.Position
}

func (*Declared) AFact() {}

func (d *Declared) String() string {
	var parts []string
	for _, g := range d.Grants {
		words := append([]string{g.Kind}, g.Names()...)
		if g.Partial {
			words = append(words, "…")
		}
		parts = append(parts, strings.Join(words, " "))
	}
	if len(d.ActAsUser) > 0 {
		parts = append(parts, "acts as user")
	}
	if len(d.Refresh) > 0 {
		parts = append(parts, "refreshes")
	}
	return strings.Join(parts, "; ")
}

func (d *Declared) empty() bool {
	return len(d.Grants) == 0 && len(d.ActAsUser) == 0 && len(d.Refresh) == 0
}

// sort orders everything by position, so that facts are deterministic.
func (d *Declared) sort() {
	slices.SortStableFunc(d.Grants, func(a, b *authz.Grant) int { return comparePos(a.At, b.At) })
	slices.SortStableFunc(d.ActAsUser, func(a, b Use) int { return comparePos(a.At, b.At) })
	slices.SortStableFunc(d.Refresh, func(a, b Use) int { return comparePos(a.At, b.At) })
}

func comparePos(a, b authz.Position) int {
	return cmp.Or(strings.Compare(a.File, b.File), cmp.Compare(a.Offset, b.Offset))
}

func (d *Declared) add(e *Declared) {
	d.Grants = append(d.Grants, e.Grants...)
	d.ActAsUser = append(d.ActAsUser, e.ActAsUser...)
	d.Refresh = append(d.Refresh, e.Refresh...)
}

// ScopeListFact is the resolved value of a package-level []string variable
// that holds OAuth 2.0 scopes, for lists declared in another package.
type ScopeListFact struct {
	Entries []authz.Entry
	Partial bool
}

func (*ScopeListFact) AFact() {}
func (f *ScopeListFact) String() string {
	var names []string
	for _, e := range f.Entries {
		names = append(names, e.Name)
	}
	return "scopes " + strings.Join(names, " ")
}

// endpointFact marks a package-level oauth2.Endpoint variable that is
// Atlassian's.
type endpointFact struct{}

func (*endpointFact) AFact()         {}
func (*endpointFact) String() string { return "atlassian endpoint" }

func run(pass *analysis.Pass) (any, error) {
	own := &Declared{}
	res := &Result{Own: own, Visible: &Declared{}}
	if relevant(pass) {
		c := &checker{pass: pass, r: newResolver(pass), own: own, app: appCode(pass)}
		c.exportScopeLists()
		c.exportEndpoints()
		if c.app {
			// Grants are the app's: a library that builds an authorize
			// URL or a Config from its caller's scopes grants nothing
			// of its own.
			c.findConfigs()
			c.findAuthorizeURLs()
			c.findGoAtlassian()
		}
		c.findActAsUser()
		c.findRefresh()
		c.findSiteSetups()
		res.SiteSetups = c.siteSetups
		own.sort()
		if !own.empty() {
			pass.ExportPackageFact(own)
		}
	}
	res.Visible.add(own)
	for _, f := range pass.AllPackageFacts() {
		if d, ok := f.Fact.(*Declared); ok && f.Package != pass.Pkg {
			res.Visible.add(d)
		}
	}
	return res, nil
}

// relevant is the cheap exit: only packages that import golang.org/x/oauth2,
// an Atlassian client library or net/http (hand-built OAuth flows), or
// import a package with facts of ours, can declare anything.
func relevant(pass *analysis.Pass) bool {
	if len(pass.Files) == 0 {
		return false
	}
	for _, imp := range pass.Pkg.Imports() {
		switch p := imp.Path(); {
		case p == "net/http", p == oauth2Pkg, p == oauth2Pkg+"/jira", strings.Contains(p, "go-atlassian"), strings.Contains(p, "atlas-gonnect"):
			return true
		}
	}
	for _, f := range pass.AllObjectFacts() {
		if _, ok := f.Fact.(*impersonates); ok {
			return true
		}
	}
	// A hand-built authorize URL needs no import of ours.
	found := false
	for _, f := range pass.Files {
		ast.Inspect(f, func(n ast.Node) bool {
			if lit, ok := n.(*ast.BasicLit); ok && lit.Kind == token.STRING && strings.Contains(lit.Value, atlassianAuthHost) {
				found = true
			}
			return !found
		})
	}
	return found
}

// appCode reports whether the package belongs to the app (the main
// module, not a dependency from the module cache, a replaced module or
// vendor/).
func appCode(pass *analysis.Pass) bool {
	if pass.Module == nil {
		return true
	}
	return pass.Module.Version == ""
}

type checker struct {
	pass       *analysis.Pass
	r          *resolver
	own        *Declared
	app        bool
	siteSetups []Use
}

const oauth2Pkg = "golang.org/x/oauth2"

// exportScopeLists exports the resolved value of package-level string
// slices that look like scope lists, for other packages' grants.
func (c *checker) exportScopeLists() {
	scope := c.pass.Pkg.Scope()
	for _, name := range scope.Names() {
		v, ok := scope.Lookup(name).(*types.Var)
		if !ok || !v.Exported() || !isStringSlice(v.Type()) {
			continue
		}
		l := c.r.variable(v)
		if len(l.entries) == 0 || !slices.ContainsFunc(l.entries, looksLikeScope) {
			continue
		}
		c.pass.ExportObjectFact(v, &ScopeListFact{Entries: l.entries, Partial: l.partial})
	}
}

func looksLikeScope(e authz.Entry) bool {
	return strings.Contains(e.Name, ":") || e.Name == authz.OfflineAccess
}

func isStringSlice(t types.Type) bool {
	s, ok := t.Underlying().(*types.Slice)
	return ok && gotypes.IsString(s.Elem())
}

// isConfig reports whether t is golang.org/x/oauth2's Config (or a pointer).
func isConfig(t types.Type) bool {
	return gotypes.IsNamed(t, oauth2Pkg, "Config") || gotypes.IsPointerTo(t, oauth2Pkg, "Config")
}

// inspect calls f for every node of the package's non-test files.
func (c *checker) inspect(f func(n ast.Node, stack []ast.Node) bool) {
	for _, file := range c.pass.Files {
		if strings.HasSuffix(c.pass.Fset.File(file.Pos()).Name(), "_test.go") {
			continue
		}
		var stack []ast.Node
		ast.Inspect(file, func(n ast.Node) bool {
			if n == nil {
				stack = stack[:len(stack)-1]
				return true
			}
			stack = append(stack, n)
			if !f(n, stack) {
				stack = stack[:len(stack)-1]
				return false
			}
			return true
		})
	}
}
