package gclplugin

import (
	"fmt"

	"github.com/connectlint/connectlint/analyzers/descriptor"
)

// setDescriptor makes every package use the descriptor at path, as the
// connectlint command's -descriptor flag does.
func setDescriptor(path string) error {
	f := descriptor.Analyzer.Flags.Lookup("file")
	if f == nil {
		return fmt.Errorf("connectlint settings: descriptor: this connectlint version has no descriptor file flag")
	}
	return f.Value.Set(path)
}
