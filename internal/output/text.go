package output

import (
	"bufio"
	"fmt"
	"io"

	"github.com/fatih/color"

	"github.com/connectlint/connectlint/internal/rules"
)

// TextOptions controls the text format.
type TextOptions struct {
	// Color adds ANSI colours. The caller decides: only on a terminal,
	// never when NO_COLOR is set (color.NoColor already says both).
	Color bool
	// ShowSuppressed also lists suppressed findings, marked as such.
	ShowSuppressed bool
}

// WriteText writes one line per finding in the form go vet and editors
// understand:
//
//	file:line:col: message [rule-id]
//
// with file relative to r.Dir. Problems are not written: they go to
// stderr as errors (see the driver).
func WriteText(w io.Writer, r *Report, opt TextOptions) error {
	bw := bufio.NewWriter(w)
	paint := newPalette(opt.Color)
	for _, f := range r.Findings {
		if f.Suppressed && !opt.ShowSuppressed {
			continue
		}
		fmt.Fprintf(bw, "%s: %s %s", paint.pos(textPos(r.Dir, f.Pos)), f.Message, paint.rule(f.Severity, "["+f.Rule+"]"))
		if f.Suppressed {
			fmt.Fprintf(bw, " %s", paint.dim("(suppressed: "+f.Justification+")"))
		}
		bw.WriteByte('\n')
	}
	return bw.Flush()
}

// textPos formats a position as file:line:col, leaving out what is unknown.
func textPos(dir string, p Position) string {
	if p.File == "" {
		return "-"
	}
	file, _ := relPath(dir, p.File)
	switch {
	case p.Line == 0:
		return file
	case p.Column == 0:
		return fmt.Sprintf("%s:%d", file, p.Line)
	}
	return fmt.Sprintf("%s:%d:%d", file, p.Line, p.Column)
}

// palette colours the parts of a line: the position in bold, the rule ID
// by severity, suppression notes faint.
type palette struct {
	bold, faint       *color.Color
	red, yellow, cyan *color.Color
}

func newPalette(on bool) *palette {
	p := &palette{
		bold:   color.New(color.Bold),
		faint:  color.New(color.Faint),
		red:    color.New(color.FgRed),
		yellow: color.New(color.FgYellow),
		cyan:   color.New(color.FgCyan),
	}
	for _, c := range []*color.Color{p.bold, p.faint, p.red, p.yellow, p.cyan} {
		if on {
			c.EnableColor()
		} else {
			c.DisableColor()
		}
	}
	return p
}

func (p *palette) pos(s string) string { return p.bold.Sprint(s) }
func (p *palette) dim(s string) string { return p.faint.Sprint(s) }

func (p *palette) rule(sev rules.Severity, s string) string {
	switch sev {
	case rules.Error:
		return p.red.Sprint(s)
	case rules.Warning:
		return p.yellow.Sprint(s)
	}
	return p.cyan.Sprint(s)
}
