// Package integration holds end-to-end tests that drive connectlint through
// the real tools its users combine it with: golangci-lint (module plugin),
// pre-commit, Microsoft's SARIF Multitool and the GitHub problem matcher.
//
// The tests are skipped in -short mode, and each one is skipped with a
// message when its tool (npm, pre-commit, git) or the Go module proxy is
// unavailable. Tools and built binaries are cached under
// $XDG_CACHE_HOME/connectlint-integration (see cacheDir), so only the first
// run pays for installing them.
package integration
