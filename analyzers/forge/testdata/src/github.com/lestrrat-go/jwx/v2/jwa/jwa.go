// Package jwa is a stub of github.com/lestrrat-go/jwx/v2/jwa.
package jwa

type SignatureAlgorithm string

const (
	RS256 SignatureAlgorithm = "RS256"
	HS256 SignatureAlgorithm = "HS256"
)
