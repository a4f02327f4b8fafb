package descriptor

import (
	"fmt"
	"go/build"
	"go/token"
	"os"
	"path/filepath"
	"reflect"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/connectlint/connectlint/internal/config"
	"github.com/connectlint/connectlint/internal/connect"
)

// Result is what other analyzers see. Descriptor is nil when no descriptor
// was found or it could not be parsed; checks that need it stay silent then.
type Result struct {
	Descriptor *connect.Descriptor
	// File is the descriptor's token.File in pass.Fset, for positions.
	File *token.File
}

// Pos converts a byte offset in the descriptor to a token.Pos.
func (r *Result) Pos(offset int) token.Pos {
	if r == nil || r.File == nil || offset < 0 || offset > r.File.Size() {
		return token.NoPos
	}
	return r.File.Pos(offset)
}

const summary = "find, parse and validate the Atlassian Connect app descriptor"

var Analyzer = &analysis.Analyzer{
	Name:       "descriptor",
	Doc:        summary,
	URL:        "https://github.com/connectlint/connectlint/blob/main/docs/rules.md",
	Run:        run,
	ResultType: reflect.TypeFor[*Result](),
}

// explicitFile is the -descriptor.file flag; the connectlint driver sets
// it from its own -descriptor flag.
var explicitFile string

func init() {
	Analyzer.Flags.StringVar(&explicitFile, "file", "",
		"app descriptor `path` to use instead of discovering atlassian-connect.json (relative to the working directory, else to the module root)")
}

func run(pass *analysis.Pass) (any, error) {
	dir := packageDir(pass)
	if dir == "" || outsideApp(pass, dir) {
		return &Result{}, nil
	}
	disc := discover(explicitPath(dir), dir, pass.Files)

	if len(disc.ambiguous) > 0 {
		if owns(pass, dir, disc.level, false) {
			reportAmbiguous(pass, disc)
		}
		return &Result{}, nil
	}
	if disc.path == "" {
		return &Result{}, nil
	}

	l := load(disc.path)
	file := l.tokenFile(pass.Fset)
	if owns(pass, dir, homeDir(disc.path, config.ModuleRoot(dir)), disc.embedded) {
		for _, f := range l.findings {
			report(pass, file, f)
		}
	}
	return &Result{Descriptor: l.desc, File: file}, nil
}

// outsideApp reports whether the package belongs to the standard library
// or a versioned dependency. Analyzers with facts run on those too; they
// are not the app, so they get no descriptor.
func outsideApp(pass *analysis.Pass, dir string) bool {
	if m := pass.Module; m != nil && m.Version != "" {
		return true
	}
	goroot := build.Default.GOROOT
	return goroot != "" && within(dir, filepath.Join(goroot, "src"))
}

// explicitPath is the descriptor chosen by the user: the -descriptor.file
// flag, else the config file's "descriptor" (the only way to choose it under
// go vet, which passes no connectlint flags). A broken config file is
// reported by the connectlint analyzer, not here.
func explicitPath(dir string) string {
	if explicitFile != "" {
		return resolveExplicit(explicitFile, dir)
	}
	if cfg, err := config.Load(dir); err == nil && cfg != nil {
		return cfg.Descriptor
	}
	return ""
}

// resolveExplicit makes the -descriptor.file path absolute: relative to the
// working directory, or else to the module root, because go vet runs the
// tool in each package's directory.
func resolveExplicit(file, dir string) string {
	if file == "" || filepath.IsAbs(file) {
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

// owns reports whether this package reports the descriptor's findings, so
// that go vet, which runs each package in its own process, prints them
// once rather than once per package. See the package documentation.
func owns(pass *analysis.Pass, dir, home string, embeds bool) bool {
	switch name := pass.Pkg.Name(); {
	case strings.HasSuffix(name, "_test"):
		return false
	case embeds, name == "main":
		return true
	}
	return home != "" && dir == home
}

func reportAmbiguous(pass *analysis.Pass, disc discovery) {
	rel := make([]string, len(disc.ambiguous))
	for i, p := range disc.ambiguous {
		rel[i] = p
		if r, err := filepath.Rel(disc.level, p); err == nil {
			rel[i] = filepath.ToSlash(r)
		}
	}
	l := load(disc.ambiguous[0])
	f := finding{rule: ruleAmbiguous, severity: ruleAmbiguous.Severity, span: connect.Span{},
		msg: fmt.Sprintf("found %d equally near app descriptors (%s), so none is used; choose one with -descriptor FILE or embed it with //go:embed",
			len(rel), strings.Join(rel, ", "))}
	report(pass, l.tokenFile(pass.Fset), f)
}

func report(pass *analysis.Pass, file *token.File, f finding) {
	off := min(max(f.span.Offset, 0), file.Size())
	end := min(max(f.span.End, off), file.Size())
	f.rule.ReportSeverityf(pass, posRange{file.Pos(off), file.Pos(end)}, f.severity, "%s", f.msg)
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
