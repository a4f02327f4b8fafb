package forge

import (
	"fmt"
	"go/ast"
	"go/build"
	"go/constant"
	"go/token"
	"go/types"
	"path/filepath"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/connectlint/connectlint/analyzers/manifest"
	"github.com/connectlint/connectlint/internal/gotypes"
)

var Analyzer = &analysis.Analyzer{
	Name:      "forge",
	Doc:       "check Forge remote handlers: invocation token verification and the tokens the manifest sends",
	URL:       "https://github.com/connectlint/connectlint/blob/main/docs/rules.md",
	Run:       run,
	Requires:  []*analysis.Analyzer{manifest.Analyzer},
	FactTypes: []analysis.Fact{new(funcFact)},
}

// funcFact summarises a function for callers in other packages: what it
// and the functions it calls read and verify.
type funcFact struct {
	Bits       bits
	Aud        string // a constant audience it checks, if any
	Middleware bool   // verifies and wraps a handler
}

func (*funcFact) AFact() {}

func (f *funcFact) String() string {
	return fmt.Sprintf("forge(%#x aud=%q middleware=%v)", uint32(f.Bits), f.Aud, f.Middleware)
}

// The Forge headers that carry the app's OAuth 2.0 tokens.
const (
	systemHeader = "x-forge-oauth-system"
	userHeader   = "x-forge-oauth-user"
	fitIssuer    = "forge/invocation-token"
)

// summary is what a function body does, with the functions it calls.
type summary struct {
	bits      bits
	aud       string
	usePos    token.Pos // first read of a token in this body
	useWhat   string
	bodyPos   token.Pos // first read of the request body in this body
	verifyPos token.Pos // first verification in this body
}

type checker struct {
	pass    *analysis.Pass
	man     *manifest.Result
	decls   map[*types.Func]*ast.FuncDecl
	sums    map[*types.Func]*summary
	reports map[token.Pos]bool
}

func run(pass *analysis.Pass) (any, error) {
	c := &checker{
		pass:    pass,
		decls:   map[*types.Func]*ast.FuncDecl{},
		sums:    map[*types.Func]*summary{},
		reports: map[token.Pos]bool{},
	}
	if inGOROOT(pass) {
		return nil, nil // the standard library serves no Forge remote
	}
	c.man, _ = pass.ResultOf[manifest.Analyzer].(*manifest.Result)
	var files []*ast.File
	for _, f := range pass.Files {
		if strings.HasSuffix(pass.Fset.File(f.Pos()).Name(), "_test.go") {
			continue
		}
		files = append(files, f)
		for _, d := range f.Decls {
			if fd, ok := d.(*ast.FuncDecl); ok && fd.Body != nil {
				if fn, ok := pass.TypesInfo.Defs[fd.Name].(*types.Func); ok {
					c.decls[fn] = fd
				}
			}
		}
	}
	for fn, fd := range c.decls {
		s := c.summaryOf(fn)
		// Only what other packages can call needs a fact.
		if s.bits != 0 && fn.Exported() {
			pass.ExportObjectFact(fn, &funcFact{Bits: s.bits, Aud: s.aud, Middleware: c.isMiddleware(fn, fd, s)})
		}
	}
	c.remoteTokenDisabled(files)
	if c.servesHTTP(files) {
		c.judgeHandlers(files)
	}
	return nil, nil
}

// summaryOf returns the summary of a function declared in this package.
func (c *checker) summaryOf(fn *types.Func) *summary {
	if s, ok := c.sums[fn]; ok {
		return s
	}
	s := &summary{}
	c.sums[fn] = s // an empty summary ends recursion
	if fd := c.decls[fn]; fd != nil {
		*s = c.summarise(fd.Body)
	}
	return s
}

