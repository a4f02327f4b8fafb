package apispec

import (
	"slices"
	"strings"
	"sync"

	"github.com/connectlint/connectlint/internal/strpat"
)

// Lookup matches a request against the table. method is upper case, or ""
// when the code does not fix it; url is the request URL or path pattern as
// the code builds it (scheme and host, gateway prefix, query string and
// fragment allowed).
//
// What it accepts: a path with or without its leading slash; an Atlassian
// site (https://x.atlassian.net), the API gateway
// (https://api.atlassian.com/ex/jira/{cloudId}, /ex/confluence/{cloudId}),
// or an unknown base (a leading wildcard, or a relative path), which may
// end in /wiki; /rest/api/2 and /rest/api/latest for /rest/api/3; trailing
// and double slashes, "." and "..", percent-encoding; a segment written as
// a template parameter ({issueIdOrKey}) stands for any value of it.
//
// How it chooses: a wildcard may stand for text within one path segment
// or, in a loose match (Match.Loose), for several segments. Among the
// operations of the method that match, literal segments beat template
// parameters, segment by segment from the left, as Atlassian's routers do
// (/issue/createmeta is not /issue/{issueIdOrKey}); then matches where each
// wildcard stays within a segment beat loose ones. The rest are returned
// best first: wildcards standing for parameters before wildcards standing
// for literal segments, current operations before legacy ones. Method ""
// matches every method; HEAD matches GET operations.
//
// A lookup of a constant path takes a few hundred nanoseconds and one
// allocation; the first lookup builds the index (under a millisecond).
func Lookup(method string, url strpat.Pattern) Match {
	t := index()
	w := walkers.Get().(*walker)
	defer w.release()
	req := parseRequest(url, w.segBuf[:0], &w.pieceBuf)
	w.segBuf = req.segs[:0] // keep a grown buffer
	if req.base == baseNone || !restish(req.base, req.segs) {
		return Match{Kind: NotAtlassian}
	}
	method = normalizeMethod(method)
	if !req.long && len(req.segs) <= t.maxDepth && !impossible(req.segs) {
		w.segs = req.segs
		for _, root := range t.roots[req.base] {
			w.walk(root, 0, score{})
		}
	}
	m := w.choose(method)
	if m.Kind == Matched && valueAtEnd(req.segs) && w.guessed(method) {
		// Every candidate needs a wildcard segment (a value: an id, a key)
		// to be one of its literal segments: the request is more likely
		// an operation the table lacks than, say, .../workflow/search.
		m = Match{Kind: Unknown, Suggestions: m.Ops[:min(len(m.Ops), maxSuggestions)]}
	}
	if m.Kind == Unknown && method == "HEAD" {
		// JAX-RS servers such as Jira's answer HEAD with the GET resource.
		m = w.choose("GET")
	}
	if m.Kind == Unknown && m.Suggestions == nil {
		m.Suggestions = t.suggest(method, req, w.cands)
	}
	m.Host = hostOf[req.base]
	return m
}

// walkers recycles the walkers' buffers: a lookup of a constant path then
// allocates only its answer.
var walkers = sync.Pool{New: func() any { return new(walker) }}

func (w *walker) release() {
	clear(w.segBuf[:cap(w.segBuf)]) // drop references to the request's text
	clear(w.cands[:cap(w.cands)])
	clear(w.pieceBuf[:cap(w.pieceBuf)])
	clear(w.memo)
	*w = walker{segBuf: w.segBuf[:0], cands: w.cands[:0], pieceBuf: w.pieceBuf[:0], memo: w.memo}
	walkers.Put(w)
}

// LookupString is Lookup for a URL written as text, with each strpat.WildMark
// ("…") standing for a wildcard.
func LookupString(method, url string) Match {
	return Lookup(method, strpat.Parse(url))
}

