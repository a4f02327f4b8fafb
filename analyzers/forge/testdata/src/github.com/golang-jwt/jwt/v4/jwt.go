// Package jwt is a stub of github.com/golang-jwt/jwt/v4.
package jwt

type SigningMethod interface {
	Verify(signingString, signature string, key any) error
	Sign(signingString string, key any) (string, error)
	Alg() string
}

type SigningMethodHMAC struct{ Name string }

func (m *SigningMethodHMAC) Verify(signingString, signature string, key any) error { return nil }
func (m *SigningMethodHMAC) Sign(signingString string, key any) (string, error)    { return "", nil }
func (m *SigningMethodHMAC) Alg() string                                           { return m.Name }

var SigningMethodHS256 = &SigningMethodHMAC{"HS256"}

type Claims interface{ Valid() error }

type StandardClaims struct {
	ExpiresAt int64  `json:"exp,omitempty"`
	Issuer    string `json:"iss,omitempty"`
}

func (c StandardClaims) Valid() error                              { return nil }
func (c *StandardClaims) VerifyExpiresAt(cmp int64, req bool) bool { return true }

type MapClaims map[string]any

func (m MapClaims) Valid() error { return nil }

type Token struct {
	Method SigningMethod
	Header map[string]any
	Claims Claims
	Valid  bool
}

func NewWithClaims(method SigningMethod, claims Claims) *Token { return &Token{} }

func (t *Token) SignedString(key any) (string, error) { return "", nil }

type Keyfunc func(*Token) (any, error)

type Parser struct {
	ValidMethods         []string
	UseJSONNumber        bool
	SkipClaimsValidation bool
}

type ParserOption func(*Parser)

func (p *Parser) Parse(tokenString string, keyFunc Keyfunc) (*Token, error) { return nil, nil }

func (p *Parser) ParseWithClaims(tokenString string, claims Claims, keyFunc Keyfunc) (*Token, error) {
	return nil, nil
}

func Parse(tokenString string, keyFunc Keyfunc, options ...ParserOption) (*Token, error) {
	return nil, nil
}

func ParseWithClaims(tokenString string, claims Claims, keyFunc Keyfunc, options ...ParserOption) (*Token, error) {
	return nil, nil
}

func WithValidMethods(methods []string) ParserOption { return nil }

func (m MapClaims) VerifyAudience(cmp string, req bool) bool { return true }
func (m MapClaims) VerifyIssuer(cmp string, req bool) bool   { return true }