// summarise walks a body (function literals included) and the functions
// it calls.
func (c *checker) summarise(body ast.Node) summary {
	info := c.pass.TypesInfo
	var s summary
	use := func(pos token.Pos, b bits, what string) {
		if b&(readsSystem|readsUser) != 0 && s.usePos == token.NoPos {
			s.usePos, s.useWhat = pos, what
		}
		if b&readsBody != 0 && s.bodyPos == token.NoPos {
			s.bodyPos = pos
		}
	}
	merge := func(pos token.Pos, b bits, aud, what string) {
		s.bits |= b
		if s.aud == "" {
			s.aud = aud
		}
		if b&uses != 0 {
			if what == "" {
				what = describeUse(b)
			}
			use(pos, b, what)
		}
		if b&verifies != 0 && s.verifyPos == token.NoPos {
			s.verifyPos = pos
		}
	}
	var opaqueAny bool
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.CallExpr:
			if tv, ok := info.Types[n.Fun]; ok && tv.IsType() {
				return true // a conversion
			}
			fn, _ := typeutil.Callee(info, n).(*types.Func)
			if fn == nil {
				if _, builtin := typeutil.Callee(info, n).(*types.Builtin); !builtin {
					opaqueAny = true
					if c.passesRequest(n) {
						s.bits |= opaque
					}
				}
				return true
			}
			if h := c.headerRead(fn, n); h != 0 {
				merge(n.Pos(), h, "", "")
				return true
			}
			if fn.Pkg() == nil {
				return true
			}
			path := fn.Pkg().Path()
			switch {
			case fn.Pkg() == c.pass.Pkg:
				if origin := fn.Origin(); c.decls[origin] != nil {
					cs := c.summaryOf(origin)
					merge(n.Pos(), cs.bits, cs.aud, cs.useWhat)
				}
			case libraryOf(path) != noLib:
				b, aud := c.libraryCall(libraryOf(path), fn, n)
				merge(n.Pos(), b, aud, "")
			case isStd(path):
				// net/http itself reads bodies and headers: not the app's doing.
			default:
				var f funcFact
				if c.pass.ImportObjectFact(fn.Origin(), &f) {
					merge(n.Pos(), f.Bits, f.Aud, "")
				} else if !c.known(path) {
					opaqueAny = true
					if c.passesRequest(n) {
						s.bits |= opaque
					}
				}
			}
		case *ast.IndexExpr:
			if tv, ok := info.Types[n.X]; ok && gotypes.IsNamed(tv.Type, "net/http", "Header") {
				if k, ok := constString(info, n.Index); ok {
					merge(n.Pos(), headerBit(k), "", "")
				}
			}
		case *ast.SelectorExpr:
			switch n.Sel.Name {
			case "Body", "GetBody":
				if tv, ok := info.Types[n.X]; ok && gotypes.IsRequest(tv.Type) {
					merge(n.Pos(), readsBody, "", "")
				}
			case "Issuer", "Iss":
				s.bits |= checksIss
			case "Audience", "Aud", "AnyAudience":
				s.bits |= checksAud
			case "SigningMethodRS256", "SigningMethodRSA":
				s.bits |= pinsAlg
			}
		case *ast.CompositeLit:
			b, aud := c.compositeLit(n)
			merge(n.Pos(), b, aud, "")
		case *ast.BasicLit:
			if v, ok := constString(info, n); ok {
				switch v {
				case fitIssuer, "iss":
					s.bits |= checksIss
				case "aud":
					s.bits |= checksAud
				case "RS256":
					s.bits |= pinsAlg
				}
			}
		case *ast.Ident:
			if k, ok := info.Uses[n].(*types.Const); ok && k.Val().Kind() == constant.String && constant.StringVal(k.Val()) == fitIssuer {
				s.bits |= checksIss
			}
		}
		return true
	})
	// Code that reads the Authorization header and hands something to
	// code connectlint cannot see may verify the token there.
	if opaqueAny && s.bits&readsAuth != 0 {
		s.bits |= opaque
	}
	return s
}