// HostOf tells where a URL pattern goes from its literal host alone, even
// when its path is not known: https://x.atlassian.net + path is a site.
func HostOf(url strpat.Pattern) Host {
	if len(url) == 0 || url[0].Wild {
		return HostUnknown
	}
	lit := url[0].Lit
	i := strings.Index(lit, "://")
	if i < 0 {
		return HostUnknown
	}
	rest := lit[i+3:]
	if j := strings.IndexAny(rest, "/?#"); j >= 0 {
		rest = rest[:j]
	} else if len(url) > 1 && !url[1].Wild && !strings.ContainsAny(url[1].Lit[:1], "/?#") {
		return HostUnknown // the host goes on in the next piece
	}
	return hostOf[hostBase(rest)]
}

var hostOf = [...]Host{baseNone: HostUnknown, baseUnknown: HostUnknown, baseSite: HostSite, baseGateway: HostGateway}

// restish reports whether a path looks like an Atlassian REST path: the
// answer for one that matches nothing is Unknown, not NotAtlassian.
func restish(b base, segs []segment) bool {
	if len(segs) == 0 || segs[0].wild {
		return false
	}
	switch segs[0].lit {
	case "rest", "wiki", "ex":
		return true
	case "me", "oauth": // the platform API (platform.go)
		return b == baseGateway
	case "api": // Confluence v2 after a base ending in /wiki
		return b == baseUnknown && len(segs) > 1 && !segs[1].wild && segs[1].lit == "v2"
	}
	return false
}

func normalizeMethod(m string) string {
	m = strings.TrimSpace(m)
	for i := 0; i < len(m); i++ {
		if c := m[i]; 'a' <= c && c <= 'z' {
			return strings.ToUpper(m)
		}
	}
	return m
}

func impossible(segs []segment) bool {
	for i := range segs {
		if segs[i].wild && (segs[i].w.lits > maxSegmentBytes || len(segs[i].w.toks) > maxToks) {
			return true
		}
	}
	return false
}

// maxSegmentBytes bounds the literal text of a wildcard segment: such a
// segment is taken to match nothing (no template segment, nor a plausible
// parameter value, is that long), which keeps the NFA state sets small.
const maxSegmentBytes = 240

// score ranks the ways a request matches a template; lower is better.
type score struct {
	loose   bool   // a wildcard stood for several segments
	params  uint64 // bit 63-i: literal request segment i matched a parameter
	wildLit uint16 // wildcard segments that matched literal template segments
}

func (a score) less(b score) bool {
	if a.routeLess(b) || b.routeLess(a) {
		return a.routeLess(b)
	}
	return a.wildLit < b.wildLit
}

// routeLess compares what decides between routes (wildLit only orders):
// a literal segment of the request matching a parameter is less likely
// than a wildcard standing for several segments.
func (a score) routeLess(b score) bool {
	if a.params != b.params {
		return a.params < b.params
	}
	return !a.loose && b.loose
}

type cand struct {
	n  *node
	sc score
}

type memoKey struct {
	n        *node
	seg      int
	spanning bool
	states   bitset
}

// walker finds the template paths a request's segments can match.
type walker struct {
	segBuf   []segment     // reused for the request's segments
	pieceBuf []strpat.Elem // reused while splitting the path
	segs     []segment
	cands    []cand
	memo     map[memoKey]score // best score a wildcard state was reached with
}

func (w *walker) walk(n *node, i int, sc score) {
	if i == len(w.segs) {
		if len(n.ops) > 0 {
			w.cands = append(w.cands, cand{n, sc})
		}
		return
	}
	s := &w.segs[i]
	switch {
	case s.param:
		if n.param != nil {
			w.walk(n.param, i+1, sc)
		}
	case !s.wild:
		if c := n.lit[s.lit]; c != nil {
			w.walk(c, i+1, sc)
		}
		if n.param != nil && i < 64 {
			sc.params |= 1 << (63 - i)
			w.walk(n.param, i+1, sc)
		}
	default:
		w.span(n, i, startStates(s), false, sc)
	}
}

