package restcalls

import (
	"fmt"
	"strings"

	"github.com/connectlint/connectlint/internal/authz"
	"github.com/connectlint/connectlint/internal/strpat"
)

// Summary is the fact restcalls exports for a function or method that
// makes, builds or sends HTTP requests, or returns a string built from its
// parameters: what it does, in terms of its parameters, so that calls in
// other packages resolve at the call site (like passes/printf's wrapper
// facts).
type Summary struct {
	// Params names the parameters (receiver first) and then the free
	// variables, for messages; parameter references in patterns index it.
	Params  []string
	Effects []Effect
	// Results are patterns of string or *url.URL results built from the
	// parameters, e.g. func issuePath(key string) string.
	Results []ResultPattern
	// Module is the module path of the package the function is in ("" when
	// the driver does not say), so that a call from another package of the
	// same module is not listed twice.
	Module string
}

// Effect is one request a function makes, builds or sends.
type Effect struct {
	// Method and URL may contain parameter references. An unknown method
	// is a wildcard.
	Method, URL strpat.Pattern
	// ReqParam, when non-zero, says the function sends the request it is
	// given as parameter ReqParam-1 (Method and URL are unused then).
	ReqParam int
	// Sent tells that the function sends the request.
	Sent bool
	// Response, when non-zero, is 1 + the index of the result holding the
	// response (an *http.Response or a type embedding one).
	Response int
	// Request, when non-zero, is 1 + the index of the result holding the
	// request, built but not sent.
	Request int
	// Via names the client library the request goes through ("go-jira",
	// "go-atlassian"), "" for the program's own code.
	Via string
	// Auth is the request's credential when the function sets it (a
	// wrapper that signs with the Connect JWT).
	Auth authz.Credential
	// Guards are conditions on parameters under which the function makes
	// the request (a wrapper that switches on its method parameter sends
	// GET only when the method is "GET"); a call whose constant argument
	// fails one does not make it.
	Guards []Guard
}

// Guard says the request is made only when parameter Param equals Value.
type Guard struct {
	Param int
	Value string
}

// ResultPattern is the pattern of one string (or URL) result.
type ResultPattern struct {
	Index   int
	Pattern strpat.Pattern
}

// AFact marks Summary as an analysis fact.
func (*Summary) AFact() {}

// maxEffects bounds a summary, so that a function calling hundreds of
// API methods does not make every caller's summary huge.
const maxEffects = 24

func (s *Summary) String() string {
	name := func(i int) string {
		if i < len(s.Params) {
			return s.Params[i]
		}
		return fmt.Sprintf("p%d", i)
	}
	var parts []string
	for _, e := range s.Effects {
		var b strings.Builder
		switch {
		case e.ReqParam != 0:
			b.WriteString("sends request <" + name(e.ReqParam-1) + ">")
		case e.Sent:
			b.WriteString("sends " + e.Method.Format(name) + " " + e.URL.Format(name))
		default:
			b.WriteString("builds " + e.Method.Format(name) + " " + e.URL.Format(name))
		}
		if e.Request != 0 {
			fmt.Fprintf(&b, " in result %d", e.Request-1)
		}
		if e.Response != 0 {
			fmt.Fprintf(&b, ", response in result %d", e.Response-1)
		}
		if e.Via != "" {
			b.WriteString(" via " + e.Via)
		}
		if e.Auth.What != "" {
			b.WriteString(" with " + e.Auth.What)
		}
		for _, g := range e.Guards {
			fmt.Fprintf(&b, " if <%s> == %q", name(g.Param), g.Value)
		}
		parts = append(parts, b.String())
	}
	for _, r := range s.Results {
		parts = append(parts, fmt.Sprintf("result %d is %s", r.Index, r.Pattern.Format(name)))
	}
	return strings.Join(parts, "; ")
}
