package authz

import (
	"strings"

	"github.com/connectlint/connectlint/internal/apispec"
	"github.com/connectlint/connectlint/internal/connect"
	"github.com/connectlint/connectlint/internal/textutil"
)

// ModelID names a scope model. It is what facts carry; ModelOf gives the
// Model.
type ModelID uint8

const (
	Connect ModelID = iota + 1
	OAuth
)

// A Model is a way of writing scopes and of granting operations with them.
type Model interface {
	ID() ModelID
	// Name is the model's name in messages: "Connect", "OAuth 2.0".
	Name() string
	// Requirement is what op needs under the model.
	Requirement(op *apispec.Operation) Requirement
	// Implies reports whether holding granted grants what needed grants
	// (both canonical).
	Implies(granted, needed string) bool
	// Canonical is the scope's spelling for comparisons: Connect scopes
	// upper case ("read" and "read:connect-jira" are READ).
	Canonical(name string) string
	// Known reports whether name is a scope of the model.
	Known(name string) bool
	// Suggest returns the known scope nearest to an unknown name, or "".
	Suggest(name string) string
	// Judged reports whether connectlint can tell from the Go code when
	// the scope is needed: a scope it cannot judge is never excess.
	Judged(name string) bool

	// prefer picks, among a requirement's alternatives, the one to ask
	// for given what is granted.
	prefer(granted []string, alts [][]string) []string
	// needText says what a requirement needs: "scope WRITE", "OAuth 2.0
	// scope write:jira-work (or the granular write:comment:jira, ...)".
	needText(granted []string, req Requirement) string
}

// ModelOf returns the model with the given ID (nil for an unknown one).
func ModelOf(id ModelID) Model {
	switch id {
	case Connect:
		return connectModel{}
	case OAuth:
		return oauthModel{}
	}
	return nil
}

// Models lists every model, in ModelID order.
func Models() []Model { return []Model{connectModel{}, oauthModel{}} }

// ReqKind classifies a requirement.
type ReqKind uint8

const (
	NeedsScopes  ReqKind = iota // Alternatives says what grants it
	NoScope                     // any grant of the model covers it
	Inaccessible                // no scope of the model grants it
	NotKnown                    // the API table does not say
)

// A Requirement is what one operation needs under one model: every scope
// of one of the Alternatives (canonical names).
type Requirement struct {
	Kind         ReqKind
	Alternatives [][]string
}

// Equal reports whether two requirements ask for the same.
func (r Requirement) Equal(s Requirement) bool {
	if r.Kind != s.Kind || len(r.Alternatives) != len(s.Alternatives) {
		return false
	}
	for i := range r.Alternatives {
		if strings.Join(r.Alternatives[i], " ") != strings.Join(s.Alternatives[i], " ") {
			return false
		}
	}
	return true
}

// Scopes returns every scope any alternative names, in order.
func (r Requirement) Scopes() []string {
	var out []string
	for _, alt := range r.Alternatives {
		for _, s := range alt {
			if !contains(out, s) {
				out = append(out, s)
			}
		}
	}
	return out
}

// NeedText says what req needs, for messages, in the family of the
// granted scopes: "needs scope WRITE".
func NeedText(m Model, granted []string, req Requirement) string {
	return m.needText(granted, req)
}

// Prefer returns the alternative of req to ask for given what is granted.
func Prefer(m Model, granted []string, req Requirement) []string {
	return m.prefer(granted, req.Alternatives)
}

// holds reports whether the granted scopes grant needed.
func holds(m Model, granted []string, needed string) bool {
	for _, g := range granted {
		if m.Implies(g, needed) {
			return true
		}
	}
	return false
}

func holdsAll(m Model, granted, needed []string) bool {
	for _, n := range needed {
		if !holds(m, granted, n) {
			return false
		}
	}
	return true
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// connectModel is the Connect scope lattice of package connect.
type connectModel struct{}

func (connectModel) ID() ModelID  { return Connect }
func (connectModel) Name() string { return "Connect" }

func (connectModel) Requirement(op *apispec.Operation) Requirement {
	switch op.Scope {
	case connect.None:
		return Requirement{Kind: NoScope}
	case connect.Inaccessible:
		return Requirement{Kind: Inaccessible}
	case connect.ScopeUnknown:
		return Requirement{Kind: NotKnown}
	}
	return Requirement{Kind: NeedsScopes, Alternatives: [][]string{{op.Scope.String()}}}
}

func (connectModel) Implies(granted, needed string) bool {
	g, ok1 := ConnectScope(granted)
	n, ok2 := ConnectScope(needed)
	return ok1 && ok2 && g.Implies(n)
}

func (connectModel) Canonical(name string) string {
	if s, ok := ConnectScope(name); ok {
		return s.String()
	}
	return name
}

func (connectModel) Known(name string) bool {
	s, ok := ConnectScope(name)
	return ok && s.Declarable()
}

func (connectModel) Suggest(name string) string {
	var names []string
	for s := connect.Read; s <= connect.AccessEmailAddresses; s++ {
		names = append(names, s.String())
	}
	best, _ := textutil.Nearest(strings.ToUpper(name), names, 3)
	return best
}

func (connectModel) Judged(string) bool { return true }

func (connectModel) prefer(_ []string, alts [][]string) []string {
	if len(alts) == 0 {
		return nil
	}
	return alts[0]
}

func (connectModel) needText(_ []string, req Requirement) string {
	if len(req.Alternatives) == 0 {
		return "no scope"
	}
	return "scope " + strings.Join(req.Alternatives[0], ", ")
}

// connectOnForge maps the Connect-on-Forge spelling of each Connect scope
// (the prefix before ":connect-jira" or ":connect-confluence") to it.
var connectOnForge = map[string]connect.Scope{
	"read":                   connect.Read,
	"write":                  connect.Write,
	"delete":                 connect.Delete,
	"project-admin":          connect.ProjectAdmin,
	"space-admin":            connect.SpaceAdmin,
	"admin":                  connect.Admin,
	"act-as-user":            connect.ActAsUser,
	"access-email-addresses": connect.AccessEmailAddresses,
}

// ConnectScope parses a Connect scope as a descriptor writes it ("READ",
// "read") or as a Forge manifest of a Connect-on-Forge app does
// ("read:connect-jira", "space-admin:connect-confluence").
func ConnectScope(name string) (connect.Scope, bool) {
	if s, ok := connect.ParseScope(name); ok {
		return s, true
	}
	verb, product, ok := strings.Cut(name, ":")
	if !ok || product != "connect-jira" && product != "connect-confluence" {
		return connect.ScopeUnknown, false
	}
	s, ok := connectOnForge[verb]
	return s, ok
}

// IsConnectOnForge reports whether name is a Connect scope in its
// Connect-on-Forge spelling.
func IsConnectOnForge(name string) bool {
	_, product, ok := strings.Cut(name, ":")
	_, known := ConnectScope(name)
	return ok && known && strings.HasPrefix(product, "connect-")
}
