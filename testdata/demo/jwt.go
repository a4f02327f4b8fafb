package main

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"errors"
	"net/http"
	"net/url"
	"sort"
	"strings"
	"time"
)

type claims struct {
	Issuer    string `json:"iss"`
	Subject   string `json:"sub,omitempty"`
	IssuedAt  int64  `json:"iat"`
	ExpiresAt int64  `json:"exp"`
	QSH       string `json:"qsh"`
}

type tenantKey struct{}

func tenantFrom(ctx context.Context) (Tenant, bool) {
	t, ok := ctx.Value(tenantKey{}).(Tenant)
	return t, ok
}

func (a *App) requireJWT(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		token := r.URL.Query().Get("jwt")
		if h := r.Header.Get("Authorization"); strings.HasPrefix(h, "JWT ") {
			token = strings.TrimPrefix(h, "JWT ")
		}
		if token == "" {
			http.Error(w, "missing token", http.StatusUnauthorized)
			return
		}
		iss, err := unverifiedIssuer(token)
		if err != nil {
			http.Error(w, "bad token", http.StatusUnauthorized)
			return
		}
		t, err := a.Tenants.Get(iss)
		if err != nil {
			http.Error(w, "unknown tenant", http.StatusUnauthorized)
			return
		}
		if _, err := verifyToken(token, t.SharedSecret, time.Now()); err != nil {
			http.Error(w, "bad token", http.StatusUnauthorized)
			return
		}
		next.ServeHTTP(w, r.WithContext(context.WithValue(r.Context(), tenantKey{}, t)))
	})
}

func signToken(issuer, secret, method string, u *url.URL, now time.Time) (string, error) {
	header := base64.RawURLEncoding.EncodeToString([]byte(`{"alg":"HS256","typ":"JWT"}`))
	body, err := json.Marshal(claims{
		Issuer:    issuer,
		IssuedAt:  now.Unix(),
		ExpiresAt: now.Add(3 * time.Minute).Unix(),
		QSH:       queryStringHash(method, u),
	})
	if err != nil {
		return "", err
	}
	unsigned := header + "." + base64.RawURLEncoding.EncodeToString(body)
	return unsigned + "." + sign(unsigned, secret), nil
}

func verifyToken(token, secret string, now time.Time) (*claims, error) {
	parts := strings.Split(token, ".")
	if len(parts) != 3 {
		return nil, errors.New("malformed token")
	}
	want := sign(parts[0]+"."+parts[1], secret)
	if !hmac.Equal([]byte(want), []byte(parts[2])) {
		return nil, errors.New("bad signature")
	}
	raw, err := base64.RawURLEncoding.DecodeString(parts[1])
	if err != nil {
		return nil, err
	}
	var c claims
	if err := json.Unmarshal(raw, &c); err != nil {
		return nil, err
	}
	if now.Unix() > c.ExpiresAt {
		return nil, errors.New("token expired")
	}
	return &c, nil
}

func unverifiedIssuer(token string) (string, error) {
	parts := strings.Split(token, ".")
	if len(parts) != 3 {
		return "", errors.New("malformed token")
	}
	raw, err := base64.RawURLEncoding.DecodeString(parts[1])
	if err != nil {
		return "", err
	}
	var c claims
	if err := json.Unmarshal(raw, &c); err != nil {
		return "", err
	}
	return c.Issuer, nil
}

func sign(data, secret string) string {
	mac := hmac.New(sha256.New, []byte(secret))
	mac.Write([]byte(data))
	return base64.RawURLEncoding.EncodeToString(mac.Sum(nil))
}

func queryStringHash(method string, u *url.URL) string {
	path := u.EscapedPath()
	if path == "" {
		path = "/"
	}
	q := u.Query()
	delete(q, "jwt")
	keys := make([]string, 0, len(q))
	for k := range q {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	params := make([]string, 0, len(keys))
	for _, k := range keys {
		vals := q[k]
		sort.Strings(vals)
		escaped := make([]string, len(vals))
		for i, v := range vals {
			escaped[i] = url.QueryEscape(v)
		}
		params = append(params, url.QueryEscape(k)+"="+strings.Join(escaped, ","))
	}
	canonical := strings.ToUpper(method) + "&" + path + "&" + strings.Join(params, "&")
	sum := sha256.Sum256([]byte(canonical))
	return hex.EncodeToString(sum[:])
}
