package integration

import (
	"encoding/json"
	"testing"
	"time"
)

// finding is one entry of connectlint's -format json output.
type finding struct {
	Rule       string `json:"rule"`
	Severity   string `json:"severity"`
	File       string `json:"file"`
	Line       int    `json:"line"`
	Column     int    `json:"column"`
	Message    string `json:"message"`
	Suppressed bool   `json:"suppressed"`
}

// connectlintFindings runs connectlint on the module in dir and returns
// its unsuppressed findings.
func connectlintFindings(t *testing.T, dir string) []finding {
	t.Helper()
	r := run(t, 5*time.Minute, dir, nil, connectlint(t), "-format", "json", "./...")
	if r.code != 0 && r.code != 3 {
		t.Fatalf("connectlint -format json ./...:\n%s", r)
	}
	var report struct{ Findings []finding }
	if err := json.Unmarshal([]byte(r.stdout), &report); err != nil {
		t.Fatalf("connectlint JSON output: %v\n%s", err, r)
	}
	var out []finding
	for _, f := range report.Findings {
		if !f.Suppressed {
			out = append(out, f)
		}
	}
	return out
}
