package connect

import "strings"

// Scope is a Connect scope as declared in atlassian-connect.json or required
// by an operation (x-atlassian-connect-scope).
type Scope uint8

const (
	ScopeUnknown Scope = iota
	None               // the operation needs no scope
	Read
	Write
	Delete
	ProjectAdmin
	SpaceAdmin
	Admin
	ActAsUser
	AccessEmailAddresses
	Inaccessible // no scope grants it: Connect apps cannot call the operation
)

var scopeNames = [...]string{
	ScopeUnknown:         "UNKNOWN",
	None:                 "NONE",
	Read:                 "READ",
	Write:                "WRITE",
	Delete:               "DELETE",
	ProjectAdmin:         "PROJECT_ADMIN",
	SpaceAdmin:           "SPACE_ADMIN",
	Admin:                "ADMIN",
	ActAsUser:            "ACT_AS_USER",
	AccessEmailAddresses: "ACCESS_EMAIL_ADDRESSES",
	Inaccessible:         "INACCESSIBLE",
}

func (s Scope) String() string {
	if int(s) < len(scopeNames) {
		return scopeNames[s]
	}
	return "UNKNOWN"
}

// ParseScope parses a scope name in all-upper or all-lower case
// ("READ", "read"); mixed case and unknown names give ScopeUnknown, false.
func ParseScope(s string) (Scope, bool) {
	if s != strings.ToUpper(s) && s != strings.ToLower(s) {
		return ScopeUnknown, false
	}
	up := strings.ToUpper(s)
	for i, n := range scopeNames {
		if i != int(ScopeUnknown) && n == up {
			return Scope(i), true
		}
	}
	return ScopeUnknown, false
}

// Declarable reports whether a descriptor may declare s ("scopes" array).
// NONE is accepted by Atlassian and means nothing; INACCESSIBLE is not a scope.
func (s Scope) Declarable() bool { return s >= None && s <= AccessEmailAddresses }
