package gotypes

import (
	"go/token"
	"go/types"
	"testing"
)

// named makes the named type pkg.name with the given underlying type.
func named(pkg, name string, under types.Type) *types.Named {
	p := types.NewPackage(pkg, pkg)
	return types.NewNamed(types.NewTypeName(token.NoPos, p, name, nil), under, nil)
}

func structOf(fields ...types.Type) *types.Struct {
	var vars []*types.Var
	for i, t := range fields {
		vars = append(vars, types.NewField(token.NoPos, nil, string(rune('A'+i)), t, false))
	}
	return types.NewStruct(vars, nil)
}

func TestTypes(t *testing.T) {
	empty := types.NewStruct(nil, nil)
	resp := named("net/http", "Response", empty)
	req := named("net/http", "Request", empty)
	u := named("net/url", "URL", empty)
	other := named("example.com/lib", "Response", empty)
	str := types.Typ[types.String]
	myString := named("example.com/lib", "Key", str)
	jiraResp := named("example.com/jira", "Response", structOf(resp))                               // embeds by value
	schemeResp := named("example.com/atl", "ResponseScheme", structOf(str, types.NewPointer(resp))) // holds a pointer
	alias := types.NewAlias(types.NewTypeName(token.NoPos, nil, "R", nil), resp)

	for _, tc := range []struct {
		name string
		got  bool
		want bool
	}{
		{"IsNamed(http.Response)", IsNamed(resp, "net/http", "Response"), true},
		{"IsNamed through an alias", IsNamed(alias, "net/http", "Response"), true},
		{"IsNamed(lib.Response)", IsNamed(other, "net/http", "Response"), false},
		{"IsRequest(*http.Request)", IsRequest(types.NewPointer(req)), true},
		{"IsRequest(http.Request)", IsRequest(req), false},
		{"IsURL(*url.URL)", IsURL(types.NewPointer(u)), true},
		{"IsURL(*http.Request)", IsURL(types.NewPointer(req)), false},
		{"IsString(string)", IsString(str), true},
		{"IsString(named string)", IsString(myString), true},
		{"IsString(int)", IsString(types.Typ[types.Int]), false},
		{"IsHTTPResponse(*http.Response)", IsHTTPResponse(types.NewPointer(resp)), true},
		{"IsResponse(*http.Response)", IsResponse(types.NewPointer(resp)), true},
		{"IsResponse(*jira.Response)", IsResponse(types.NewPointer(jiraResp)), true},
		{"IsResponse(*atl.ResponseScheme)", IsResponse(types.NewPointer(schemeResp)), true},
		{"IsResponse(jira.Response)", IsResponse(jiraResp), false},
		{"IsResponse(*lib.Response)", IsResponse(types.NewPointer(other)), false},
		{"IsResponse(*struct{string})", IsResponse(types.NewPointer(structOf(str))), false},
	} {
		if tc.got != tc.want {
			t.Errorf("%s = %v, want %v", tc.name, tc.got, tc.want)
		}
	}
}
