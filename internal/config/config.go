// Package config reads connectlint's configuration file, .connectlint.yaml
// or .connectlint.json at the module root:
//
//	enable: [missing-scope, authn]   # only these rules (IDs or analyzer names)
//	disable: [excess-scope]          # never these; disable wins over enable
//	descriptor: app/atlassian-connect.json
//	manifest: ../manifest.yml         # the Forge manifest, when not found upward
//	ignore:
//	  - rule: excess-scope
//	    path: atlassian-connect.json # a file, a directory or a glob (**, *, ?, [..])
//	    reason: ADMIN is needed by the admin page, which calls no REST API
//
// Decoding is strict: an unknown key, a missing reason or an unknown rule ID
// is an error that names the file, line and column. The file is optional;
// without it every rule is enabled and nothing is ignored. Under go vet,
// which passes no connectlint flags, this file is the only way to enable
// and disable rules; the standalone driver merges it with its flags.
package config

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"go/token"
	"io"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"

	"go.yaml.in/yaml/v3"

	"github.com/connectlint/connectlint/internal/rules"
	"github.com/connectlint/connectlint/internal/textutil"
)

// The config file names, looked up in the module root.
const (
	YAMLName = ".connectlint.yaml"
	JSONName = ".connectlint.json"
)

// Config is the decoded configuration of one module.
type Config struct {
	// Root is the module root (the directory holding go.mod), or "" when
	// the directory given to Load is in no module.
	Root string
	// File is the config file that was read, or "" when there is none.
	File string

	// Filter holds the enable and disable lists.
	Filter

	// Descriptor is the absolute path of the app descriptor when the file
	// sets one, else "". DescriptorPos is where it is set.
	Descriptor    string
	DescriptorPos token.Position

	// Manifest is the absolute path of the Forge manifest when the file
	// sets one, else "". ManifestPos is where it is set.
	Manifest    string
	ManifestPos token.Position

	// Ignores are the findings to suppress without touching the source.
	Ignores []Ignore
}

// Ignore suppresses the findings of one rule in the files Path matches.
type Ignore struct {
	Rule   string
	Path   string // slash-separated, relative to the module root; may be a glob
	Reason string
	Pos    token.Position // where the entry is written
}

// Ignored returns the first ignore entry that suppresses a finding of rule
// in filename (an absolute path), or nil.
func (c *Config) Ignored(rule, filename string) *Ignore {
	if c == nil || len(c.Ignores) == 0 || c.Root == "" {
		return nil
	}
	rel, err := filepath.Rel(c.Root, filename)
	if err != nil || !filepath.IsLocal(rel) {
		return nil
	}
	rel = filepath.ToSlash(rel)
	for i := range c.Ignores {
		ig := &c.Ignores[i]
		if ig.Rule == rule && MatchPath(ig.Path, rel) {
			return ig
		}
	}
	return nil
}

// Filter decides which rules are enabled. Names are rule IDs or analyzer
// names (which stand for all of the analyzer's rules).
type Filter struct {
	Enable  []string // when not empty, only these rules are enabled
	Disable []string // these rules are disabled, even when enabled above
}

// Enabled reports whether the rule with the given ID is enabled.
// Unregistered IDs are always enabled: hiding a finding because its rule
// lacks docs would hide a bug.
func (f Filter) Enabled(id string) bool {
	if len(f.Enable) == 0 && len(f.Disable) == 0 {
		return true
	}
	r, ok := rules.Lookup(id)
	if !ok {
		return true
	}
	names := func(list []string) bool {
		return slices.Contains(list, id) || slices.Contains(list, r.Analyzer)
	}
	if names(f.Disable) {
		return false
	}
	return len(f.Enable) == 0 || names(f.Enable)
}

// Validate reports names in the filter that are neither a rule ID nor an
// analyzer name, e.g. from command-line flags.
func (f Filter) Validate() error {
	var errs []error
	for _, name := range slices.Concat(f.Enable, f.Disable) {
		if !knownName(name) {
			errs = append(errs, fmt.Errorf("unknown rule or analyzer %q%s", name, suggest(name, true)))
		}
	}
	return errors.Join(errs...)
}

// knownName reports whether name is a rule ID or an analyzer's name.
func knownName(name string) bool {
	if _, ok := rules.Lookup(name); ok {
		return true
	}
	return len(rules.ForAnalyzer(name)) > 0
}

// suggest returns a "; did you mean X?" hint naming the registered rule (or,
// with analyzers, analyzer) closest to name, or "" when none is close.
func suggest(name string, analyzers bool) string {
	var cands []string
	for _, r := range rules.All() {
		cands = append(cands, r.ID)
		if analyzers {
			cands = append(cands, r.Analyzer)
		}
	}
	return textutil.DidYouMean(name, cands, len(name)/3)
}