// span matches the wildcard segment i against the children of n, given
// the NFA states reached so far (spanning: after one or more '/' the
// segment's wildcards have eaten).
func (w *walker) span(n *node, i int, st bitset, spanning bool, sc score) {
	if spanning {
		sc.loose = true
	}
	if w.memo == nil {
		w.memo = map[memoKey]score{}
	}
	key := memoKey{n, i, spanning, st}
	if best, ok := w.memo[key]; ok && !sc.less(best) {
		return
	}
	w.memo[key] = sc
	s := &w.segs[i]
	try := func(c *node, next bitset, literal bool) {
		if next.empty() {
			return
		}
		if next.has(len(s.w.toks)) {
			sc := sc
			if literal && s.w.pure && !spanning {
				sc.wildLit++
			}
			w.walk(c, i+1, sc)
		}
		if across := next.stars(s.w.toks); !across.empty() {
			w.span(c, i, across, true, sc)
		}
	}
	if s.w.pure { // a lone wildcard matches any text: it may end or go on
		all := bitset{0b11}
		if n.param != nil {
			try(n.param, all, false)
		}
		for _, k := range n.keys {
			try(n.lit[k], all, true)
		}
		return
	}
	if n.param != nil {
		try(n.param, consumeParam(s.w.toks, st), false)
	}
	for _, k := range n.keys {
		try(n.lit[k], consumeLit(s.w.toks, st, k), true)
	}
}

// choose picks the answer from the candidates the walk found.
func (w *walker) choose(method string) Match {
	var best *score
	for i := range w.cands {
		c := &w.cands[i]
		if !hasMethod(c.n.ops, method) {
			continue
		}
		if best == nil || c.sc.routeLess(*best) {
			best = &c.sc
		}
	}
	if best == nil {
		return Match{Kind: Unknown}
	}
	if len(w.cands) == 1 { // the common case: the operations are in order
		ops := w.cands[0].n.ops
		if method == "" {
			return Match{Kind: Matched, Loose: best.loose, Ops: slices.Clone(ops)}
		}
		for _, op := range ops {
			if op.Method == method {
				return Match{Kind: Matched, Loose: best.loose, Ops: []*Operation{op}}
			}
		}
	}
	type ranked struct {
		op *Operation
		sc score
	}
	var rs []ranked
	for _, c := range w.cands {
		if c.sc.routeLess(*best) || best.routeLess(c.sc) {
			continue
		}
		for _, op := range c.n.ops {
			if method == "" || op.Method == method {
				rs = append(rs, ranked{op, c.sc})
			}
		}
	}
	order := index().order
	slices.SortFunc(rs, func(a, b ranked) int {
		switch {
		case a.op == b.op:
			return 0
		case a.sc.less(b.sc):
			return -1
		case b.sc.less(a.sc):
			return 1
		case a.op.Status != b.op.Status:
			return int(a.op.Status) - int(b.op.Status)
		}
		return order[a.op] - order[b.op]
	})
	m := Match{Kind: Matched, Loose: best.loose, Ops: make([]*Operation, 0, len(rs))}
	var seen map[*Operation]bool // for many candidates
	if len(rs) > 16 {
		seen = make(map[*Operation]bool, len(rs))
	}
	for _, r := range rs {
		switch {
		case seen != nil && seen[r.op], seen == nil && slices.Contains(m.Ops, r.op):
			continue
		case seen != nil:
			seen[r.op] = true
		}
		m.Ops = append(m.Ops, r.op)
	}
	return m
}

// valueAtEnd reports whether the request's only wildcard segment is its
// last one, after a resource name: /rest/api/3/workflow/<id>. (A wildcard
// API version, /rest/api/<v>/issue, or a wildcard after the API root,
// /rest/api/3/<anything>, is not a value.)
func valueAtEnd(segs []segment) bool {
	n := len(segs)
	if n < 2 || !segs[n-1].wild || !segs[n-1].w.pure || segs[n-2].wild || IsRootSegment(segs[n-2].lit) {
		return false
	}
	for _, s := range segs[:n-1] {
		if s.wild {
			return false
		}
	}
	return true
}

