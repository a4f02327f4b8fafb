// Package schema holds connectlint's JSON Schema (draft 2020-12) for the
// Atlassian Connect app descriptor, atlassian-connect.json.
//
// The schema is ours: written from Atlassian's documented descriptor fields,
// not copied from Atlassian's outdated published one.
package schema

import (
	"bytes"
	_ "embed"
	"sync"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

// DescriptorJSON is the schema document.
//
//go:embed descriptor.schema.json
var DescriptorJSON []byte

// DescriptorURL is the schema's $id.
const DescriptorURL = "https://github.com/connectlint/connectlint/schema/descriptor.schema.json"

var compiled = sync.OnceValues(func() (*jsonschema.Schema, error) {
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(DescriptorJSON))
	if err != nil {
		return nil, err
	}
	c := jsonschema.NewCompiler()
	c.DefaultDraft(jsonschema.Draft2020)
	if err := c.AddResource(DescriptorURL, doc); err != nil {
		return nil, err
	}
	return c.Compile(DescriptorURL)
})

// Descriptor returns the compiled descriptor schema. It is compiled once;
// an error means the embedded schema is broken, which the package's tests
// rule out.
func Descriptor() (*jsonschema.Schema, error) { return compiled() }
