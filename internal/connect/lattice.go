package connect

// The Connect scopes form a partial order by implication. Atlassian's
// "Scopes for Connect apps" pages give each scope's implied scopes:
//
//	https://developer.atlassian.com/cloud/jira/software/scopes-for-connect-apps/
//	  READ: NONE; WRITE: READ; DELETE: WRITE, READ; PROJECT_ADMIN: DELETE, WRITE, READ;
//	  ADMIN: PROJECT_ADMIN, DELETE, WRITE, READ; ACT_AS_USER and
//	  ACCESS_EMAIL_ADDRESSES: nothing
//	https://developer.atlassian.com/cloud/confluence/scopes-for-connect-apps/
//	  the same with SPACE_ADMIN in PROJECT_ADMIN's place:
//	  SPACE_ADMIN: DELETE, WRITE, READ; ADMIN: SPACE_ADMIN, DELETE, WRITE, READ
//
// So PROJECT_ADMIN and SPACE_ADMIN both imply DELETE, ADMIN implies both,
// and neither implies the other (neither page lists the other product's
// admin scope). NONE is needed by nothing: every declaration covers it.
// INACCESSIBLE is not a scope: nothing covers it.

// scopeSet is a set of scopes, one bit per Scope.
type scopeSet uint16

func setOf(ss ...Scope) scopeSet {
	var s scopeSet
	for _, x := range ss {
		s |= 1 << x
	}
	return s
}

func (s scopeSet) has(x Scope) bool { return s&(1<<x) != 0 }

// implied[s] is every scope s grants, s included.
var implied = [...]scopeSet{
	None:                 setOf(None),
	Read:                 setOf(None, Read),
	Write:                setOf(None, Read, Write),
	Delete:               setOf(None, Read, Write, Delete),
	ProjectAdmin:         setOf(None, Read, Write, Delete, ProjectAdmin),
	SpaceAdmin:           setOf(None, Read, Write, Delete, SpaceAdmin),
	Admin:                setOf(None, Read, Write, Delete, ProjectAdmin, SpaceAdmin, Admin),
	ActAsUser:            setOf(ActAsUser),
	AccessEmailAddresses: setOf(AccessEmailAddresses),
}

// Implies reports whether declaring s grants what t needs: READ implies
// READ, ADMIN implies DELETE, WRITE does not imply DELETE. Everything
// declarable implies NONE; nothing implies INACCESSIBLE or an unknown scope.
func (s Scope) Implies(t Scope) bool {
	if t == None {
		return true
	}
	if int(s) >= len(implied) {
		return false // INACCESSIBLE and out-of-range values grant nothing
	}
	return implied[s].has(t)
}

// Covers reports whether the declared scopes grant the required one. NONE
// is always covered, even by no scopes; INACCESSIBLE and ScopeUnknown never.
func Covers(declared []Scope, required Scope) bool {
	if required == None {
		return true
	}
	for _, d := range declared {
		if d.Implies(required) {
			return true
		}
	}
	return false
}

// Minimal returns the least set of scopes to declare so that every
// required scope is covered: the strongest of the required scopes, in
// Scope order. NONE needs no declaration; INACCESSIBLE and ScopeUnknown
// cannot be covered and are left out (report them apart). Both
// PROJECT_ADMIN and SPACE_ADMIN stay as they are rather than become ADMIN,
// which would grant more.
func Minimal(required ...Scope) []Scope {
	var need scopeSet
	for _, r := range required {
		if r.Declarable() && r != None {
			need |= setOf(r)
		}
	}
	var out []Scope
	for s := Read; s <= AccessEmailAddresses; s++ {
		if !need.has(s) {
			continue
		}
		// s is needed unless a stronger needed scope already implies it.
		redundant := false
		for t := Read; t <= AccessEmailAddresses; t++ {
			if t != s && need.has(t) && t.Implies(s) {
				redundant = true
				break
			}
		}
		if !redundant {
			out = append(out, s)
		}
	}
	return out
}
