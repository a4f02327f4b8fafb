package authz

import (
	"slices"
	"strings"
	"sync"

	"github.com/connectlint/connectlint/internal/apispec"
	"github.com/connectlint/connectlint/internal/connect"
	"github.com/connectlint/connectlint/internal/textutil"
)

// oauthModel is OAuth 2.0 (3LO, Forge, scoped API tokens).
//
// Atlassian's API documentation gives each operation a classic and a
// granular scope set ("Either use a simple, single scope: Classic:
// read:jira-work; Or use the newer and more fine-grained scopes: Granular:
// read:issue-meta:jira, read:issue-security-level:jira, ...":
// https://community.developer.atlassian.com/t/jira-cloud-rest-api-integration-through-oauth-2-3lo/72063, Atlassian's developer
// advocate on the Jira scopes page), and recommends the classic ones
// ("When choosing your scopes, the recommendation is to use classic
// scopes": https://developer.atlassian.com/cloud/jira/platform/scopes-for-oauth-2-3LO-and-forge-apps/).
// The specs mark which list is "Current" and which "Beta", but that is not
// the split between the families (Confluence v2 and Jira Software have only
// granular scopes, as Current), so the family is told by the name: a
// classic scope is verb:product-noun (read:jira-work, search:confluence),
// a granular one verb:entity:product (read:issue:jira).
//
// OAuth scopes do not imply one another here: Atlassian says some scopes
// imply others but publishes no list, so a grant is judged by the names it
// holds.
type oauthModel struct{}

func (oauthModel) ID() ModelID  { return OAuth }
func (oauthModel) Name() string { return "OAuth 2.0" }

func (oauthModel) Requirement(op *apispec.Operation) Requirement {
	var classic, granular []string
	for _, list := range [][]string{op.OAuth, op.OAuthBeta} {
		for _, s := range list {
			switch {
			case Classic(s):
				if !contains(classic, s) {
					classic = append(classic, s)
				}
			default:
				if !contains(granular, s) {
					granular = append(granular, s)
				}
			}
		}
	}
	switch {
	case len(classic) == 0 && len(granular) == 0 && op.OAuthNone:
		return Requirement{Kind: NoScope}
	case len(classic) == 0 && len(granular) == 0 && op.Scope == connect.Inaccessible:
		// "Apps can't access this REST resource": no OAuth scopes either.
		return Requirement{Kind: Inaccessible}
	case len(classic) == 0 && len(granular) == 0:
		return Requirement{Kind: NotKnown}
	}
	slices.Sort(classic)
	slices.Sort(granular)
	var alts [][]string
	if len(classic) > 0 {
		alts = append(alts, classic)
	}
	if len(granular) > 0 {
		alts = append(alts, granular)
	}
	return Requirement{Kind: NeedsScopes, Alternatives: alts}
}

func (oauthModel) Implies(granted, needed string) bool { return granted == needed }

func (oauthModel) Canonical(name string) string { return name }

func (oauthModel) Known(name string) bool {
	_, ok := knownOAuth()[name]
	return ok
}

func (oauthModel) Suggest(name string) string {
	best, _ := textutil.Nearest(name, knownOAuthList(), 2)
	return best
}

// Judged: scopes some operation of the table needs, and offline_access
// (needed when a token is refreshed). Scopes such as storage:app or
// read:account concern what Go code does not show.
func (oauthModel) Judged(name string) bool {
	return name == OfflineAccess || knownOAuth()[name]
}

// prefer asks for the family the grant already uses: classic when it holds
// a classic scope or holds nothing, granular when it holds only granular
// ones.
func (oauthModel) prefer(granted []string, alts [][]string) []string {
	if len(alts) == 0 {
		return nil
	}
	wantClassic := !slices.ContainsFunc(granted, Granular) || slices.ContainsFunc(granted, Classic)
	for _, alt := range alts {
		if len(alt) > 0 && Classic(alt[0]) == wantClassic {
			return alt
		}
	}
	return alts[0]
}

// maxOther bounds the scopes of the other family named in a message.
const maxOther = 3

func (m oauthModel) needText(granted []string, req Requirement) string {
	alt := m.prefer(granted, req.Alternatives)
	if alt == nil {
		return "no OAuth 2.0 scope"
	}
	var b strings.Builder
	b.WriteString("OAuth 2.0 scope")
	if len(alt) > 1 {
		b.WriteString("s")
	}
	b.WriteString(" " + strings.Join(alt, ", "))
	for _, other := range req.Alternatives {
		if len(other) == 0 || Classic(other[0]) == Classic(alt[0]) {
			continue
		}
		family := "granular"
		if Classic(other[0]) {
			family = "classic"
		}
		shown := other
		if len(shown) > maxOther {
			shown = shown[:maxOther]
		}
		b.WriteString(" (or the " + family + " " + strings.Join(shown, ", "))
		if len(other) > maxOther {
			b.WriteString(", ...")
		}
		b.WriteString(")")
	}
	return b.String()
}

// OfflineAccess is the scope that makes Atlassian issue a refresh token.
const OfflineAccess = "offline_access"

// classicExceptions are classic scopes with three parts.
var classicExceptions = map[string]bool{"readonly:content.attachment:confluence": true}

// Classic reports whether an OAuth 2.0 scope is a classic one
// (verb:product-noun, such as read:jira-work or search:confluence).
func Classic(name string) bool {
	return strings.Count(name, ":") == 1 || classicExceptions[name]
}

// Granular reports whether an OAuth 2.0 scope is a granular one
// (verb:entity:product, such as read:issue:jira).
func Granular(name string) bool {
	return strings.Count(name, ":") == 2 && !classicExceptions[name]
}

// platformScopes are OAuth 2.0 and Forge scopes that no REST operation of
// the table names, from Atlassian's documentation: offline_access and
// read:me (OAuth 2.0 (3LO) apps), read:account (User Identity API),
// Forge's storage:app, report:personal-data, read:app-system-token and
// read:app-user-token (Forge manifest permissions), and
// manage:jira-data-provider (Jira's classic scopes).
var platformScopes = []string{
	OfflineAccess, "read:me", "read:account",
	"storage:app", "report:personal-data", "read:app-system-token", "read:app-user-token",
	"manage:jira-data-provider",
}

// knownOAuth maps every OAuth 2.0 scope connectlint knows to whether some
// operation of the API table needs it.
var knownOAuth = sync.OnceValue(func() map[string]bool {
	m := map[string]bool{}
	for _, s := range platformScopes {
		m[s] = false
	}
	for _, op := range apispec.Operations() {
		for _, list := range [][]string{op.OAuth, op.OAuthBeta} {
			for _, s := range list {
				m[s] = true
			}
		}
	}
	return m
})

var knownOAuthList = sync.OnceValue(func() []string {
	var out []string
	for s := range knownOAuth() {
		out = append(out, s)
	}
	slices.Sort(out)
	return out
})
