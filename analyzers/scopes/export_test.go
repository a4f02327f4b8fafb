package scopes

// Run is the analyzer's run function, for tests that wrap the analyzer.
var Run = run