// Suggest is suggest for rule IDs only, for other packages' messages.
func Suggest(id string) string { return suggest(id, false) }

// Error is a problem in a config file, at a position.
type Error struct {
	Pos token.Position // Line or Column may be 0 when unknown
	Msg string
}

func (e *Error) Error() string {
	if !e.Pos.IsValid() {
		if e.Pos.Filename != "" {
			return e.Pos.Filename + ": " + e.Msg
		}
		return e.Msg
	}
	return e.Pos.String() + ": " + e.Msg
}

// ErrorList is every problem found in one config file, in file order.
type ErrorList []*Error

func (l ErrorList) Error() string {
	msgs := make([]string, len(l))
	for i, e := range l {
		msgs[i] = e.Error()
	}
	return strings.Join(msgs, "\n")
}

// cache holds one entry per directory and per module root, so each config
// file is read once per process however many packages ask for it.
var cache struct {
	sync.Mutex
	roots   map[string]string // directory -> module root ("" for none)
	configs map[string]*entry // module root -> config
}

type entry struct {
	once sync.Once
	cfg  *Config
	err  error
}

// Load returns the configuration of the module that contains dir: the
// config file at the module root decoded and checked, or an empty Config
// when there is none. Results are cached for the life of the process.
func Load(dir string) (*Config, error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return nil, err
	}
	root := ModuleRoot(abs)
	if root == "" {
		return &Config{}, nil
	}
	cache.Lock()
	if cache.configs == nil {
		cache.configs = map[string]*entry{}
	}
	e := cache.configs[root]
	if e == nil {
		e = new(entry)
		cache.configs[root] = e
	}
	cache.Unlock()
	e.once.Do(func() { e.cfg, e.err = load(root) })
	return e.cfg, e.err
}

// ModuleRoot returns the nearest directory at or above dir holding a go.mod
// file, or "" when there is none. Results are cached for the process.
func ModuleRoot(dir string) string {
	cache.Lock()
	defer cache.Unlock()
	if cache.roots == nil {
		cache.roots = map[string]string{}
	}
	var walked []string
	root := ""
	for d := dir; ; {
		if r, ok := cache.roots[d]; ok {
			root = r
			break
		}
		walked = append(walked, d)
		if fi, err := os.Stat(filepath.Join(d, "go.mod")); err == nil && !fi.IsDir() {
			root = d
			break
		}
		parent := filepath.Dir(d)
		if parent == d {
			break
		}
		d = parent
	}
	for _, d := range walked {
		cache.roots[d] = root
	}
	return root
}

func load(root string) (*Config, error) {
	var found []string
	var data []byte
	for _, name := range []string{YAMLName, JSONName} {
		file := filepath.Join(root, name)
		b, err := os.ReadFile(file)
		switch {
		case err == nil:
			found, data = append(found, file), b
		case !errors.Is(err, os.ErrNotExist):
			return nil, err
		}
	}
	switch len(found) {
	case 0:
		return &Config{Root: root}, nil
	case 2:
		return nil, fmt.Errorf("%s: both %s and %s exist; keep one", root, YAMLName, JSONName)
	}
	return Parse(found[0], data, root)
}

// Parse decodes a config file's content. filename names it in errors and
// decides the syntax (".json" is JSON, anything else YAML); root is the
// module root that relative paths in it are resolved against.
func Parse(filename string, data []byte, root string) (*Config, error) {
	c := &Config{Root: root, File: filename}
	if strings.HasSuffix(filename, ".json") {
		if err := checkJSON(filename, data); err != nil {
			return nil, err
		}
	}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var doc, extra yaml.Node
	if err := dec.Decode(&doc); err != nil && err != io.EOF {
		return nil, yamlError(filename, err)
	}
	if err := dec.Decode(&extra); err != io.EOF {
		if err != nil {
			return nil, yamlError(filename, err)
		}
		return nil, &Error{Pos: token.Position{Filename: filename, Line: extra.Line, Column: extra.Column},
			Msg: "a second YAML document; the config is one document"}
	}
	d := decoder{file: filename, cfg: c}
	if len(doc.Content) > 0 {
		d.top(doc.Content[0])
	}
	if len(d.errs) > 0 {
		return nil, d.errs
	}
	return c, nil
}

// checkJSON reports JSON syntax errors with their position: YAML would
// accept some of them, and the file says it is JSON.
func checkJSON(filename string, data []byte) error {
	var v any
	err := json.Unmarshal(data, &v)
	var syn *json.SyntaxError
	if errors.As(err, &syn) {
		return &Error{Pos: offsetPos(filename, data, int(syn.Offset)), Msg: syn.Error()}
	}
	if err != nil {
		return &Error{Pos: token.Position{Filename: filename}, Msg: err.Error()}
	}
	return nil
}

