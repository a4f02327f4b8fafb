package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"strings"
	"text/tabwriter"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/connectlint/connectlint/analyzers/descriptor"
	"github.com/connectlint/connectlint/analyzers/manifest"
	"github.com/connectlint/connectlint/analyzers/scopes"
	"github.com/connectlint/connectlint/internal/apispec"
	"github.com/connectlint/connectlint/internal/authz"
	"github.com/connectlint/connectlint/internal/forge"
)

const scopesUsage = `usage: connectlint scopes [-C dir] [-descriptor file] [-manifest file] [-for connect|oauth|forge] [-format text|json|markdown] [packages]

Prints the scopes the packages' Atlassian REST calls need (with every
package of the app they import), with each scope's reasons: the calls that
need it, with file:line:col, and the features that need one (webhooks need
READ, acting as a user ACT_AS_USER, refreshing a token offline_access).
Calls that need no scope, calls no scope grants and calls whose operation
could not be resolved follow; when there are unresolved calls the list may
be incomplete. Calls in _test.go files are not counted. Packages default
to ./...

-for picks the authorization model (default: the one the app declares):
  connect  the Connect scopes, first as the JSON array to paste into
           atlassian-connect.json's "scopes"
  oauth    the OAuth 2.0 scopes (3LO apps, scoped API tokens), as the set
           of classic scopes and the set of granular scopes that cover the
           code (an operation without a scope of one family is asked for
           in the other)
  forge    the permissions: block to paste into a Forge manifest.yml: the
           OAuth 2.0 scopes of every call, as a Forge remote makes them
           all with the app system or user token, and those tokens'
           scopes (read:app-system-token, read:app-user-token); granular
           when the manifest already uses granular scopes, else classic.
           When the app has Connect scopes (a descriptor, or
           read:connect-jira ... in the manifest), each scope is marked
           within them or beyond them by Atlassian's published Connect
           equivalents: a scope beyond them, or one Atlassian marks
           UNMAPPED, makes the update to Forge need admin approval; a
           scope without a published equivalent is said to be so

A model other than the one the app declares counts every call, whatever
credential it carries: what the code would need in that model.

-format json prints the same as JSON (-json is short for it); -format
markdown prints a table of scopes, the calls that need them and whether
the app's grants hold them (missing) or hold more (excess), for a pull
request's job summary.

Exit status: 0 on success, 1 when some code could not be loaded or on bad
usage.
`

