package manifest

import (
	"go/build"
	"go/token"
	"os"
	"path/filepath"
	"reflect"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/connectlint/connectlint/analyzers/descriptor"
	"github.com/connectlint/connectlint/internal/config"
	"github.com/connectlint/connectlint/internal/forge"
	"github.com/connectlint/connectlint/internal/rules"
)

// Result is what other analyzers see. Manifest is nil when no Forge
// manifest was found or it could not be parsed; checks that need it stay
// silent then.
type Result struct {
	Manifest *forge.Manifest
	// File is the manifest's token.File in pass.Fset, for positions; nil
	// when no manifest was found.
	File *token.File
	// Data is the manifest's content as Manifest was parsed from, for
	// forge.AddScopes.
	Data []byte
}

// Pos converts a byte offset in the manifest to a token.Pos.
func (r *Result) Pos(offset int) token.Pos {
	if r == nil || r.File == nil || offset < 0 || offset > r.File.Size() {
		return token.NoPos
	}
	return r.File.Pos(offset)
}

// Range is a span of the manifest as an analysis.Range, for reporting.
func (r *Result) Range(s forge.Span) analysis.Range {
	if r == nil || r.File == nil {
		return posRange{}
	}
	off := min(max(s.Offset, 0), r.File.Size())
	end := min(max(s.End, off), r.File.Size())
	return posRange{r.File.Pos(off), r.File.Pos(end)}
}

const summary = "find, parse and validate the Forge app manifest, manifest.yml"

var Analyzer = &analysis.Analyzer{
	Name:       "manifest",
	Doc:        summary,
	URL:        "https://github.com/connectlint/connectlint/blob/main/docs/rules.md",
	Run:        run,
	Requires:   []*analysis.Analyzer{descriptor.Analyzer},
	ResultType: reflect.TypeFor[*Result](),
}

// explicitFile is the -manifest.file flag; the connectlint driver sets it
// from its own -manifest flag.
var explicitFile string

func init() {
	Analyzer.Flags.StringVar(&explicitFile, "file", "",
		"Forge manifest `path` to use instead of discovering manifest.yml (relative to the working directory, else to the module root)")
}

func run(pass *analysis.Pass) (any, error) {
	dir := packageDir(pass)
	if dir == "" || outsideApp(pass, dir) {
		return &Result{}, nil
	}
	path, explicit := explicitPath(dir)
	if path == "" {
		path = discover(dir)
	}
	if path == "" {
		return &Result{}, nil
	}
	l := load(path, explicit)
	if l.notForge {
		return &Result{}, nil
	}
	file := l.tokenFile(pass.Fset)
	res := &Result{Manifest: l.manifest, File: file, Data: l.data}
	if owns(pass, dir, homeDir(path, config.ModuleRoot(dir))) {
		for _, p := range l.problems {
			ruleInvalid.Reportf(pass, res.Range(p.Span), "%s", p.Msg)
		}
		if r, ok := rules.Lookup("unknown-scope"); ok {
			for _, p := range forge.UnknownScopes(l.manifest) {
				r.Reportf(pass, res.Range(p.Span), "%s", p.Msg)
			}
		}
		reportIgnoredDescriptor(pass, res)
	}
	return res, nil
}

// reportIgnoredDescriptor notes, once, that a Connect app on Forge has a
// descriptor whose scopes Atlassian no longer reads.
func reportIgnoredDescriptor(pass *analysis.Pass, res *Result) {
	desc, _ := pass.ResultOf[descriptor.Analyzer].(*descriptor.Result)
	if path := IgnoredDescriptor(res, desc); path != "" {
		rel := path
		if r, err := filepath.Rel(filepath.Dir(res.Manifest.Path), path); err == nil {
			rel = filepath.ToSlash(r)
		}
		ruleDescriptorIgnored.Reportf(pass, res.Range(res.Manifest.Connect.Span),
			"app.connect makes this a Connect app on Forge: Atlassian enforces the scopes of manifest.yml, and those of %s are ignored", rel)
	}
}

// IgnoredDescriptor returns the path of the descriptor whose scopes
// Atlassian ignores because the manifest has app.connect (Connect on
// Forge), or "" when there is none. The scope checks judge such an app
// against the manifest alone.
func IgnoredDescriptor(m *Result, d *descriptor.Result) string {
	if m == nil || !m.Manifest.IsConnectOnForge() || d == nil || d.Descriptor == nil || len(d.Descriptor.Scopes) == 0 {
		return ""
	}
	return d.Descriptor.Path
}

// outsideApp reports whether the package belongs to the standard library
// or a versioned dependency: not the app, so it gets no manifest.
func outsideApp(pass *analysis.Pass, dir string) bool {
	if m := pass.Module; m != nil && m.Version != "" {
		return true
	}
	goroot := build.Default.GOROOT
	return goroot != "" && within(dir, filepath.Join(goroot, "src"))
}

// explicitPath is the manifest chosen by the user: the -manifest.file
// flag, else the config file's "manifest". A broken config file is
// reported by the connectlint analyzer, not here.
func explicitPath(dir string) (string, bool) {
	if explicitFile != "" {
		return resolveExplicit(explicitFile, dir), true
	}
	if cfg, err := config.Load(dir); err == nil && cfg != nil && cfg.Manifest != "" {
		return cfg.Manifest, true
	}
	return "", false
}

// resolveExplicit makes the -manifest.file path absolute: relative to the
// working directory, or else to the module root, because go vet runs the
// tool in each package's directory.
func resolveExplicit(file, dir string) string {
	if filepath.IsAbs(file) {
		return file
	}
	abs, err := filepath.Abs(file)
	if err != nil {
		return file
	}
	if _, err := os.Stat(abs); err != nil {
		if root := config.ModuleRoot(dir); root != "" {
			if _, err := os.Stat(filepath.Join(root, file)); err == nil {
				return filepath.Join(root, file)
			}
		}
	}
	return abs
}

// owns reports whether this package reports the manifest's problems, so
// that go vet prints them once rather than once per package: main
// packages, and the package in the manifest's home directory.
func owns(pass *analysis.Pass, dir, home string) bool {
	switch name := pass.Pkg.Name(); {
	case strings.HasSuffix(name, "_test"):
		return false
	case name == "main":
		return true
	}
	return home != "" && dir == home
}

type posRange struct{ pos, end token.Pos }

func (r posRange) Pos() token.Pos { return r.pos }
func (r posRange) End() token.Pos { return r.end }

// packageDir returns the directory of the package's source files, using
// //line-adjusted positions so cgo packages name their real directory.
func packageDir(pass *analysis.Pass) string {
	for _, f := range pass.Files {
		name := pass.Fset.PositionFor(f.Package, true).Filename
		if strings.HasSuffix(name, ".go") && filepath.IsAbs(name) {
			return filepath.Dir(name)
		}
	}
	return ""
}
