package restcalls

import (
	"go/constant"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/ssa"

	"github.com/connectlint/connectlint/internal/authz"
	"github.com/connectlint/connectlint/internal/gotypes"
	"github.com/connectlint/connectlint/internal/strpat"
)

// Credentials a request can carry, as the rules name them.
var (
	connectJWT  = authz.Credential{Model: authz.Connect, What: "a Connect JWT"}
	oauthClient = authz.Credential{Model: authz.OAuth, What: "an OAuth 2.0 client"}
	bearerToken = authz.Credential{What: "a bearer token"}
	oauthToken  = authz.Credential{Model: authz.OAuth, What: "an OAuth 2.0 access token"}
	// The tokens Forge passes a remote backend in x-forge-oauth-system and
	// x-forge-oauth-user: OAuth 2.0 tokens of the manifest's scopes.
	forgeSystemToken = authz.Credential{Model: authz.OAuth, What: "the Forge app system token", Key: authz.ForgeSystemKey}
	forgeUserToken   = authz.Credential{Model: authz.OAuth, What: "the Forge app user token", Key: authz.ForgeUserKey}
	basicAuth        = authz.Credential{What: "basic auth"}
)

// headerCredential reads the credential set on the request v in this
// function: an Authorization header ("JWT ..." is Connect's; a bearer
// token may be any kind of OAuth 2.0 token) or basic auth.
func (f *funcState) headerCredential(v ssa.Value) authz.Credential {
	var auth authz.Credential
	for _, ref := range *v.Referrers() {
		switch ref := ref.(type) {
		case *ssa.Call:
			if fn := ref.Call.StaticCallee(); fn != nil && strpat.FuncName(fn) == "(*net/http.Request).SetBasicAuth" && ref.Call.Args[0] == v {
				auth = basicAuth
			}
		case *ssa.FieldAddr:
			if ref.X != v || !isHeaderField(ref) {
				continue
			}
			for _, ld := range *ref.Referrers() {
				load, ok := ld.(*ssa.UnOp)
				if !ok || load.Op != token.MUL {
					continue
				}
				for _, use := range *load.Referrers() {
					if a := f.authorizationSet(use, load); a.What != "" {
						auth = a
					}
				}
			}
		}
	}
	return auth
}

func isHeaderField(fa *ssa.FieldAddr) bool {
	ptr, ok := fa.X.Type().Underlying().(*types.Pointer)
	if !ok {
		return false
	}
	st, ok := ptr.Elem().Underlying().(*types.Struct)
	return ok && st.Field(fa.Field).Name() == "Header"
}

// authorizationSet reads header.Set("Authorization", value) (or Add).
func (f *funcState) authorizationSet(use ssa.Instruction, header ssa.Value) authz.Credential {
	call, ok := use.(*ssa.Call)
	if !ok {
		return authz.Credential{}
	}
	fn := call.Call.StaticCallee()
	if fn == nil || len(call.Call.Args) != 3 || call.Call.Args[0] != header {
		return authz.Credential{}
	}
	switch strpat.FuncName(fn) {
	case "(net/http.Header).Set", "(net/http.Header).Add":
	default:
		return authz.Credential{}
	}
	k, ok := call.Call.Args[1].(*ssa.Const)
	if !ok || k.Value == nil || k.Value.Kind() != constant.String || !strings.EqualFold(constant.StringVal(k.Value), "Authorization") {
		return authz.Credential{}
	}
	if fromOAuthToken(call.Call.Args[2]) {
		return oauthToken
	}
	if c, ok := forgeToken(call.Call.Args[2]); ok {
		return c
	}
	for _, p := range f.ev.String(call.Call.Args[2]) {
		if len(p) == 0 || p[0].Wild {
			continue
		}
		switch lit := p[0].Lit; {
		case strings.HasPrefix(lit, "JWT "):
			return connectJWT
		case strings.HasPrefix(strings.ToLower(lit), "bearer "):
			return bearerToken
		case strings.HasPrefix(lit, "Basic "):
			return basicAuth
		}
	}
	return authz.Credential{}
}

// clientCredential reads where an *http.Client comes from: a client made
// by golang.org/x/oauth2 (Config.Client, NewClient) carries OAuth 2.0
// tokens, of the grant of that Config when it is a package variable.
func clientCredential(v ssa.Value, depth int) authz.Credential {
	if depth > 6 {
		return authz.Credential{}
	}
	switch x := v.(type) {
	case *ssa.Call:
		fn := x.Call.StaticCallee()
		if fn == nil {
			return authz.Credential{}
		}
		switch strpat.FuncName(fn) {
		case "(*golang.org/x/oauth2.Config).Client":
			return withKey(oauthClient, configKey(x.Call.Args[0]))
		case "golang.org/x/oauth2.NewClient":
			if len(x.Call.Args) == 2 {
				return withKey(oauthClient, tokenSourceKey(x.Call.Args[1], 0))
			}
			return oauthClient
		}
	case *ssa.Phi:
		var out authz.Credential
		for i, e := range x.Edges {
			c := clientCredential(e, depth+1)
			if i > 0 && c != out {
				return authz.Credential{}
			}
			out = c
		}
		return out
	case *ssa.UnOp:
		if a, ok := x.X.(*ssa.Alloc); ok && x.Op == token.MUL {
			if vals := stores(a); len(vals) == 1 {
				return clientCredential(vals[0], depth+1)
			}
		}
	}
	return authz.Credential{}
}

