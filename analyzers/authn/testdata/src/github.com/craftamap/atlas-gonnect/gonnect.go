// Package gonnect is a stub of github.com/craftamap/atlas-gonnect.
package gonnect

type Addon struct{ Key *string }
