package vettool

import (
	"bytes"
	"cmp"
	"encoding/gob"
	"fmt"
	"go/types"
	"os"
	"reflect"
	"slices"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/types/objectpath"
)

// The facts file ("vetx") go vet keeps for every package and hands to the
// packages that import it. Its content is ours:
//
//   - empty: the package was not analysed (the standard library, and any
//     dependency that cannot reach an HTTP or auth API); it has no facts
//     and nothing that imports it inherits any through it;
//   - factsMagic followed by a gob-encoded []wireFact: the package was
//     analysed; the list holds its facts and every fact it inherited,
//     so that facts reach indirect importers.
//
// go vet hashes this file into its importers' cache keys, so the encoding
// is deterministic: facts sorted, no maps.
const factsMagic = "connectlint facts v1\n"

// wireFact is one fact in a facts file: about a package (Object == "") or
// about an object of it, named by its objectpath.
type wireFact struct {
	Package string
	Object  objectpath.Path
	Fact    analysis.Fact
}

// factKey identifies a fact: package facts have a nil obj.
type factKey struct {
	pkg *types.Package
	obj types.Object
	typ reflect.Type
}

// factStore holds the facts of one run: inherited and exported.
type factStore struct {
	m map[factKey]analysis.Fact
}

func newFactStore() *factStore { return &factStore{m: map[factKey]analysis.Fact{}} }

// registerFactTypes makes the facts of every analyzer encodable.
func registerFactTypes(as []*analysis.Analyzer) {
	seen := map[*analysis.Analyzer]bool{}
	var visit func(a *analysis.Analyzer)
	visit = func(a *analysis.Analyzer) {
		if seen[a] {
			return
		}
		seen[a] = true
		for _, f := range a.FactTypes {
			gob.Register(f)
		}
		for _, req := range a.Requires {
			visit(req)
		}
	}
	for _, a := range as {
		visit(a)
	}
}

// isAnalysed reports whether a dependency's facts file says it was
// analysed (see factsMagic).
func isAnalysed(file string) (bool, error) {
	st, err := os.Stat(file)
	if err != nil {
		return false, err
	}
	return st.Size() > 0, nil
}

// load reads the facts of the package's direct imports (which carry their
// own imports' facts). Facts about objects this package cannot see (their
// package's export data was not loaded) are dropped, as go/analysis does;
// package facts are kept, on a placeholder package when needed, because
// program-wide analyses (excess-scope) add up every package's facts.
func (s *factStore) load(paths []string, read func(path string) ([]byte, error), imports map[string]*types.Package) error {
	placeholders := map[string]*types.Package{}
	pkgFor := func(path string) *types.Package {
		if p := imports[path]; p != nil {
			return p
		}
		if p := placeholders[path]; p != nil {
			return p
		}
		p := types.NewPackage(path, "")
		placeholders[path] = p
		return p
	}
	for _, path := range paths {
		data, err := read(path)
		if err != nil {
			return fmt.Errorf("reading the facts of %s: %v", path, err)
		}
		if len(data) == 0 {
			continue
		}
		rest, ok := bytes.CutPrefix(data, []byte(factsMagic))
		if !ok {
			return fmt.Errorf("the facts of %s were written by another vet tool; run go clean -cache", path)
		}
		var list []wireFact
		if err := gob.NewDecoder(bytes.NewReader(rest)).Decode(&list); err != nil {
			return fmt.Errorf("decoding the facts of %s: %v", path, err)
		}
		for _, f := range list {
			if f.Object == "" {
				s.m[factKey{pkgFor(f.Package), nil, reflect.TypeOf(f.Fact)}] = f.Fact
				continue
			}
			pkg := imports[f.Package]
			if pkg == nil {
				continue
			}
			obj, err := objectpath.Object(pkg, f.Object)
			if err != nil {
				continue // not in the export data this package sees
			}
			s.m[factKey{pkg, obj, reflect.TypeOf(f.Fact)}] = f.Fact
		}
	}
	return nil
}

// encode writes every fact of the store, inherited ones included, or with
// only set, only the facts about that package and its objects.
func (s *factStore) encode(only *types.Package) ([]byte, error) {
	var list []wireFact
	var enc objectpath.Encoder
	for k, f := range s.m {
		if only != nil && k.pkg != only {
			continue
		}
		w := wireFact{Package: k.pkg.Path(), Fact: f}
		if k.obj != nil {
			p, err := enc.For(k.obj)
			if err != nil {
				continue // e.g. a local object: no importer can name it
			}
			w.Object = p
		}
		list = append(list, w)
	}
	slices.SortFunc(list, func(a, b wireFact) int {
		return cmp.Or(
			cmp.Compare(a.Package, b.Package),
			cmp.Compare(a.Object, b.Object),
			cmp.Compare(typeName(a.Fact), typeName(b.Fact)),
		)
	})
	var buf bytes.Buffer
	buf.WriteString(factsMagic)
	if err := gob.NewEncoder(&buf).Encode(list); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// passFacts gives a pass the fact functions of go/analysis over the store,
// restricted to the analyzer's fact types.
func (s *factStore) bind(pass *analysis.Pass) {
	own := map[reflect.Type]bool{}
	for _, f := range pass.Analyzer.FactTypes {
		own[reflect.TypeOf(f)] = true
	}
	get := func(k factKey, ptr analysis.Fact) bool {
		f, ok := s.m[k]
		if ok {
			reflect.ValueOf(ptr).Elem().Set(reflect.ValueOf(f).Elem())
		}
		return ok
	}
	pass.ImportObjectFact = func(obj types.Object, ptr analysis.Fact) bool {
		if obj == nil {
			return false
		}
		return get(factKey{obj.Pkg(), obj, reflect.TypeOf(ptr)}, ptr)
	}
	pass.ImportPackageFact = func(pkg *types.Package, ptr analysis.Fact) bool {
		return get(factKey{pkg, nil, reflect.TypeOf(ptr)}, ptr)
	}
	pass.ExportObjectFact = func(obj types.Object, f analysis.Fact) {
		if obj.Pkg() != pass.Pkg {
			panic(fmt.Sprintf("%s: fact about %s, which belongs to another package", pass.Analyzer.Name, obj))
		}
		s.m[factKey{obj.Pkg(), obj, reflect.TypeOf(f)}] = f
	}
	pass.ExportPackageFact = func(f analysis.Fact) {
		s.m[factKey{pass.Pkg, nil, reflect.TypeOf(f)}] = f
	}
	pass.AllObjectFacts = func() []analysis.ObjectFact {
		var out []analysis.ObjectFact
		for k, f := range s.m {
			if k.obj != nil && own[k.typ] {
				out = append(out, analysis.ObjectFact{Object: k.obj, Fact: f})
			}
		}
		return out
	}
	pass.AllPackageFacts = func() []analysis.PackageFact {
		var out []analysis.PackageFact
		for k, f := range s.m {
			if k.obj == nil && own[k.typ] {
				out = append(out, analysis.PackageFact{Package: k.pkg, Fact: f})
			}
		}
		return out
	}
}

// typeName names a fact's type uniquely (facts are pointers to named types).
func typeName(f analysis.Fact) string {
	t := reflect.TypeOf(f)
	if t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	return t.PkgPath() + "." + t.Name()
}
