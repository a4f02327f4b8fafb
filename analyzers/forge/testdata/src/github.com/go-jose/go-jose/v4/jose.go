// Package jose is a stub of github.com/go-jose/go-jose/v4.
package jose

type SignatureAlgorithm string

const (
	RS256 SignatureAlgorithm = "RS256"
	HS256 SignatureAlgorithm = "HS256"
)

type JSONWebKey struct{ Key any }

type JSONWebKeySet struct{ Keys []JSONWebKey }
