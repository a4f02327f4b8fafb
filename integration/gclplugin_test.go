package integration

import (
	"path/filepath"
	"testing"
	"time"
)

// TestGclpluginModule vets and tests the gclplugin module, which go test
// ./... at the repository root does not reach (it is a module of its own).
// It fails when a new dependency of the core is missing from gclplugin's
// go.mod: run `go mod tidy` in gclplugin.
func TestGclpluginModule(t *testing.T) {
	integration(t)
	dir := filepath.Join(repoRoot(t), "gclplugin")
	env := []string{"GOFLAGS=-mod=readonly"}
	mustRun(t, 5*time.Minute, dir, env, "go", "vet", "./...")
	mustRun(t, 5*time.Minute, dir, env, "go", "test", "-count=1", "./...")
}
