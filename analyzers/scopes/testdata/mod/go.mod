module example.com/fixtures

go 1.26

require (
	github.com/craftamap/atlas-gonnect v0.1.0
	github.com/ctreminiom/go-atlassian/v2 v2.12.0
	golang.org/x/oauth2 v0.30.0
)

replace (
	github.com/craftamap/atlas-gonnect => ../../../../testdata/stubs/gonnect
	github.com/ctreminiom/go-atlassian/v2 => ../../../../testdata/stubs/goatlassian
	golang.org/x/oauth2 => ../../../../testdata/stubs/oauth2
)