// IsRootSegment reports whether a path segment belongs to an API's root
// ("rest", "api", "3", "1.0", "latest", "v2") rather than naming a resource.
func IsRootSegment(seg string) bool {
	switch strings.ToLower(seg) {
	case "", "rest", "api", "latest", "wiki", "agile", "servicedeskapi", "ex", "jira", "confluence":
		return true
	}
	if len(seg) > 1 && (seg[0] == 'v' || seg[0] == 'V') {
		seg = seg[1:]
	}
	return strings.Trim(seg, "0123456789.") == ""
}

// guessed reports whether every best candidate of the method (as choose
// ranks routes) matched only by taking a whole wildcard segment for a
// literal template segment.
func (w *walker) guessed(method string) bool {
	var best *score
	for i := range w.cands {
		c := &w.cands[i]
		if hasMethod(c.n.ops, method) && (best == nil || c.sc.routeLess(*best)) {
			best = &c.sc
		}
	}
	if best == nil {
		return false
	}
	for _, c := range w.cands {
		if !hasMethod(c.n.ops, method) || c.sc.routeLess(*best) || best.routeLess(c.sc) {
			continue
		}
		if c.sc.wildLit == 0 {
			return false
		}
	}
	return true
}

func hasMethod(ops []*Operation, method string) bool {
	if method == "" {
		return len(ops) > 0
	}
	for _, op := range ops {
		if op.Method == method {
			return true
		}
	}
	return false
}

// The wildcard segments are matched with an NFA over their tokens: state k
// means toks[:k] is matched. A template parameter stands for any non-empty
// text without '/'.

// bitset is a set of NFA states; maxToks bounds the tokens of a segment.
type bitset [8]uint64

const maxToks = len(bitset{})*64 - 1

func (b *bitset) set(k int)      { b[k/64] |= 1 << (k % 64) }
func (b *bitset) has(k int) bool { return b[k/64]&(1<<(k%64)) != 0 }
func (b *bitset) empty() bool    { return *b == bitset{} }

// closure adds the states reachable by letting wildcards match nothing.
func closure(toks []tok, b bitset) bitset {
	for k := 0; k < len(toks); k++ {
		if b.has(k) && toks[k] == star {
			b.set(k + 1)
		}
	}
	return b
}

func startStates(s *segment) bitset {
	var b bitset
	b.set(0)
	return closure(s.w.toks, b)
}

// consumeLit returns the states after matching the literal text lit.
func consumeLit(toks []tok, st bitset, lit string) bitset {
	cur := st
	for i := 0; i < len(lit); i++ {
		next := bitset{}
		any := false
		for k := 0; k < len(toks); k++ {
			if !cur.has(k) {
				continue
			}
			switch toks[k] {
			case star:
				next.set(k)
				any = true
			case tok(lit[i]):
				next.set(k + 1)
				any = true
			}
		}
		if !any {
			return next
		}
		cur = closure(toks, next)
	}
	return cur
}

// consumeParam returns the states after matching some non-empty text
// without '/': from state k, any later state (the text spells the literal
// tokens in between), and k itself if toks[k] is a wildcard.
func consumeParam(toks []tok, st bitset) bitset {
	next := bitset{}
	from := -1
	for k := 0; k < len(toks); k++ {
		if st.has(k) {
			from = k
			if toks[k] != star {
				from = k + 1
			}
			break
		}
	}
	if from < 0 {
		return next
	}
	for k := from; k <= len(toks); k++ {
		next.set(k)
	}
	return next
}

// stars returns the states that can go on past a '/': those at a wildcard.
func (b bitset) stars(toks []tok) bitset {
	out := bitset{}
	for k := 0; k < len(toks); k++ {
		if b.has(k) && toks[k] == star {
			out.set(k)
		}
	}
	return out
}
