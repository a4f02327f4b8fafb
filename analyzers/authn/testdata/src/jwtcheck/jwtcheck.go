// Package jwtcheck verifies JWTs in good and bad ways (golang-jwt v5).
package jwtcheck

import (
	"errors"
	"fmt"

	"github.com/golang-jwt/jwt/v5"
)

func secretFor(t *jwt.Token) []byte { return nil }

func unpinned(raw string) (*jwt.Token, error) {
	return jwt.Parse(raw, func(t *jwt.Token) (any, error) { // want `jwt.Parse accepts whichever signing algorithm the token names: check token.Method in the key function \(token.Method.\(\*jwt.SigningMethodHMAC\)\) or pass jwt.WithValidMethods\(\[\]string\{"HS256"\}\)`
		return secretFor(t), nil
	})
}

func loggedOnly(raw string) (*jwt.Token, error) {
	return jwt.ParseWithClaims(raw, jwt.MapClaims{}, func(t *jwt.Token) (any, error) { // want `jwt.ParseWithClaims accepts whichever signing algorithm`
		fmt.Println("alg", t.Header["alg"]) // logging the algorithm checks nothing
		return secretFor(t), nil
	})
}

func withValidMethods(raw string) (*jwt.Token, error) {
	return jwt.Parse(raw, func(t *jwt.Token) (any, error) {
		return secretFor(t), nil
	}, jwt.WithValidMethods([]string{"HS256"}))
}

func assertsHMAC(raw string) (*jwt.Token, error) {
	return jwt.Parse(raw, func(t *jwt.Token) (any, error) {
		if _, ok := t.Method.(*jwt.SigningMethodHMAC); !ok {
			return nil, fmt.Errorf("unexpected signing method %v", t.Header["alg"])
		}
		return secretFor(t), nil
	})
}

func keyFunc(t *jwt.Token) (any, error) {
	if t.Method.Alg() != "HS256" {
		return nil, errors.New("unexpected signing method")
	}
	return secretFor(t), nil
}

func comparesAlg(raw string) (*jwt.Token, error) {
	return jwt.Parse(raw, keyFunc)
}

func comparesMethod(raw string) (*jwt.Token, error) {
	return jwt.Parse(raw, func(t *jwt.Token) (any, error) {
		if t.Method != jwt.SigningMethodHS256 {
			return nil, errors.New("unexpected signing method")
		}
		return secretFor(t), nil
	})
}

func unknownKeyFunc(raw string, kf jwt.Keyfunc) (*jwt.Token, error) {
	return jwt.Parse(raw, kf) // the key function is not ours to judge
}

func parsers(raw string) {
	pinned := jwt.NewParser(jwt.WithValidMethods([]string{"HS256"}))
	pinned.Parse(raw, func(t *jwt.Token) (any, error) { return secretFor(t), nil })

	loose := jwt.NewParser(jwt.WithExpirationRequired())
	loose.Parse(raw, func(t *jwt.Token) (any, error) { return secretFor(t), nil }) // want `\(\*jwt.Parser\).Parse accepts whichever signing algorithm`
}

func expiry(raw string) {
	jwt.Parse(raw, keyFunc, jwt.WithoutClaimsValidation()) // want `jwt.WithoutClaimsValidation turns off the exp and nbf checks, so expired tokens are accepted: remove it`
}

func none(raw string) {
	jwt.Parse(raw, func(t *jwt.Token) (any, error) {
		return jwt.UnsafeAllowNoneSignatureType, nil // want `jwt.UnsafeAllowNoneSignatureType accepts unsigned tokens \(alg: none\)`
	}, jwt.WithValidMethods([]string{"HS256", "none"})) // want `"none" among the valid JWT methods accepts unsigned tokens`
}

func checkedBefore(raw string, method jwt.SigningMethod) (*jwt.Token, error) {
	unverified, _ := jwt.Parse(raw, nil)
	if unverified.Method.Alg() != method.Alg() {
		return nil, errors.New("unexpected signing method")
	}
	return jwt.Parse(raw, func(t *jwt.Token) (any, error) { return secretFor(t), nil })
}
