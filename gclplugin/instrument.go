package gclplugin

import "golang.org/x/tools/go/analysis"

// filterFunc rewrites or drops (false) a diagnostic before the driver sees it.
type filterFunc func(*analysis.Pass, analysis.Diagnostic) (analysis.Diagnostic, bool)

// instrument returns copies of roots, and of every analyzer they require,
// whose diagnostics pass through filter. Each copy runs the original Run
// with the original analyzers as pass.Analyzer and as keys of
// pass.ResultOf, so analyzers that look up a dependency's result by its
// package-level variable keep working. The originals are not modified.
func instrument(roots []*analysis.Analyzer, filter filterFunc) []*analysis.Analyzer {
	copies := make(map[*analysis.Analyzer]*analysis.Analyzer)
	var cp func(a *analysis.Analyzer) *analysis.Analyzer
	cp = func(a *analysis.Analyzer) *analysis.Analyzer {
		if c := copies[a]; c != nil {
			return c
		}
		c := new(analysis.Analyzer)
		*c = *a
		copies[a] = c
		c.Requires = make([]*analysis.Analyzer, len(a.Requires))
		for i, req := range a.Requires {
			c.Requires[i] = cp(req)
		}
		run := a.Run
		c.Run = func(pass *analysis.Pass) (any, error) {
			p := *pass
			p.Analyzer = a
			p.ResultOf = make(map[*analysis.Analyzer]any, len(a.Requires))
			for _, req := range a.Requires {
				p.ResultOf[req] = pass.ResultOf[copies[req]]
			}
			p.Report = func(d analysis.Diagnostic) {
				if d, ok := filter(pass, d); ok {
					pass.Report(d)
				}
			}
			return run(&p)
		}
		return c
	}
	out := make([]*analysis.Analyzer, len(roots))
	for i, a := range roots {
		out[i] = cp(a)
	}
	return out
}
