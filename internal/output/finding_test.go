package output

import "testing"

func TestCgoGenerated(t *testing.T) {
	for name, want := range map[string]bool{
		"/root/.cache/go-build/ab/abcdef-d":      true, // go/packages: the build cache's copy
		"/tmp/go-build123/b001/cgo.cgo1.go":      true, // go vet's work directory
		"/tmp/go-build123/b001/_cgo_gotypes.go":  true,
		"/home/me/app/cgo.go":                    false, // the user's files
		"/home/me/app/atlassian-connect.json":    false,
		"/home/me/app/cgo1.go":                   false,
		"/home/me/app/templates/descriptor.tmpl": true, // not Go or JSON: //line directives decide
	} {
		if got := cgoGenerated(name); got != want {
			t.Errorf("cgoGenerated(%q) = %v, want %v", name, got, want)
		}
	}
}
