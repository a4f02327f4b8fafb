// Package jwtunverified trusts claims it never verified.
package jwtunverified

import "github.com/golang-jwt/jwt/v5"

func userOf(raw string) string {
	claims := jwt.MapClaims{}
	jwt.NewParser().ParseUnverified(raw, claims) // want `jwt ParseUnverified reads the claims without checking the signature, and nothing on this function.s path verifies the token`
	sub, _ := claims["sub"].(string)
	return sub
}