func withKey(c authz.Credential, key string) authz.Credential {
	c.Key = key
	return c
}

// configKey is the grant Key of an oauth2.Config held in a package
// variable (the way analyzers/grants names it), "" otherwise.
func configKey(v ssa.Value) string {
	switch x := v.(type) {
	case *ssa.Global:
		return authz.VarKey(x.Pkg.Pkg.Path(), x.Name())
	case *ssa.UnOp:
		if g, ok := x.X.(*ssa.Global); ok && x.Op == token.MUL && gotypes.IsPointerTo(x.Type(), "golang.org/x/oauth2", "Config") {
			return authz.VarKey(g.Pkg.Pkg.Path(), g.Name())
		}
	}
	return ""
}

// tokenSourceKey is the grant Key of the Config a TokenSource comes from.
func tokenSourceKey(v ssa.Value, depth int) string {
	if depth > 4 {
		return ""
	}
	switch x := v.(type) {
	case *ssa.Call:
		if fn := x.Call.StaticCallee(); fn != nil {
			switch strpat.FuncName(fn) {
			case "(*golang.org/x/oauth2.Config).TokenSource":
				return configKey(x.Call.Args[0])
			case "golang.org/x/oauth2.ReuseTokenSource":
				return tokenSourceKey(x.Call.Args[1], depth+1)
			}
		}
	case *ssa.MakeInterface:
		return tokenSourceKey(x.X, depth+1)
	}
	return ""
}

// fromOAuthToken reports whether a header value is built from the
// AccessToken of an OAuth 2.0 token (golang.org/x/oauth2's Token,
// go-atlassian's OAuth2Token): "Bearer " + tok.AccessToken.
func fromOAuthToken(v ssa.Value) bool {
	_, ok := findPart(v, 0, func(x ssa.Value) (authz.Credential, bool) {
		switch x := x.(type) {
		case *ssa.UnOp:
			if fa, ok := x.X.(*ssa.FieldAddr); ok && x.Op == token.MUL && isAccessToken(fa.X.Type(), fa.Field) {
				return oauthToken, true
			}
		case *ssa.Field:
			if isAccessToken(types.NewPointer(x.X.Type()), x.Field) {
				return oauthToken, true
			}
		}
		return authz.Credential{}, false
	})
	return ok
}

// forgeToken reports whether a header value is built from a token Forge
// passes a remote in the x-forge-oauth-system or x-forge-oauth-user header
// of the request it invokes it with: "Bearer " + r.Header.Get(...).
func forgeToken(v ssa.Value) (authz.Credential, bool) {
	return findPart(v, 0, func(x ssa.Value) (authz.Credential, bool) {
		call, ok := x.(*ssa.Call)
		if !ok || call.Call.StaticCallee() == nil || strpat.FuncName(call.Call.StaticCallee()) != "(net/http.Header).Get" {
			return authz.Credential{}, false
		}
		if k, ok := call.Call.Args[1].(*ssa.Const); ok && k.Value != nil && k.Value.Kind() == constant.String {
			switch strings.ToLower(constant.StringVal(k.Value)) {
			case "x-forge-oauth-system":
				return forgeSystemToken, true
			case "x-forge-oauth-user":
				return forgeUserToken, true
			}
		}
		return authz.Credential{}, false
	})
}

// findPart looks through the parts a string value is built of (+,
// fmt.Sprintf and strings.TrimSpace arguments, phis, interfaces) for one
// that match accepts.
func findPart(v ssa.Value, depth int, match func(ssa.Value) (authz.Credential, bool)) (authz.Credential, bool) {
	if depth > 6 {
		return authz.Credential{}, false
	}
	if c, ok := match(v); ok {
		return c, true
	}
	var parts []ssa.Value
	switch x := v.(type) {
	case *ssa.BinOp:
		parts = []ssa.Value{x.X, x.Y}
	case *ssa.Phi:
		parts = x.Edges
	case *ssa.MakeInterface:
		parts = []ssa.Value{x.X}
	case *ssa.Call:
		if fn := x.Call.StaticCallee(); fn != nil {
			switch strpat.FuncName(fn) {
			case "fmt.Sprintf", "strings.TrimSpace":
				parts = x.Call.Args
			}
		}
	case *ssa.Slice: // Sprintf's variadic arguments
		if a, ok := x.X.(*ssa.Alloc); ok {
			for _, r := range *a.Referrers() {
				if ia, ok := r.(*ssa.IndexAddr); ok {
					for _, rr := range *ia.Referrers() {
						if st, ok := rr.(*ssa.Store); ok {
							parts = append(parts, st.Val)
						}
					}
				}
			}
		}
	}
	for _, p := range parts {
		if c, ok := findPart(p, depth+1, match); ok {
			return c, true
		}
	}
	return authz.Credential{}, false
}

// isAccessToken reports whether field i of the struct ptr points to is an
// OAuth 2.0 token's AccessToken.
func isAccessToken(ptr types.Type, i int) bool {
	p, ok := ptr.Underlying().(*types.Pointer)
	if !ok {
		return false
	}
	st, ok := p.Elem().Underlying().(*types.Struct)
	if !ok || st.Field(i).Name() != "AccessToken" {
		return false
	}
	return gotypes.IsNamed(p.Elem(), "golang.org/x/oauth2", "Token") ||
		strings.Contains(types.TypeString(p.Elem(), nil), "go-atlassian") && strings.HasSuffix(types.TypeString(p.Elem(), nil), "OAuth2Token")
}