// headerRead reads a constant header name: (http.Header).Get or Values,
// or a framework's GetHeader (gin).
func (c *checker) headerRead(fn *types.Func, call *ast.CallExpr) bits {
	isHeader := false
	switch fn.Name() {
	case "Get", "Values":
		if sig, ok := fn.Type().(*types.Signature); ok && sig.Recv() != nil && gotypes.IsNamed(sig.Recv().Type(), "net/http", "Header") {
			isHeader = true
		}
	case "GetHeader":
		isHeader = fn.Pkg() != nil && fn.Pkg() != c.pass.Pkg
	}
	if !isHeader || len(call.Args) != 1 {
		return 0
	}
	k, ok := constString(c.pass.TypesInfo, call.Args[0])
	if !ok {
		return 0
	}
	return headerBit(k)
}

func headerBit(name string) bits {
	switch strings.ToLower(name) {
	case systemHeader:
		return readsSystem
	case userHeader:
		return readsUser
	case "authorization":
		return readsAuth
	}
	return 0
}

func describeUse(b bits) string {
	switch {
	case b&readsSystem != 0:
		return "the app system token (" + systemHeader + ")"
	case b&readsUser != 0:
		return "the app user token (" + userHeader + ")"
	}
	return "the invocation payload (the request body)"
}

// isStd reports whether an import path is the standard library's.
func isStd(path string) bool {
	first, _, _ := strings.Cut(path, "/")
	return !strings.Contains(first, ".")
}

// inGOROOT reports whether the package's files are the standard library's.
func inGOROOT(pass *analysis.Pass) bool {
	goroot := build.Default.GOROOT
	if goroot == "" || len(pass.Files) == 0 {
		return false
	}
	name := pass.Fset.PositionFor(pass.Files[0].Package, false).Filename
	rel, err := filepath.Rel(filepath.Join(goroot, "src"), name)
	return err == nil && !strings.HasPrefix(rel, "..")
}

// known reports whether calls into the package are understood: the
// standard library and the packages of this module (their facts say all).
func (c *checker) known(path string) bool {
	if isStd(path) {
		return true
	}
	if m := c.pass.Module; m != nil && m.Path != "" {
		return path == m.Path || strings.HasPrefix(path, m.Path+"/")
	}
	return false
}

// passesRequest reports whether a call passes the request or its header.
func (c *checker) passesRequest(call *ast.CallExpr) bool {
	for _, a := range call.Args {
		if t := c.pass.TypesInfo.TypeOf(a); t != nil && (gotypes.IsRequest(t) || gotypes.IsNamed(t, "net/http", "Header")) {
			return true
		}
	}
	if sel, ok := call.Fun.(*ast.SelectorExpr); ok {
		if t := c.pass.TypesInfo.TypeOf(sel.X); t != nil && gotypes.IsRequest(t) {
			return true
		}
	}
	return false
}

// mayVerify reports whether a summary verifies the invocation token, or
// may do so in code connectlint cannot see.
func mayVerify(b bits) bool { return b&(verifies|opaque) != 0 }

// isMiddleware reports whether a function verifies a token and takes or
// returns a handler: func(next http.Handler) http.Handler and the like.
func (c *checker) isMiddleware(fn *types.Func, fd *ast.FuncDecl, s *summary) bool {
	if !mayVerify(s.bits) || s.bits&(readsAuth|verifies) == 0 {
		return false
	}
	sig := fn.Type().(*types.Signature)
	for _, tup := range []*types.Tuple{sig.Params(), sig.Results()} {
		for v := range tup.Variables() {
			if isHandlerType(v.Type()) {
				return true
			}
		}
	}
	return false
}

// isHandlerType: http.Handler, http.HandlerFunc or a function of a handler's signature.
func isHandlerType(t types.Type) bool {
	if gotypes.IsNamed(t, "net/http", "Handler") || gotypes.IsNamed(t, "net/http", "HandlerFunc") {
		return true
	}
	sig, ok := t.Underlying().(*types.Signature)
	return ok && isHandlerSig(sig)
}

