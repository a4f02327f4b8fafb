package apispec

import (
	"slices"
	"strings"
)

// maxSuggestions bounds Match.Suggestions.
const maxSuggestions = 5

// suggest returns the operations nearest to a request that matched nothing:
// first the operations of other methods at the paths it did match, then
// the operations whose templates differ least, segment by segment.
func (t *table) suggest(method string, req request, cands []cand) []*Operation {
	var out []*Operation
	for _, c := range cands {
		for _, op := range c.n.ops {
			if !slices.Contains(out, op) {
				out = append(out, op)
			}
		}
	}
	if len(out) > 0 {
		slices.SortFunc(out, func(a, b *Operation) int { return t.order[a] - t.order[b] })
		return out[:min(len(out), maxSuggestions)]
	}

	segs := canonicalSegments(req.segs)
	if len(segs) == 0 {
		return nil
	}
	type scored struct {
		op   *Operation
		cost float64
	}
	var best []scored
	limit := float64(len(segs)) / 2
	tmpls := t.tmpls()
	for i, op := range t.all {
		c := distance(segs, tmpls[i])
		if method != "" && op.Method != method {
			c += 0.5
		}
		if op.Status == Legacy {
			c += 0.1
		}
		if c <= limit {
			best = append(best, scored{op, c})
		}
	}
	slices.SortStableFunc(best, func(a, b scored) int {
		switch {
		case a.cost < b.cost:
			return -1
		case a.cost > b.cost:
			return 1
		}
		return 0
	})
	for _, s := range best[:min(len(best), maxSuggestions)] {
		out = append(out, s.op)
	}
	return out
}

// canonicalSegments rewrites a request path the way templates are written:
// no gateway prefix, /rest/api/3 for /rest/api/2 and /rest/api/latest.
// It keeps at most 16 segments: enough to compare with any template.
func canonicalSegments(segs []segment) []segment {
	if len(segs) >= 3 && segs[0].lit == "ex" && (segs[1].lit == "jira" || segs[1].lit == "confluence") {
		conf := segs[1].lit == "confluence"
		segs = segs[3:]
		if conf && (len(segs) == 0 || segs[0].lit != "wiki") {
			segs = append([]segment{{lit: "wiki"}}, segs...)
		}
	}
	segs = segs[:min(len(segs), 16)]
	if len(segs) >= 3 && segs[0].lit == "rest" && segs[1].lit == "api" && (segs[2].lit == "2" || segs[2].lit == "latest") {
		segs = slices.Clone(segs)
		segs[2] = segment{lit: "3"}
	}
	return segs
}

// distance is how far a request path is from a template: the sum of the
// segment differences, plus one per missing or extra segment. A Confluence
// template is also compared without its /wiki prefix (a base ending in /wiki).
func distance(segs []segment, tmpl []string) float64 {
	d := segmentsDistance(segs, tmpl)
	if tmpl[0] == "wiki" && !segs[0].wild && segs[0].lit != "wiki" {
		d = min(d, segmentsDistance(segs, tmpl[1:]))
	}
	return d
}

func segmentsDistance(segs []segment, tmpl []string) float64 {
	n := min(len(segs), len(tmpl))
	d := float64(max(len(segs), len(tmpl)) - n)
	for i := 0; i < n; i++ {
		d += segmentDistance(&segs[i], tmpl[i])
	}
	return d
}

func segmentDistance(s *segment, t string) float64 {
	switch {
	case isParam(t), s.wild, s.lit == t:
		return 0
	case strings.EqualFold(s.lit, t):
		return 0.25
	}
	limit := max(1, min(3, len(t)/4))
	if e := editDistance(s.lit, t, limit); e <= limit {
		return 0.3 + 0.1*float64(e) // a typo
	}
	return 1
}

// editDistance is the Levenshtein distance of a and b, or limit+1 when it
// exceeds limit.
func editDistance(a, b string, limit int) int {
	if d := len(a) - len(b); d > limit || -d > limit {
		return limit + 1
	}
	var rows [2][65]int // no allocation for the usual short segments
	prev, cur := rows[0][:], rows[1][:]
	if len(b) >= len(rows[0]) {
		prev, cur = make([]int, len(b)+1), make([]int, len(b)+1)
	}
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		rowMin := cur[0]
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			rowMin = min(rowMin, cur[j])
		}
		if rowMin > limit {
			return limit + 1
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}
