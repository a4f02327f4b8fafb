// Package manifest finds, parses and validates the Forge app manifest
// (manifest.yml) and hands the typed result to the other analyzers.
//
// # Discovery
//
// For each package, the first that applies:
//
//  1. the -manifest.file flag (the connectlint driver's -manifest);
//  2. the config file's manifest: entry;
//  3. the nearest manifest.yml in the package directory and each parent,
//     up to the repository root (the nearest directory holding .git),
//     past the module root: a Go remote backend often has its own go.mod
//     in a folder of the Forge app. Outside a repository the walk stops at
//     the module root. vendor/, node_modules/ and .git/ are never searched.
//
// A discovered manifest.yml that is not Forge's (no app:, modules:,
// permissions:, remotes:, connectModules: or resources: key at the top and
// no Forge app id, as in Cloud Foundry's manifests) is ignored.
//
// # Reading
//
// The manifest is read with os.ReadFile and parsed by forge.Parse, which
// validates it against the schema in the schema package. Positions are
// reported through a token.File added to pass.Fset. Each file is read
// once per process for a given path, size and modification time.
//
// go vet caches a package's results by its build inputs and by the tool's
// version line; Fingerprint adds every manifest a package may use to that
// line, so an edit to the manifest re-runs the analysis.
//
// # Reporting each problem once
//
// The manifest's problems are reported by main packages and by the package
// in the manifest's home directory (the nearest directory at or above the
// manifest's own, within the module, that holds Go files). External test
// packages never report them.
package manifest