func isHandlerSig(sig *types.Signature) bool {
	p := sig.Params()
	return p.Len() == 2 && gotypes.IsNamed(p.At(0).Type(), "net/http", "ResponseWriter") && gotypes.IsRequest(p.At(1).Type())
}

// servesHTTP reports whether this package is where handlers are wired to
// a server: a main package, or one that starts an HTTP server. Elsewhere a
// middleware applied by the caller may verify the token, so handlers are
// not judged.
func (c *checker) servesHTTP(files []*ast.File) bool {
	if c.pass.Pkg.Name() == "main" {
		return true
	}
	found := false
	for _, f := range files {
		ast.Inspect(f, func(n ast.Node) bool {
			if call, ok := n.(*ast.CallExpr); ok && !found {
				if fn, ok := typeutil.Callee(c.pass.TypesInfo, call).(*types.Func); ok && fn.Pkg() != nil && fn.Pkg().Path() == "net/http" {
					switch fn.Name() {
					case "ListenAndServe", "ListenAndServeTLS", "Serve", "ServeTLS":
						found = true
					}
				}
			}
			return !found
		})
	}
	return found
}

// remoteTokenDisabled reports reads of the token headers that no endpoint
// or remote of the manifest makes Forge send.
func (c *checker) remoteTokenDisabled(files []*ast.File) {
	if c.man == nil || c.man.Manifest == nil {
		return
	}
	m := c.man.Manifest
	system, user := m.SystemTokenEnabled(), m.UserTokenEnabled()
	if system && user {
		return
	}
	for _, f := range files {
		ast.Inspect(f, func(n ast.Node) bool {
			var b bits
			var name string
			switch n := n.(type) {
			case *ast.CallExpr:
				if fn, ok := typeutil.Callee(c.pass.TypesInfo, n).(*types.Func); ok {
					if b = c.headerRead(fn, n); b != 0 {
						name, _ = constString(c.pass.TypesInfo, n.Args[0])
					}
				}
			case *ast.IndexExpr:
				if tv, ok := c.pass.TypesInfo.Types[n.X]; ok && gotypes.IsNamed(tv.Type, "net/http", "Header") {
					if k, ok := constString(c.pass.TypesInfo, n.Index); ok {
						b, name = headerBit(k), k
					}
				}
			}
			switch {
			case b == readsSystem && !system:
				ruleRemoteTokenDisabled.Reportf(c.pass, n, "%s never arrives: no endpoint module or remote of %s enables auth.appSystemToken, so Forge sends no app system token", name, c.manifestName())
			case b == readsUser && !user:
				ruleRemoteTokenDisabled.Reportf(c.pass, n, "%s never arrives: no endpoint module or remote of %s enables auth.appUserToken, so Forge sends no app user token", name, c.manifestName())
			}
			return true
		})
	}
}

// manifestName is the manifest's path relative to the package directory.
func (c *checker) manifestName() string {
	path := c.man.Manifest.Path
	if len(c.pass.Files) > 0 {
		dir := filepath.Dir(c.pass.Fset.File(c.pass.Files[0].Pos()).Name())
		if rel, err := filepath.Rel(dir, path); err == nil {
			return filepath.ToSlash(rel)
		}
	}
	return filepath.Base(path)
}

// constString returns the value of a constant string expression.
func constString(info *types.Info, e ast.Expr) (string, bool) {
	tv, ok := info.Types[e]
	if !ok || tv.Value == nil || tv.Value.Kind() != constant.String {
		return "", false
	}
	return constant.StringVal(tv.Value), true
}

// namedOf returns the named type of t or *t.
func namedOf(t types.Type) *types.Named {
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		t = p.Elem()
	}
	n, _ := types.Unalias(t).(*types.Named)
	return n
}
