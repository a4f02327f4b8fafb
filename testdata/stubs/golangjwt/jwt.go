// Package jwt is a stub of github.com/golang-jwt/jwt/v5.
package jwt

import "time"

const UnsafeAllowNoneSignatureType unsafeNoneMagicConstant = "none signing method allowed"

type unsafeNoneMagicConstant string

type SigningMethod interface {
	Verify(signingString string, sig []byte, key any) error
	Sign(signingString string, key any) ([]byte, error)
	Alg() string
}

type SigningMethodHMAC struct{ Name string }

func (m *SigningMethodHMAC) Verify(signingString string, sig []byte, key any) error { return nil }
func (m *SigningMethodHMAC) Sign(signingString string, key any) ([]byte, error)     { return nil, nil }
func (m *SigningMethodHMAC) Alg() string                                            { return m.Name }

var (
	SigningMethodHS256 = &SigningMethodHMAC{"HS256"}
	SigningMethodNone  SigningMethod
)

type Claims interface {
	GetExpirationTime() (*NumericDate, error)
}

type NumericDate struct{ time.Time }

type MapClaims map[string]any

func (m MapClaims) GetExpirationTime() (*NumericDate, error) { return nil, nil }

type RegisteredClaims struct {
	Issuer    string       `json:"iss,omitempty"`
	ExpiresAt *NumericDate `json:"exp,omitempty"`
}

func (c RegisteredClaims) GetExpirationTime() (*NumericDate, error) { return c.ExpiresAt, nil }

type Token struct {
	Raw    string
	Method SigningMethod
	Header map[string]any
	Claims Claims
	Valid  bool
}

func New(method SigningMethod, opts ...TokenOption) *Token { return &Token{Method: method} }

func NewWithClaims(method SigningMethod, claims Claims, opts ...TokenOption) *Token {
	return &Token{Method: method, Claims: claims}
}

type TokenOption func(*Token)

func (t *Token) SignedString(key any) (string, error) { return "", nil }

type Keyfunc func(*Token) (any, error)

type Parser struct{}

type ParserOption func(*Parser)

func NewParser(options ...ParserOption) *Parser { return &Parser{} }

func (p *Parser) Parse(tokenString string, keyFunc Keyfunc) (*Token, error) { return nil, nil }

func (p *Parser) ParseWithClaims(tokenString string, claims Claims, keyFunc Keyfunc) (*Token, error) {
	return nil, nil
}

func (p *Parser) ParseUnverified(tokenString string, claims Claims) (*Token, []string, error) {
	return nil, nil, nil
}

func Parse(tokenString string, keyFunc Keyfunc, options ...ParserOption) (*Token, error) {
	return nil, nil
}

func ParseWithClaims(tokenString string, claims Claims, keyFunc Keyfunc, options ...ParserOption) (*Token, error) {
	return nil, nil
}

func WithValidMethods(methods []string) ParserOption { return nil }
func WithoutClaimsValidation() ParserOption          { return nil }
func WithExpirationRequired() ParserOption           { return nil }

func WithIssuer(iss string) ParserOption      { return nil }
func WithAudience(aud ...string) ParserOption { return nil }

type SigningMethodRSA struct{ Name string }

func (m *SigningMethodRSA) Verify(signingString string, sig []byte, key any) error { return nil }
func (m *SigningMethodRSA) Sign(signingString string, key any) ([]byte, error)     { return nil, nil }
func (m *SigningMethodRSA) Alg() string                                            { return m.Name }

var SigningMethodRS256 = &SigningMethodRSA{"RS256"}
