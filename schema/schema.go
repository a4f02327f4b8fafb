// Package schema holds connectlint's JSON Schemas (draft 2020-12): one for
// the Atlassian Connect app descriptor, atlassian-connect.json, and one for
// the parts of the Forge app manifest, manifest.yml, that connectlint reads.
//
// The schemas are ours: written from Atlassian's documented fields, not
// copied from Atlassian's published or packaged ones.
package schema

import (
	"bytes"
	_ "embed"
	"sync"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

// DescriptorJSON is the descriptor schema document.
//
//go:embed descriptor.schema.json
var DescriptorJSON []byte

// DescriptorURL is the descriptor schema's $id.
const DescriptorURL = "https://github.com/connectlint/connectlint/schema/descriptor.schema.json"

// ManifestJSON is the Forge manifest schema document.
//
//go:embed manifest.schema.json
var ManifestJSON []byte

// ManifestURL is the Forge manifest schema's $id.
const ManifestURL = "https://github.com/connectlint/connectlint/schema/manifest.schema.json"

func compile(url string, data []byte) func() (*jsonschema.Schema, error) {
	return sync.OnceValues(func() (*jsonschema.Schema, error) {
		doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
		if err != nil {
			return nil, err
		}
		c := jsonschema.NewCompiler()
		c.DefaultDraft(jsonschema.Draft2020)
		if err := c.AddResource(url, doc); err != nil {
			return nil, err
		}
		return c.Compile(url)
	})
}

var (
	descriptor = compile(DescriptorURL, DescriptorJSON)
	manifest   = compile(ManifestURL, ManifestJSON)
)

// Descriptor returns the compiled descriptor schema. It is compiled once;
// an error means the embedded schema is broken, which the package's tests
// rule out.
func Descriptor() (*jsonschema.Schema, error) { return descriptor() }

// Manifest returns the compiled Forge manifest schema, compiled once.
func Manifest() (*jsonschema.Schema, error) { return manifest() }
