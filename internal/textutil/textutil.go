// Package textutil holds small text helpers shared by connectlint's
// messages, such as the "did you mean" hint for a misspelt name.
package textutil

import "fmt"

// maxLen bounds the inputs EditDistance compares in full, so that a huge
// value in a bad file cannot make a hint cost quadratic time.
const maxLen = 100

// EditDistance is the Levenshtein distance between a and b, in bytes.
// When either is longer than 100 bytes it returns the longer length, an
// upper bound far above any distance worth a hint.
func EditDistance(a, b string) int {
	if len(a) > maxLen || len(b) > maxLen {
		return max(len(a), len(b))
	}
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

// Nearest returns the candidate closest to name by EditDistance when that
// distance is at most maxDist, the earliest one on a tie; ok is false when
// no candidate is that close.
func Nearest(name string, candidates []string, maxDist int) (best string, ok bool) {
	bestDist := maxDist + 1
	for _, c := range candidates {
		if d := EditDistance(name, c); d < bestDist {
			best, bestDist, ok = c, d, true
		}
	}
	return best, ok
}

// DidYouMean returns a hint such as `; did you mean "excess-scope"?` naming
// the Nearest candidate, or "" when none is within maxDist, to be appended
// to an "unknown name" message.
func DidYouMean(name string, candidates []string, maxDist int) string {
	best, ok := Nearest(name, candidates, maxDist)
	if !ok {
		return ""
	}
	return fmt.Sprintf("; did you mean %q?", best)
}
