package apispec

import (
	"strings"

	"github.com/connectlint/connectlint/internal/strpat"
)

// base says where a request's path starts.
type base uint8

const (
	baseNone    base = iota // not an Atlassian request
	baseUnknown             // wildcard base or relative path: the site or a Confluence /wiki base
	baseSite                // a literal Atlassian site host: x.atlassian.net
	baseGateway             // api.atlassian.com
)

// A segment is one path segment of a request pattern.
type segment struct {
	lit   string   // the decoded text, when the segment has no wildcard
	param bool     // lit is a template parameter written as {name}
	wild  bool     // the segment contains wildcards: w describes it
	w     *wildSeg // when wild
}

// wildSeg is a segment with wildcards.
type wildSeg struct {
	toks []tok // the segment's text, byte by byte, with wildcards
	lits int   // literal bytes in toks
	pure bool  // the segment is a single wildcard
}

// tok is a byte of literal text, or star for a wildcard.
type tok int16

const star tok = -1

// request is a parsed request pattern.
type request struct {
	base base
	segs []segment
	long bool // more than maxSegments segments: matches nothing
}

// parseRequest strips the scheme, host, query and fragment from a URL
// pattern and splits its path into segments, appending them to buf (and
// using pieces as scratch space).
func parseRequest(p strpat.Pattern, buf []segment, pieces *[]strpat.Elem) request {
	if len(p) == 0 {
		return request{}
	}
	b, first, more := splitHost(p)
	if b == baseNone {
		return request{}
	}
	segs, long := splitPath(first, more, buf, pieces)
	return request{base: b, segs: segs, long: long}
}

// splitHost classifies the start of p and returns the rest of it, the path
// (and maybe query and fragment), as the literal first followed by more.
func splitHost(p strpat.Pattern) (b base, first string, more strpat.Pattern) {
	if p[0].Wild {
		if len(p) == 1 {
			return baseNone, "", nil // fixes nothing
		}
		// scheme + "://" + host ...: the scheme is unknown, the rest is not.
		if rest, ok := strings.CutPrefix(p[1].Lit, "://"); ok {
			return splitAfterScheme(rest, p[2:])
		}
		return baseUnknown, "", p[1:]
	}
	lit := p[0].Lit
	if i := strings.Index(lit, "://"); i >= 0 {
		switch strings.ToLower(lit[:i]) {
		case "http", "https":
			return splitAfterScheme(lit[i+3:], p[1:])
		}
		return baseNone, "", nil
	}
	if rest, ok := strings.CutPrefix(lit, "//"); ok { // scheme-relative URL
		return splitAfterScheme(rest, p[1:])
	}
	// A host without a scheme: x.atlassian.net/rest/..., api.atlassian.com/ex/...
	if i := strings.IndexAny(lit, "/?#"); i > 0 {
		if b := hostBase(lit[:i]); b == baseSite || b == baseGateway {
			return b, lit[i:], p[1:]
		}
	}
	return baseUnknown, lit, p[1:] // a relative path
}

// splitAfterScheme handles the text after "scheme://": lit is the rest of
// the literal holding it, more the elements after that literal.
func splitAfterScheme(lit string, more strpat.Pattern) (base, string, strpat.Pattern) {
	if i := strings.IndexAny(lit, "/?#"); i >= 0 {
		return hostBase(lit[:i]), lit[i:], more
	}
	// The host runs into a wildcard: find where it ends.
	sawLit := false
	for j, e := range more {
		if e.Wild {
			continue
		}
		i := strings.IndexAny(e.Lit, "/?#")
		if i < 0 {
			sawLit = true
			continue
		}
		first, rest := e.Lit[i:], more[j+1:]
		if sawLit { // text between wildcards: give up on knowing the host
			return baseUnknown, first, rest
		}
		switch h := strings.ToLower(e.Lit[:i]); {
		case h == "" || h[0] == ':':
			// The wildcard is the host (and maybe a base path such as /wiki).
			return baseUnknown, first, rest
		case hostBase("x"+h) == baseSite:
			return baseSite, first, rest // https:// + site + .atlassian.net/...
		default:
			return baseNone, "", nil
		}
	}
	return baseNone, "", nil // no path
}

