package vettool

import (
	"encoding/json"
	"fmt"
	"go/build"
	"os"
	"path/filepath"
	"strings"
)

// Config is the JSON file go vet writes for one package (cmd/go's
// vetConfig). Fields connectlint does not use are left out.
type Config struct {
	ID           string   // package ID, e.g. "example.com/m [example.com/m.test]"
	Compiler     string   // gc or gccgo
	Dir          string   // the package's directory
	ImportPath   string   // the package's path
	GoFiles      []string // absolute paths
	NonGoFiles   []string
	IgnoredFiles []string

	ModulePath    string
	ModuleVersion string            // "" for the main module and workspace modules
	ImportMap     map[string]string // import path in source -> package path
	PackageFile   map[string]string // package path -> compiler export data
	Standard      map[string]bool   // package path -> in the standard library
	PackageVetx   map[string]string // package path -> our output for that dependency
	VetxOnly      bool              // a dependency: compute facts, report nothing
	VetxOutput    string            // where our output for this package goes
	Stdout        string            // where standard output goes (go vet caches it)
	GoVersion     string            // e.g. "go1.26"

	SucceedOnTypecheckFailure bool
}

// ReadConfig reads the config go vet wrote.
func ReadConfig(file string) (*Config, error) {
	data, err := os.ReadFile(file)
	if err != nil {
		return nil, err
	}
	cfg := new(Config)
	if err := json.Unmarshal(data, cfg); err != nil {
		return nil, fmt.Errorf("cannot decode go vet's config %s: %v", file, err)
	}
	if len(cfg.GoFiles) == 0 {
		return nil, fmt.Errorf("go vet's config %s lists no Go files for %s", file, cfg.ImportPath)
	}
	return cfg, nil
}

// standard reports whether the package is in the standard library. go vet
// says so for imports only, so judge as cmd/go does: no module, no dot in
// the first path element, and (when GOROOT is known) a directory in it.
func (cfg *Config) standard() bool {
	first, _, _ := strings.Cut(cfg.ImportPath, "/")
	if cfg.ModulePath != "" || strings.Contains(first, ".") {
		return false
	}
	if root := build.Default.GOROOT; root != "" {
		rel, err := filepath.Rel(filepath.Join(root, "src"), cfg.Dir)
		if err == nil && filepath.IsLocal(rel) {
			return true
		}
	}
	// Another toolchain's GOROOT (GOTOOLCHAIN): std imports only std.
	for _, path := range cfg.ImportMap {
		if !cfg.Standard[path] && path != "unsafe" {
			return false
		}
	}
	return true
}
