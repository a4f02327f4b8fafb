package apispec

import (
	"slices"
	"strings"
	"sync"
)

// The matcher walks a trie of path segments. Aliases share subtrees, so the
// trie is a DAG:
//
//	site:   /rest/...                     Jira, Jira Software, JSM
//	        /rest/api/{2,latest}/...  ->  the /rest/api/3 node
//	        /wiki/...                 ->  conf
//	        /ex/jira/{cloudId}/...    ->  jira
//	        /ex/confluence/{cloudId}/[wiki/]... -> conf
//	gateway: /ex/... as above, and the platform API (/me, /oauth/...)
//	conf:   /rest/api/..., /api/v2/..., /rest/atlassian-connect/...
//	        (Confluence paths without their /wiki prefix)
//
// A request with an unknown base (a leading wildcard or a relative path) is
// walked from site and from conf, since a Confluence base URL ends in /wiki.

// node is one path segment of one or more templates.
type node struct {
	lit   map[string]*node // literal child segments
	keys  []string         // lit's keys, sorted: wildcard walks are deterministic
	param *node            // the child for a template parameter ({issueIdOrKey})
	ops   []*Operation     // operations whose template ends here, table order
}

// child returns n's child for seg, taking a new node from slab if needed.
func (n *node) child(seg string, slab *[]node) *node {
	newNode := func() *node {
		if len(*slab) == 0 {
			*slab = make([]node, 256)
		}
		c := &(*slab)[0]
		*slab = (*slab)[1:]
		return c
	}
	if isParam(seg) {
		if n.param == nil {
			n.param = newNode()
		}
		return n.param
	}
	if c := n.lit[seg]; c != nil {
		return c
	}
	if n.lit == nil {
		n.lit = map[string]*node{}
	}
	c := newNode()
	n.lit[seg] = c
	return c
}

// link makes seg an alias child of n for an existing subtree.
func (n *node) link(seg string, to *node) {
	if n.lit == nil {
		n.lit = map[string]*node{}
	}
	n.lit[seg] = to
}

// finish sorts the literal keys of every node reachable from n.
func (n *node) finish(done map[*node]bool) {
	if done[n] {
		return
	}
	done[n] = true
	n.keys = n.keys[:0]
	for k, c := range n.lit {
		n.keys = append(n.keys, k)
		c.finish(done)
	}
	slices.Sort(n.keys)
	if n.param != nil {
		n.param.finish(done)
	}
}

// isParam reports whether a segment is a template parameter: {name}.
func isParam(seg string) bool {
	return len(seg) >= 2 && seg[0] == '{' && seg[len(seg)-1] == '}' &&
		!strings.ContainsAny(seg[1:len(seg)-1], "{}")
}

// table is the lazily built lookup structure.
type table struct {
	all   []*Operation
	order map[*Operation]int // position in all
	tmpls func() [][]string  // each operation's path segments, as all

	site    *node // root of a site (https://x.atlassian.net)
	conf    *node // root of a Confluence base (https://x.atlassian.net/wiki)
	gateway *node // root of https://api.atlassian.com

	roots [baseGateway + 1][]*node // where a request with each base starts

	maxDepth int // most segments of any path through the DAG
}

var (
	indexOnce sync.Once
	theIndex  *table
)

// byRoute finds operations by Route ("METHOD /path"), for ReplacedBy.
var byRoute = sync.OnceValue(func() map[string]*Operation {
	all := index().all
	m := make(map[string]*Operation, len(all))
	for _, op := range all {
		m[op.Route()] = op
	}
	return m
})

// index returns the lookup structure, building it on first use.
func index() *table {
	indexOnce.Do(func() {
		ops := make([]Operation, 0, len(operations)+len(platformOperations))
		ops = append(append(ops, operations[:]...), platformOperations[:]...)
		theIndex = buildIndex(ops)
	})
	return theIndex
}

func buildIndex(ops []Operation) *table {
	t := &table{
		all:   make([]*Operation, len(ops)),
		order: make(map[*Operation]int, len(ops)),
	}
	t.tmpls = sync.OnceValue(func() [][]string { // only for suggestions
		tmpls := make([][]string, len(t.all))
		for i, op := range t.all {
			tmpls[i] = strings.Split(strings.Trim(op.Path, "/"), "/")
		}
		return tmpls
	})
	var slab []node
	jira, conf, platform := new(node), new(node), new(node)
	for i := range ops {
		op := &ops[i]
		t.all[i] = op
		t.order[op] = i
		root, path := jira, op.Path
		switch op.Product {
		case Confluence:
			root, path = conf, strings.TrimPrefix(path, "/wiki")
		case Platform:
			root = platform
		}
		n, depth := root, 0
		for rest := strings.Trim(path, "/"); rest != ""; depth++ {
			var seg string
			seg, rest, _ = strings.Cut(rest, "/")
			n = n.child(seg, &slab)
		}
		n.ops = append(n.ops, op)
		// +4 for the longest prefix: /ex/confluence/{cloudId}/wiki.
		t.maxDepth = max(t.maxDepth, depth+4)
	}
	// Jira REST v2 and "latest" are v3 with other bodies: same operations.
	if api := jira.lit["rest"].lit["api"]; api != nil && api.lit["3"] != nil {
		api.link("2", api.lit["3"])
		api.link("latest", api.lit["3"])
	}

	confGateway := &node{param: conf.param}
	for k, c := range conf.lit {
		confGateway.link(k, c)
	}
	confGateway.link("wiki", conf)
	ex := new(node)
	ex.child("jira", &slab).param = jira
	ex.child("confluence", &slab).param = confGateway

	t.site = &node{param: jira.param}
	for k, c := range jira.lit {
		t.site.link(k, c)
	}
	t.site.link("wiki", conf)
	t.site.link("ex", ex)
	t.conf = conf
	t.gateway = new(node)
	for k, c := range platform.lit {
		t.gateway.link(k, c)
	}
	t.gateway.link("ex", ex)

	t.roots[baseSite] = []*node{t.site}
	t.roots[baseGateway] = []*node{t.gateway}
	t.roots[baseUnknown] = []*node{t.site, t.conf}

	done := map[*node]bool{}
	for _, r := range []*node{t.site, t.conf, t.gateway} {
		r.finish(done)
	}
	return t
}
