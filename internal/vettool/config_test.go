package vettool

import (
	"go/build"
	"path/filepath"
	"testing"
)

func TestStandard(t *testing.T) {
	elsewhere := t.TempDir() // not in this toolchain's GOROOT: another toolchain's
	for _, tc := range []struct {
		name string
		cfg  Config
		want bool
	}{
		{"in GOROOT", Config{ImportPath: "fmt", Dir: filepath.Join(build.Default.GOROOT, "src", "fmt")}, true},
		{"std-only imports elsewhere", Config{ImportPath: "fmt", Dir: elsewhere, ImportMap: map[string]string{"errors": "errors", "unsafe": "unsafe"}, Standard: map[string]bool{"errors": true}}, true},
		{"non-std import", Config{ImportPath: "tool", Dir: elsewhere, ImportMap: map[string]string{"example.com/x": "example.com/x"}}, false},
		{"module", Config{ImportPath: "example.com/m", ModulePath: "example.com/m", Dir: elsewhere}, false},
		{"dotted path", Config{ImportPath: "example.com/gopath", Dir: elsewhere}, false},
	} {
		if got := tc.cfg.standard(); got != tc.want {
			t.Errorf("%s: standard() = %v, want %v", tc.name, got, tc.want)
		}
	}
}
