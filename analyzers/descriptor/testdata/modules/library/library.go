package library

func Version() string { return "1" }