// runScopes is the scopes subcommand.
func runScopes(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("scopes", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() { fmt.Fprint(stderr, scopesUsage) }
	dirFlag := fs.String("C", "", "run as if connectlint was started in `dir`")
	descFlag := fs.String("descriptor", "", "use this app descriptor `file` instead of discovering atlassian-connect.json")
	asJSON := fs.Bool("json", false, "print the answer as JSON (same as -format json)")
	format := fs.String("format", "text", "output `format`: text, json or markdown")
	manifestFlag := fs.String("manifest", "", "use this Forge manifest `file` instead of discovering manifest.yml")
	model := fs.String("for", "", "authorization `model`: connect, oauth or forge (default: the one the app declares)")
	if code, ok := parseFlags(fs, args); !ok {
		return code
	}
	fail := func(format string, a ...any) int {
		fmt.Fprintf(stderr, "connectlint scopes: "+format+"\n", a...)
		return exitFailure
	}
	if *asJSON {
		*format = "json"
	}
	switch *format {
	case "text", "json", "markdown":
	default:
		return fail("-format %q: want text, json or markdown", *format)
	}
	switch *model {
	case "", "connect", "oauth", "forge":
	default:
		return fail("-for %q: want connect, oauth or forge", *model)
	}
	dir, err := workDir(*dirFlag)
	if err != nil {
		return fail("%v", err)
	}
	if *descFlag != "" {
		if err := setDescriptorFile([]*analysis.Analyzer{descriptor.Analyzer}, inDir(dir, *descFlag)); err != nil {
			return fail("-descriptor: %v", err)
		}
	}
	if *manifestFlag != "" {
		if err := setFileFlag([]*analysis.Analyzer{manifest.Analyzer}, "manifest", inDir(dir, *manifestFlag)); err != nil {
			return fail("-manifest: %v", err)
		}
	}

	prog, loadErrs, err := programNeeds(dir, fs.Args())
	if err != nil {
		return fail("%v", err)
	}
	for _, e := range loadErrs {
		fmt.Fprintf(stderr, "connectlint scopes: %s\n", e)
	}
	declared := declaredModel(prog)
	if *model == "" {
		*model = declared
	}
	every := *model != declared
	var plans []*scopes.Plan
	var mig *migration
	grants := prog.grants
	switch *model {
	case "connect":
		plans = []*scopes.Plan{scopes.PlanFor(prog.needs, authz.ModelOf(authz.Connect), "", every)}
	case "forge":
		grants = manifestGrants(prog.grants)
		plans = []*scopes.Plan{scopes.ForgePlanFor(prog.needs, forgeFamily(grants))}
		mig = newMigration(prog.grants)
	default:
		m := authz.ModelOf(authz.OAuth)
		plans = []*scopes.Plan{scopes.PlanFor(prog.needs, m, "classic", every), scopes.PlanFor(prog.needs, m, "granular", every)}
	}
	switch *format {
	case "json":
		err = writeScopesJSON(stdout, dir, *model, plans, grants, mig)
	case "markdown":
		err = writeScopesMarkdown(stdout, dir, plans, grants, mig)
	default:
		err = writeScopesText(stdout, dir, plans, mig)
	}
	if err != nil {
		return fail("%v", err)
	}
	if len(loadErrs) > 0 {
		fmt.Fprintln(stderr, "connectlint scopes: some code could not be loaded: the scopes above may be incomplete")
		return exitFailure
	}
	return exitOK
}

// program is what the scopes subcommand reports on.
type program struct {
	needs  *scopes.Needs
	grants []*authz.Grant
}

// declaredModel is the model of the app's grants: Forge when it has a
// manifest with OAuth 2.0 scopes (a Connect app on Forge is Connect),
// Connect when it has a descriptor, OAuth 2.0 when the code declares OAuth
// grants or calls api.atlassian.com, else Connect.
func declaredModel(p *program) string {
	has := func(m authz.ModelID) bool {
		return slices.ContainsFunc(p.grants, func(g *authz.Grant) bool { return g.Model == m })
	}
	forgeOAuth := slices.ContainsFunc(p.grants, func(g *authz.Grant) bool { return g.Model == authz.OAuth && g.Kind == "manifest.yml" })
	switch {
	case forgeOAuth && !has(authz.Connect):
		return "forge"
	case has(authz.Connect):
		return "connect"
	case has(authz.OAuth), slices.ContainsFunc(p.needs.Calls, func(c scopes.CallNeed) bool { return c.Host == apispec.HostGateway }):
		return "oauth"
	}
	return "connect"
}

// programNeeds loads the packages and runs the scopes analyzer on them;
// the answer is what all root packages need together, and the grants they
// see.
func programNeeds(dir string, patterns []string) (*program, []string, error) {
	if len(patterns) == 0 {
		patterns = []string{"./..."}
	}
	// The analyzer uses facts: every dependency must come from source.
	cfg := &packages.Config{Mode: packages.LoadAllSyntax | packages.NeedModule, Dir: dir}
	pkgs, err := packages.Load(cfg, patterns...)
	if err != nil {
		return nil, nil, err
	}
	if len(pkgs) == 0 {
		return nil, nil, fmt.Errorf("%s matched no packages", strings.Join(patterns, " "))
	}
	var loadErrs []string
	seen := map[string]bool{}
	packages.Visit(pkgs, nil, func(p *packages.Package) {
		for _, e := range p.Errors {
			if msg := e.Error(); !seen[msg] {
				seen[msg] = true
				loadErrs = append(loadErrs, msg)
			}
		}
	})
	graph, err := checker.Analyze([]*analysis.Analyzer{scopes.Analyzer}, pkgs, nil)
	if err != nil {
		return nil, nil, err
	}
	var all []*scopes.Needs
	p := &program{}
	keys := map[string]bool{}
	for _, act := range graph.Roots {
		if act.Err != nil {
			loadErrs = append(loadErrs, fmt.Sprintf("%s: %v", act.Package.PkgPath, act.Err))
			continue
		}
		res, ok := act.Result.(*scopes.Result)
		if !ok {
			continue
		}
		all = append(all, res.Program)
		for _, g := range res.Grants {
			if k := fmt.Sprint(g.At, g.Kind, g.Model); !keys[k] {
				keys[k] = true
				p.grants = append(p.grants, g)
			}
		}
	}
	p.needs = scopes.Merge(all...)
	return p, loadErrs, nil
}

// title names a plan: "OAuth 2.0, classic scopes".
func title(p *scopes.Plan, mig *migration) string {
	switch {
	case p.Model == authz.Connect:
		return "Connect scopes"
	case mig != nil:
		return "Forge manifest.yml, " + p.Family + " scopes"
	}
	return "OAuth 2.0, " + p.Family + " scopes"
}

// writeScopesText prints, for each plan, the array to paste (for Forge,
// the permissions: block), then the reasons grouped by scope.
func writeScopesText(w io.Writer, dir string, plans []*scopes.Plan, mig *migration) error {
	tw := tabwriter.NewWriter(w, 0, 8, 2, ' ', 0)
	for i, p := range plans {
		if i > 0 {
			fmt.Fprintln(tw)
		}
		if p.Model != authz.Connect {
			fmt.Fprintf(tw, "%s:\n", title(p, mig))
		}
		if mig != nil {
			mig.writeBlock(tw, p)
		} else {
			array, err := json.Marshal(p.Names())
			if err != nil {
				return err
			}
			fmt.Fprintf(tw, "%s\n", strings.ReplaceAll(string(array), `","`, `", "`))
		}
		section := func(title string, rs []scopes.Reason) {
			if len(rs) == 0 {
				return
			}
			fmt.Fprintf(tw, "\n%s\n", title)
			for _, r := range rs {
				fmt.Fprintf(tw, "  %s\t%s\n", relPos(dir, r.At), reasonText(r))
			}
		}
		for _, s := range p.Scopes {
			section(s.Scope, s.Reasons)
		}
		section("no scope needed", p.NoScope)
		if p.Model == authz.Connect {
			section("INACCESSIBLE: no scope grants these calls to a Connect app", p.Never)
		} else {
			section("not available to OAuth 2.0 apps: no OAuth scope grants these calls", p.Never)
		}
		if len(p.Unresolved) > 0 {
			fmt.Fprintf(tw, "\nunresolved: these calls' operations are not known, so the scopes above may be incomplete\n")
			for _, u := range p.Unresolved {
				what := u.What
				switch {
				case u.Candidates > 1:
					what += fmt.Sprintf(" (%d candidate operations needing %s)", u.Candidates, orList(u.Scopes))
				case u.Candidates == 0:
					what += " (matches no known operation)"
				}
				fmt.Fprintf(tw, "  %s\t%s\n", relPos(dir, u.At), what)
			}
		}
	}
	return tw.Flush()
}

func reasonText(r scopes.Reason) string {
	if r.Via == "" || r.Via == "net/http" || r.Via == "descriptor" {
		return r.What
	}
	return r.What + " via " + r.Via
}

// scopesJSON is the -format json answer for one plan; with -for oauth the
// answer is an object with the model and a plan per family.
type scopesJSON struct {
	Model      string           `json:"model"`
	Family     string           `json:"family,omitempty"`
	Scopes     []string         `json:"scopes"`
	Reasons    []reasonJSON     `json:"reasons"`
	Unresolved []unresolvedJSON `json:"unresolved"`
	Missing    []string         `json:"missing"` // needed scopes the app's grants of the model lack
	Excess     []string         `json:"excess"`  // scopes the grants hold that the code does not need
	// Connect and Migration, with -for forge when the app has Connect
	// scopes: those scopes, and each needed scope's published equivalent.
	Connect   []string        `json:"connect,omitempty"`
	Migration []migrationJSON `json:"migration,omitempty"`
}

type oauthJSON struct {
	Model string       `json:"model"`
	Plans []scopesJSON `json:"plans"`
}

type reasonJSON struct {
	Scope string `json:"scope"` // NONE and INACCESSIBLE included
	What  string `json:"what"`
	Via   string `json:"via,omitempty"`
	Pos   string `json:"pos"`
}

type unresolvedJSON struct {
	What       string   `json:"what"`
	Candidates int      `json:"candidates"`
	Scopes     []string `json:"scopes"` // one of which the call needs; empty when unknown
	Pos        string   `json:"pos"`
}

func planJSON(dir, model string, p *scopes.Plan, grants []*authz.Grant, mig *migration) scopesJSON {
	missing, excess := p.Status(grants)
	out := scopesJSON{Model: model, Family: p.Family, Scopes: nonNil(p.Names()), Reasons: []reasonJSON{}, Unresolved: []unresolvedJSON{},
		Missing: nonNil(missing), Excess: nonNil(excess)}
	if mig.active() {
		for _, c := range mig.connect {
			out.Connect = append(out.Connect, c.String())
		}
		for _, n := range p.Names() {
			out.Migration = append(out.Migration, mig.json(n))
		}
	}
	for _, s := range p.Scopes {
		for _, r := range s.Reasons {
			out.Reasons = append(out.Reasons, reasonJSON{s.Scope, r.What, r.Via, relPos(dir, r.At)})
		}
	}
	for _, r := range p.NoScope {
		out.Reasons = append(out.Reasons, reasonJSON{"NONE", r.What, r.Via, relPos(dir, r.At)})
	}
	for _, r := range p.Never {
		out.Reasons = append(out.Reasons, reasonJSON{"INACCESSIBLE", r.What, r.Via, relPos(dir, r.At)})
	}
	for _, u := range p.Unresolved {
		out.Unresolved = append(out.Unresolved, unresolvedJSON{u.What, u.Candidates, nonNil(u.Scopes), relPos(dir, u.At)})
	}
	return out
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

func writeScopesJSON(w io.Writer, dir, model string, plans []*scopes.Plan, grants []*authz.Grant, mig *migration) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	if model != "oauth" {
		return enc.Encode(planJSON(dir, model, plans[0], grants, mig))
	}
	out := oauthJSON{Model: model}
	for _, p := range plans {
		out.Plans = append(out.Plans, planJSON(dir, model, p, grants, mig))
	}
	return enc.Encode(out)
}

// maxMarkdownReasons bounds the calls listed in a table cell.
const maxMarkdownReasons = 3

// writeScopesMarkdown prints a table per plan: each needed scope, what
// needs it and whether the app's grants hold it, then the excess ones.
func writeScopesMarkdown(w io.Writer, dir string, plans []*scopes.Plan, grants []*authz.Grant, mig *migration) error {
	var b strings.Builder
	for i, p := range plans {
		if i > 0 {
			b.WriteString("\n")
		}
		missing, excess := p.Status(grants)
		holders := p.Holders(grants)
		held := len(holders) > 0
		fmt.Fprintf(&b, "### %s\n\n", title(p, mig))
		if held {
			var names []string
			for _, g := range holders {
				names = append(names, g.Describe())
			}
			fmt.Fprintf(&b, "Compared with %s.\n\n", strings.Join(names, " and "))
		}
		if mig.active() {
			fmt.Fprintf(&b, "Moving to Forge from the Connect scopes %s (Atlassian's published equivalents, %s).\n\n", scopeList(mig.connect), forge.EquivalencesSource)
			b.WriteString("| scope | needed by | status | on moving to Forge |\n|---|---|---|---|\n")
		} else {
			b.WriteString("| scope | needed by | status |\n|---|---|---|\n")
		}
		for _, s := range p.Scopes {
			var cells []string
			for k, r := range s.Reasons {
				if k == maxMarkdownReasons {
					cells = append(cells, fmt.Sprintf("and %d more", len(s.Reasons)-k))
					break
				}
				cells = append(cells, fmt.Sprintf("%s at %s", mdCode(reasonText(r)), relPos(dir, r.At)))
			}
			status := "granted"
			switch {
			case !held:
				status = "–"
			case slices.Contains(missing, s.Scope):
				status = "**missing**"
			}
			if mig.active() {
				fmt.Fprintf(&b, "| %s | %s | %s | %s |\n", mdCode(s.Scope), strings.Join(cells, "<br>"), status, mig.text(s.Scope))
			} else {
				fmt.Fprintf(&b, "| %s | %s | %s |\n", mdCode(s.Scope), strings.Join(cells, "<br>"), status)
			}
		}
		for _, e := range excess {
			fmt.Fprintf(&b, "| %s | not needed by the code | **excess** |%s\n", mdCode(e), map[bool]string{true: " |"}[mig.active()])
		}
		if len(p.Scopes) == 0 && len(excess) == 0 {
			b.WriteString("| – | no call needs a scope | |\n")
		}
		if len(p.Never) > 0 {
			fmt.Fprintf(&b, "\n%s no scope of this model grants: ", plural(len(p.Never), "call", "calls"))
			b.WriteString(reasonList(dir, p.Never) + "\n")
		}
		if len(p.Unresolved) > 0 {
			var rs []scopes.Reason
			for _, u := range p.Unresolved {
				rs = append(rs, u.Reason)
			}
			fmt.Fprintf(&b, "\n%s (the table may be incomplete): %s\n", plural(len(p.Unresolved), "unresolved call", "unresolved calls"), reasonList(dir, rs))
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func reasonList(dir string, rs []scopes.Reason) string {
	var parts []string
	for k, r := range rs {
		if k == maxMarkdownReasons {
			parts = append(parts, fmt.Sprintf("and %d more", len(rs)-k))
			break
		}
		parts = append(parts, fmt.Sprintf("%s at %s", mdCode(r.What), relPos(dir, r.At)))
	}
	return strings.Join(parts, ", ")
}

// mdCode renders text as Markdown code, safe in a table cell.
func mdCode(s string) string {
	return "`" + strings.NewReplacer("`", "'", "|", "\\|").Replace(s) + "`"
}

// relPos renders a position with its file relative to dir when inside it.
func relPos(dir string, p authz.Position) string {
	if rel, err := filepath.Rel(dir, p.File); err == nil && !strings.HasPrefix(rel, "..") {
		p.File = filepath.ToSlash(rel)
	}
	return p.String()
}

// orList renders scopes as "READ, WRITE or DELETE".
func orList(names []string) string {
	if len(names) < 2 {
		return strings.Join(names, "")
	}
	return strings.Join(names[:len(names)-1], ", ") + " or " + names[len(names)-1]
}
