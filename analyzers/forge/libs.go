package forge

import (
	"go/ast"
	"go/types"
	"strings"

	"github.com/connectlint/connectlint/analyzers/authn"
)

// The JWT libraries whose verification connectlint reads.
type library uint8

const (
	noLib     library = iota
	golangJWT         // github.com/golang-jwt/jwt and its forks (authn's list)
	jwx               // github.com/lestrrat-go/jwx v2 and v3
	goJose            // github.com/go-jose/go-jose and gopkg.in/square/go-jose
)

// libraryOf names the JWT library a package path belongs to.
func libraryOf(path string) library {
	switch {
	case authn.IsJWTPackage(path):
		return golangJWT
	case strings.HasPrefix(path, "github.com/lestrrat-go/jwx/") && strings.HasSuffix(path, "/jwt"):
		return jwx
	case strings.HasSuffix(path, "/jwt") && (strings.HasPrefix(path, "github.com/go-jose/go-jose") ||
		strings.HasPrefix(path, "gopkg.in/square/go-jose") || strings.HasPrefix(path, "gopkg.in/go-jose/go-jose")):
		return goJose
	}
	return noLib
}

// IsJWTAPI reports whether a package is a JWT library whose verification
// this analyzer reads: an importer of it may hold facts.
func IsJWTAPI(path string) bool { return libraryOf(path) != noLib }

// What a function (with the functions it calls) does, as bits.
type bits uint32

const (
	readsSystem  bits = 1 << iota // reads the x-forge-oauth-system header
	readsUser                     // reads the x-forge-oauth-user header
	readsBody                     // reads the request body
	readsAuth                     // reads the Authorization header
	opaque                        // calls code connectlint cannot see into
	verifies                      // verifies a JWT signature (a known library)
	pinsAlg                       // pins the signing algorithm
	checksIss                     // checks the issuer
	checksAud                     // checks the audience
	checksExp                     // checks expiry explicitly (go-jose Validate)
	skipsExp                      // turns the expiry check off
	skipsSig                      // turns the signature check off (jwx WithVerify(false))
	expByDefault                  // verifies with a library that checks exp by default
)

const uses = readsSystem | readsUser | readsBody

// libraryCall reads one call into a JWT library: what it verifies or
// turns off, and a constant audience it names.
func (c *checker) libraryCall(lib library, fn *types.Func, call *ast.CallExpr) (b bits, aud string) {
	name := fn.Name()
	switch name {
	case "WithIssuer", "VerifyIssuer", "ValidateIssuer":
		return checksIss, ""
	case "WithAudience", "VerifyAudience", "ValidateAudience":
		return checksAud, c.constArg(call, 0)
	}
	switch lib {
	case golangJWT:
		switch name {
		case "Parse", "ParseWithClaims":
			return verifies | expByDefault, ""
		case "WithValidMethods":
			return pinsAlg, ""
		case "WithoutClaimsValidation":
			return skipsExp, ""
		case "Alg":
			return pinsAlg, ""
		}
	case jwx:
		switch name {
		case "Parse", "ParseString", "ParseRequest", "ParseHeader", "ParseForm", "ParseCookie", "ParseReader":
			return verifies | expByDefault, ""
		case "WithKeySet":
			return pinsAlg, ""
		case "WithKey":
			if len(call.Args) > 0 && mentions(call.Args[0], "RS256") {
				return pinsAlg, ""
			}
		case "WithVerify":
			if c.isFalse(call, 0) {
				return skipsSig, ""
			}
		case "WithValidate":
			if c.isFalse(call, 0) {
				return skipsExp, ""
			}
		case "Validate":
			return checksExp, ""
		}
	case goJose:
		switch name {
		case "ParseSigned":
			if len(call.Args) > 1 && mentions(call.Args[1], "RS256") {
				return pinsAlg, ""
			}
		case "Claims":
			if sig, ok := fn.Type().(*types.Signature); ok && sig.Recv() != nil {
				return verifies, ""
			}
		case "Validate", "ValidateWithLeeway":
			return checksExp, ""
		}
	}
	return 0, ""
}

// compositeLit reads library option structs: golang-jwt's
// Parser{SkipClaimsValidation: true}, go-jose's Expected{Issuer, AnyAudience}.
func (c *checker) compositeLit(lit *ast.CompositeLit) (b bits, aud string) {
	n := namedOf(c.pass.TypesInfo.TypeOf(lit))
	if n == nil || n.Obj().Pkg() == nil {
		return 0, ""
	}
	lib := libraryOf(n.Obj().Pkg().Path())
	if lib == noLib {
		return 0, ""
	}
	for _, e := range lit.Elts {
		kv, ok := e.(*ast.KeyValueExpr)
		if !ok {
			continue
		}
		key, _ := kv.Key.(*ast.Ident)
		if key == nil {
			continue
		}
		switch key.Name {
		case "SkipClaimsValidation":
			if tv := c.pass.TypesInfo.Types[kv.Value]; tv.Value != nil && tv.Value.String() == "true" {
				b |= skipsExp
			}
		case "ValidMethods":
			b |= pinsAlg
		case "Issuer":
			b |= checksIss
		case "AnyAudience", "Audience":
			b |= checksAud
			if aud == "" {
				aud = c.constIn(kv.Value)
			}
		}
	}
	return b, aud
}

// mentions reports whether an expression names an identifier or holds a
// string constant equal to name (jwa.RS256, "RS256", jose.RS256).
func mentions(e ast.Expr, name string) bool {
	found := false
	ast.Inspect(e, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.Ident:
			found = found || n.Name == name
		case *ast.BasicLit:
			found = found || strings.Trim(n.Value, "\"`") == name
		}
		return !found
	})
	return found
}

func (c *checker) constArg(call *ast.CallExpr, i int) string {
	if i >= len(call.Args) {
		return ""
	}
	return c.constIn(call.Args[i])
}

// constIn returns the string constant e is, or the first element of a
// literal list e is when that is a constant.
func (c *checker) constIn(e ast.Expr) string {
	if s, ok := constString(c.pass.TypesInfo, e); ok {
		return s
	}
	if lit, ok := ast.Unparen(e).(*ast.CompositeLit); ok && len(lit.Elts) > 0 {
		s, _ := constString(c.pass.TypesInfo, lit.Elts[0])
		return s
	}
	return ""
}

func (c *checker) isFalse(call *ast.CallExpr, i int) bool {
	if i >= len(call.Args) {
		return false
	}
	tv := c.pass.TypesInfo.Types[call.Args[i]]
	return tv.Value != nil && tv.Value.String() == "false"
}
