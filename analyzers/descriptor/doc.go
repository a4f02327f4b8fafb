// Package descriptor finds, parses and validates the Atlassian Connect app
// descriptor (atlassian-connect.json) and hands the typed result to the
// other analyzers.
//
// # Discovery
//
// For each package, the first that applies:
//
//  1. the -descriptor.file flag (the connectlint driver's -descriptor);
//  2. an atlassian-connect.json the package embeds with //go:embed, directly
//     or inside an embedded directory;
//  3. the nearest one found walking from the package directory up to the
//     module root (the nearest go.mod), looking at each level in the
//     directory itself and in its conventional sub-folders static/, assets/,
//     templates/, web/ and public/, down to nested folders such as
//     assets/templates/ac/.
//
// vendor/, node_modules/ and .git/ are never searched. When one step finds
// several files at the same depth, none is used and a descriptor-ambiguous
// note names them. A directory named atlassian-connect.json is a candidate
// like a file, and is reported as not being one.
//
// # Reading
//
// The descriptor is read with os.ReadFile (pass.ReadFile refuses files that
// are not build inputs) and parsed by connect.Parse, which validates it
// against the schema in the schema package. Positions are reported through
// a token.File added to pass.Fset, as the asmdecl pass does for assembly.
// Each file is read, parsed and checked once per process for a given path,
// size and modification time, and added once per FileSet, so a large
// module does not re-parse it for every package.
//
// go vet caches a package's clean result by its build inputs; edits to a
// descriptor that is not embedded are not seen until a Go file changes.
// Embedding the descriptor in the main package makes it a build input.
//
// # Reporting each problem once
//
// Every package that finds the descriptor gets it in its Result, but only
// its owners report its findings, so that go vet, which analyses each
// package in a separate process, does not print them once per package.
// The owners are:
//
//   - packages that embed the descriptor;
//   - main packages;
//   - the package in the descriptor's home directory: the nearest directory
//     at or above the descriptor's own, within the module, that holds
//     non-test Go files.
//
// External test packages (package x_test) never own it. A module whose
// main package lives in cmd/app and whose descriptor sits at the module
// root is thus reported by cmd/app; a module with two main packages
// reports it twice under go vet, and the standalone driver, which removes
// identical findings, once.
package descriptor
