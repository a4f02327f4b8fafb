package bad

// Parses, but does not type-check.
func Count() int { return "three" }