// offsetPos converts a byte offset to a line and column; a SyntaxError's
// offset is just past the offending byte.
func offsetPos(filename string, data []byte, off int) token.Position {
	off = min(max(off-1, 0), len(data))
	before := data[:off]
	line := bytes.Count(before, []byte("\n")) + 1
	col := off - (bytes.LastIndexByte(before, '\n') + 1) + 1
	return token.Position{Filename: filename, Line: line, Column: col}
}

var yamlLine = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)

func yamlError(filename string, err error) error {
	if m := yamlLine.FindStringSubmatch(err.Error()); m != nil {
		line, _ := strconv.Atoi(m[1])
		return &Error{Pos: token.Position{Filename: filename, Line: line}, Msg: m[2]}
	}
	return &Error{Pos: token.Position{Filename: filename}, Msg: strings.TrimPrefix(err.Error(), "yaml: ")}
}

// decoder walks the YAML node tree, collecting every error.
type decoder struct {
	file string
	cfg  *Config
	errs ErrorList
}

func (d *decoder) pos(n *yaml.Node) token.Position {
	return token.Position{Filename: d.file, Line: n.Line, Column: n.Column}
}

func (d *decoder) errorf(n *yaml.Node, format string, args ...any) {
	d.errs = append(d.errs, &Error{Pos: d.pos(n), Msg: fmt.Sprintf(format, args...)})
}

var kindNames = map[yaml.Kind]string{
	yaml.DocumentNode: "a document",
	yaml.SequenceNode: "a list",
	yaml.MappingNode:  "a mapping",
	yaml.ScalarNode:   "a value",
	yaml.AliasNode:    "an alias",
}

func describe(n *yaml.Node) string {
	if n.Kind == yaml.ScalarNode {
		if n.Tag == "!!null" {
			return "nothing"
		}
		return strconv.Quote(n.Value)
	}
	return kindNames[n.Kind]
}

// fields checks that n is a mapping with only the given keys, each at most
// once, and calls visit for each key and value in file order.
func (d *decoder) fields(n *yaml.Node, what string, keys []string, visit func(key string, k, v *yaml.Node)) bool {
	if n.Kind != yaml.MappingNode {
		d.errorf(n, "%s must be a mapping with keys %s, not %s", what, strings.Join(keys, ", "), describe(n))
		return false
	}
	seen := map[string]bool{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		switch {
		case k.Kind != yaml.ScalarNode:
			d.errorf(k, "%s: keys must be plain names, not %s", what, describe(k))
		case !slices.Contains(keys, k.Value):
			d.errorf(k, "%s: unknown key %q (known keys: %s)%s", what, k.Value, strings.Join(keys, ", "), textutil.DidYouMean(k.Value, keys, 2))
		case seen[k.Value]:
			d.errorf(k, "%s: key %q appears twice", what, k.Value)
		default:
			seen[k.Value] = true
			visit(k.Value, k, v)
		}
	}
	return true
}

// str returns a scalar's text; it reports an error for anything else.
func (d *decoder) str(n *yaml.Node, what string) (string, bool) {
	if n.Kind != yaml.ScalarNode || n.Tag == "!!null" {
		d.errorf(n, "%s must be text, not %s", what, describe(n))
		return "", false
	}
	return n.Value, true
}

func (d *decoder) top(n *yaml.Node) {
	if n.Kind == yaml.ScalarNode && n.Tag == "!!null" {
		return // an empty file or a file of comments: no settings
	}
	d.fields(n, "config", []string{"enable", "disable", "descriptor", "manifest", "ignore"}, func(key string, _, v *yaml.Node) {
		switch key {
		case "enable":
			d.cfg.Enable = d.names(v, key)
		case "disable":
			d.cfg.Disable = d.names(v, key)
		case "descriptor":
			d.cfg.Descriptor, d.cfg.DescriptorPos = d.path(v, key)
		case "manifest":
			d.cfg.Manifest, d.cfg.ManifestPos = d.path(v, key)
		case "ignore":
			d.ignores(v)
		}
	})
}

// names decodes a list of rule IDs or analyzer names.
func (d *decoder) names(n *yaml.Node, key string) []string {
	if n.Kind != yaml.SequenceNode {
		d.errorf(n, "%s must be a list of rule IDs or analyzer names, not %s", key, describe(n))
		return nil
	}
	var out []string
	for _, item := range n.Content {
		name, ok := d.str(item, key+" entry")
		if !ok {
			continue
		}
		if !knownName(name) {
			d.errorf(item, "%s: unknown rule or analyzer %q%s", key, name, suggest(name, true))
			continue
		}
		out = append(out, name)
	}
	return out
}

