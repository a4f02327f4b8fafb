package runner

import (
	"bytes"
	"cmp"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os/exec"
	"path/filepath"
	"strings"
)

// listed is one package as `go list -json` describes it (the fields the
// runner uses).
type listed struct {
	ImportPath      string // "p", or "p [p.test]" for a test variant
	Name            string
	Dir             string
	ForTest         string
	DepOnly         bool
	Export          string
	Standard        bool
	GoFiles         []string
	CgoFiles        []string
	CompiledGoFiles []string
	IgnoredGoFiles  []string
	CFiles          []string
	CXXFiles        []string
	MFiles          []string
	HFiles          []string
	FFiles          []string
	SFiles          []string
	SwigFiles       []string
	SwigCXXFiles    []string
	SysoFiles       []string
	EmbedPatterns   []string
	EmbedFiles      []string
	Imports         []string          // resolved: "q [p.test]" for a test variant
	ImportMap       map[string]string // source path -> resolved, where they differ
	Module          *struct {
		Path      string
		Version   string
		GoVersion string
		Main      bool
		Dir       string
		Replace   *struct {
			Version string
			Dir     string
		}
	}
	Error *struct {
		Pos string
		Err string
	}
	DepsErrors []*struct {
		ImportStack []string
		Pos         string
		Err         string
	}
}

// path is the package's path without a test variant's " [p.test]".
func (p *listed) path() string {
	path, _, _ := strings.Cut(p.ImportPath, " ")
	return path
}

// isTestMain reports whether p is the generated main package of a test.
func (p *listed) isTestMain() bool {
	return p.Name == "main" && p.ForTest == "" && strings.HasSuffix(p.ImportPath, ".test")
}

// listFields are the fields asked of go list.
const listFields = "ImportPath,Name,Dir,ForTest,DepOnly,Export,Standard,GoFiles,CgoFiles,CompiledGoFiles,IgnoredGoFiles," +
	"CFiles,CXXFiles,MFiles,HFiles,FFiles,SFiles,SwigFiles,SwigCXXFiles,SysoFiles,EmbedPatterns,EmbedFiles,Imports,ImportMap,Module,Error,DepsErrors"

// errLoad says go list could not list the packages at all.
var errLoad = errors.New("go list failed")

// goList lists the packages matching patterns and all their dependencies,
// dependencies first, with their compiled export data.
func goList(goCmd, dir string, tests bool, patterns []string) ([]*listed, string, error) {
	args := []string{"list", "-e", "-json=" + listFields, "-deps", "-export", "-compiled"}
	if tests {
		args = append(args, "-test")
	}
	pkgs, stderr, runErr, err := runGoList(goCmd, dir, append(append(args, "--"), patterns...))
	if err == nil && runErr != nil && len(pkgs) == 0 {
		err = fmt.Errorf("%w: %s", errLoad, strings.TrimSpace(stderr))
	}
	return pkgs, stderr, err
}

// goListExport asks the go command for the export data of the named
// packages only, and with tests of their test variants; any failure of
// the go command is an error.
func goListExport(goCmd, dir string, tests bool, paths []string) ([]*listed, error) {
	args := []string{"list", "-e", "-json=ImportPath,Export,Error,DepsErrors", "-export"}
	if tests {
		args = append(args, "-test")
	}
	pkgs, _, runErr, err := runGoList(goCmd, dir, append(append(args, "--"), paths...))
	return pkgs, cmp.Or(err, runErr)
}

// runGoList runs go list and reads the packages it describes: err says
// its output could not be read, runErr how the command ended.
func runGoList(goCmd, dir string, args []string) (pkgs []*listed, stderr string, runErr, err error) {
	cmd := exec.Command(cmp.Or(goCmd, "go"), args...)
	cmd.Dir = dir
	var stdout, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &errOut
	runErr = cmd.Run()
	dec := json.NewDecoder(&stdout)
	for {
		p := new(listed)
		if err := dec.Decode(p); err == io.EOF {
			break
		} else if err != nil {
			return nil, errOut.String(), runErr, fmt.Errorf("reading go list's output: %v", err)
		}
		pkgs = append(pkgs, p)
	}
	return pkgs, errOut.String(), runErr, nil
}

// abs makes go list's file names absolute (CompiledGoFiles of cgo
// packages are already, in the build cache).
func abs(dir string, names []string) []string {
	out := make([]string, 0, len(names))
	for _, n := range names {
		if !filepath.IsAbs(n) {
			n = filepath.Join(dir, n)
		}
		out = append(out, n)
	}
	return out
}
