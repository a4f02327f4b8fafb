// Package robustness holds tests only: connectlint, run as its real
// binary, over Go code that is broken, unusual or huge — syntax and type
// errors, import cycles, missing modules, cgo, generics, a function of
// 50 000 statements, expressions nested 10 000 deep and a package of
// 5 000 files. Each run must end without a panic, with the exit status
// and messages a user can act on, and within a memory bound. The small
// fixtures are in testdata/badgo; the huge ones are generated into a
// temporary directory.
package robustness