// path decodes a path to a file, relative to the module root.
func (d *decoder) path(n *yaml.Node, key string) (string, token.Position) {
	p, ok := d.str(n, key)
	if !ok {
		return "", token.Position{}
	}
	if p == "" {
		d.errorf(n, "%s must be a path, not empty", key)
		return "", token.Position{}
	}
	if !filepath.IsAbs(p) {
		p = filepath.Join(d.cfg.Root, filepath.FromSlash(p))
	}
	if fi, err := os.Stat(p); err != nil {
		d.errorf(n, "%s %s: %v", key, n.Value, unwrapPathError(err))
		return "", token.Position{}
	} else if fi.IsDir() {
		d.errorf(n, "%s %s is a directory, not a file", key, n.Value)
		return "", token.Position{}
	}
	return p, d.pos(n)
}

func unwrapPathError(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

func (d *decoder) ignores(n *yaml.Node) {
	if n.Kind != yaml.SequenceNode {
		d.errorf(n, "ignore must be a list of {rule, path, reason} entries, not %s", describe(n))
		return
	}
	for _, item := range n.Content {
		if ig, ok := d.ignore(item); ok {
			d.cfg.Ignores = append(d.cfg.Ignores, ig)
		}
	}
}

// ignore decodes one ignore entry; ok is false when it had errors.
func (d *decoder) ignore(item *yaml.Node) (ig Ignore, ok bool) {
	ig.Pos = d.pos(item)
	ok = true
	var ruleNode, pathNode *yaml.Node
	reported := map[string]bool{} // keys whose value was already reported bad
	if !d.fields(item, "ignore entry", []string{"rule", "path", "reason"}, func(key string, _, v *yaml.Node) {
		s, valid := d.str(v, "ignore entry's "+key)
		if !valid {
			reported[key], ok = true, false
			return
		}
		switch key {
		case "rule":
			ig.Rule, ruleNode = s, v
		case "path":
			ig.Path, pathNode = s, v
		case "reason":
			ig.Reason = strings.TrimSpace(s)
		}
	}) {
		return ig, false
	}
	for _, f := range []struct{ key, val string }{{"rule", ig.Rule}, {"path", ig.Path}, {"reason", ig.Reason}} {
		if f.val == "" && !reported[f.key] {
			d.errorf(item, "ignore entry needs a %s", f.key)
			ok = false
		}
	}
	if ig.Rule != "" {
		if _, known := rules.Lookup(ig.Rule); !known {
			d.errorf(ruleNode, "ignore entry: unknown rule %q%s", ig.Rule, suggest(ig.Rule, false))
			ok = false
		}
	}
	if ig.Path != "" {
		if p, err := cleanPattern(ig.Path); err != nil {
			d.errorf(pathNode, "ignore entry: path %q %v", ig.Path, err)
			ok = false
		} else {
			ig.Path = p
		}
	}
	return ig, ok
}

// cleanPattern checks a path pattern and puts it in canonical form.
func cleanPattern(p string) (string, error) {
	if strings.Contains(p, `\`) {
		return "", errors.New(`must use / as separator`)
	}
	if path.IsAbs(p) || filepath.IsAbs(p) {
		return "", errors.New("must be relative to the module root")
	}
	p = path.Clean(p)
	if p == ".." || strings.HasPrefix(p, "../") {
		return "", errors.New("must stay inside the module root")
	}
	for _, seg := range strings.Split(p, "/") {
		if _, err := path.Match(seg, ""); err != nil {
			return "", fmt.Errorf("is not a valid glob: bad segment %q", seg)
		}
	}
	return p, nil
}

// MatchPath reports whether a slash-separated path relative to the module
// root matches pattern: each segment is matched with path.Match, "**"
// matches any number of segments, and a pattern that matches a directory
// matches everything below it.
func MatchPath(pattern, rel string) bool {
	if pattern == "." {
		return true
	}
	return matchSegs(strings.Split(pattern, "/"), strings.Split(rel, "/"))
}

func matchSegs(pat, name []string) bool {
	for len(pat) > 0 {
		if pat[0] == "**" {
			for i := 0; i <= len(name); i++ {
				if matchSegs(pat[1:], name[i:]) {
					return true
				}
			}
			return false
		}
		if len(name) == 0 {
			return false
		}
		if ok, _ := path.Match(pat[0], name[0]); !ok {
			return false
		}
		pat, name = pat[1:], name[1:]
	}
	return true // the pattern named this path or a directory above it
}