// hostBase classifies a literal host (with optional user info and port).
func hostBase(host string) base {
	if i := strings.LastIndexByte(host, '@'); i >= 0 {
		host = host[i+1:]
	}
	if i := strings.LastIndexByte(host, ':'); i >= 0 {
		host = host[:i]
	}
	host = strings.ToLower(strings.TrimSuffix(host, "."))
	switch {
	case host == "api.atlassian.com":
		return baseGateway
	case strings.HasSuffix(host, ".atlassian.net"),
		strings.HasSuffix(host, ".jira.com"),
		strings.HasSuffix(host, ".jira-dev.com"):
		return baseSite
	}
	return baseNone
}

// maxSegments bounds the segments a request is split into: no template is
// near that deep, and a longer path is answered without walking it.
const maxSegments = 64

// splitPath cuts the query and fragment off the path first + more and
// splits it into segments: empty segments are dropped (leading, trailing
// and double slashes), "." is dropped and ".." removes the segment before
// it. long reports a path cut short after maxSegments segments.
func splitPath(first string, more strpat.Pattern, buf []segment, pieces *[]strpat.Elem) (segs []segment, long bool) {
	p := pathSplitter{segs: buf, cur: (*pieces)[:0]}
	defer func() { *pieces = p.cur[:0] }()
	if p.literal(first) {
		for _, e := range more {
			if e.Wild {
				p.cur = append(p.cur, e)
				p.hasWild = true
			} else if !p.literal(e.Lit) {
				break
			}
		}
	}
	p.flush()
	return p.segs, p.long
}

type pathSplitter struct {
	segs    []segment
	cur     []strpat.Elem // pieces of a segment with wildcards being built
	hasWild bool          // cur holds a wildcard
	long    bool
}

// literal splits literal text; it reports false at the end of the path
// (a query or fragment, or too many segments).
func (p *pathSplitter) literal(lit string) bool {
	end := false
	if i := strings.IndexAny(lit, "?#"); i >= 0 {
		lit, end = lit[:i], true
	}
	for lit != "" {
		i := strings.IndexByte(lit, '/')
		if i < 0 {
			p.cur = append(p.cur, strpat.Elem{Lit: lit})
			break
		}
		if i > 0 {
			if len(p.cur) == 0 {
				p.add(segment{lit: unescape(lit[:i])}) // the common case: no copy
			} else {
				p.cur = append(p.cur, strpat.Elem{Lit: lit[:i]})
			}
		}
		p.flush()
		if len(p.segs) > maxSegments {
			p.long = true
			return false
		}
		lit = lit[i+1:]
	}
	return !end
}

func (p *pathSplitter) flush() {
	if len(p.cur) == 0 {
		return
	}
	if p.hasWild {
		p.add(wildSegment(p.cur))
	} else if len(p.cur) == 1 {
		p.add(segment{lit: unescape(p.cur[0].Lit)})
	} else {
		var b strings.Builder
		for _, e := range p.cur {
			b.WriteString(e.Lit)
		}
		p.add(segment{lit: unescape(b.String())})
	}
	p.cur, p.hasWild = p.cur[:0], false
}

func (p *pathSplitter) add(s segment) {
	switch {
	case s.wild:
	case s.lit == ".":
		return
	case s.lit == "..":
		if len(p.segs) > 0 {
			p.segs = p.segs[:len(p.segs)-1]
		}
		return
	default:
		s.param = isParam(s.lit)
	}
	p.segs = append(p.segs, s)
}

// wildSegment builds a segment from pieces holding a wildcard.
func wildSegment(pieces []strpat.Elem) segment {
	w := &wildSeg{pure: len(pieces) == 1}
	for _, e := range pieces {
		if e.Wild {
			w.toks = append(w.toks, star)
			continue
		}
		lit := unescape(e.Lit)
		for i := 0; i < len(lit); i++ {
			w.toks = append(w.toks, tok(lit[i]))
		}
		w.lits += len(lit)
	}
	return segment{wild: true, w: w}
}

// unescape decodes %XX escapes, leaving malformed ones as they are.
func unescape(s string) string {
	i := strings.IndexByte(s, '%')
	if i < 0 {
		return s
	}
	b := make([]byte, 0, len(s))
	b = append(b, s[:i]...)
	for ; i < len(s); i++ {
		if s[i] == '%' && i+2 < len(s) && isHex(s[i+1]) && isHex(s[i+2]) {
			b = append(b, unhex(s[i+1])<<4|unhex(s[i+2]))
			i += 2
			continue
		}
		b = append(b, s[i])
	}
	return string(b)
}

func isHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}

func unhex(c byte) byte {
	switch {
	case c <= '9':
		return c - '0'
	case c <= 'F':
		return c - 'A' + 10
	}
	return c - 'a' + 10
}
