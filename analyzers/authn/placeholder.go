package authn

import (
	"encoding/base64"
	"math"
	"strings"
)

// isPlaceholder reports whether a credential written into the code is a
// stand-in for one, as example programs and templates write them:
// "<api-token>", "your-api-token", "xxx", "changeme", "${JIRA_TOKEN}",
// "REPLACE_ME", "...", an empty value or one character repeated. Such a
// value reveals nothing. A value that looks real (an Atlassian API token,
// or a long random-looking string) is never a placeholder, whatever words
// it also holds.
func isPlaceholder(v string) bool {
	s := strings.TrimSpace(v)
	if s == "" || oneChar(s) {
		return true
	}
	if looksReal(s) {
		return false
	}
	l := strings.ToLower(s)
	switch {
	case enclosed(s, "<", ">"), enclosed(s, "${", "}"), enclosed(s, "{{", "}}"), enclosed(s, "{", "}"),
		enclosed(s, "[", "]"), enclosed(s, "%", "%"), enclosed(s, "__", "__"):
		return true // <api-token>, ${TOKEN}, {{ .Token }}, [TOKEN], %TOKEN%, __TOKEN__
	case s[0] == '$' && isEnvName(s[1:]):
		return true // $JIRA_TOKEN
	case strings.Trim(l, "%sv") == "":
		return true // %s
	}
	for _, w := range placeholderWords {
		if strings.Contains(l, w) {
			return true
		}
	}
	switch strings.NewReplacer("-", "", "_", "", " ", "").Replace(l) {
	case "secret", "password", "passwd", "pass", "token", "apitoken", "apikey", "accesstoken",
		"pat", "sharedsecret", "clientsecret", "mytoken", "mysecret", "mypassword", "none", "null", "nil":
		return true // the credential's own name standing in for it
	}
	return false
}

// placeholderWords mark a value as a stand-in wherever they appear.
var placeholderWords = []string{
	"your-", "your_", "yourtoken", "yourpassword", "yoursecret", "yourapi", "your ",
	"xxx", "changeme", "change-me", "change_me", "change me",
	"replaceme", "replace-me", "replace_me", "replace with", "placeholder",
	"example", "dummy", "redacted", "insert-", "insert_", "insert ",
	"todo", "fixme", "...", "…", "***",
}

func enclosed(s, open, close string) bool {
	return len(s) > len(open)+len(close) && strings.HasPrefix(s, open) && strings.HasSuffix(s, close)
}

func isEnvName(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if !(r == '_' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9') {
			return false
		}
	}
	return true
}

// oneChar reports whether s repeats a single character ("xxxx", "0000").
func oneChar(s string) bool {
	return strings.Trim(s, s[:1]) == ""
}

// looksReal reports whether a value has the shape of a real credential:
// an Atlassian API token, or 20 characters or more of one random-looking
// word (high entropy, no spaces, letters mixed with digits).
func looksReal(s string) bool {
	if apiTokenRE.MatchString(s) {
		return true
	}
	if len(s) < 20 || strings.ContainsAny(s, " \t\n<>{}") {
		return false
	}
	digits, letters := false, false
	for _, r := range s {
		switch {
		case r >= '0' && r <= '9':
			digits = true
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z':
			letters = true
		}
	}
	return digits && letters && entropy(s) >= 4.0
}

// entropy is the Shannon entropy of s in bits per character.
func entropy(s string) float64 {
	counts := map[rune]int{}
	n := 0
	for _, r := range s {
		counts[r]++
		n++
	}
	var h float64
	for _, c := range counts {
		p := float64(c) / float64(n)
		h -= p * math.Log2(p)
	}
	return h
}

// basicPlaceholder reports whether the base64 credentials of a literal
// "Basic ..." header decode to user:password with a placeholder password.
func basicPlaceholder(b64 string) bool {
	raw, err := base64.StdEncoding.DecodeString(b64)
	if err != nil {
		return false
	}
	_, pass, ok := strings.Cut(string(raw), ":")
	return ok && isPlaceholder(pass)
}
