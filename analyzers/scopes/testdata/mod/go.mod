module example.com/fixtures

go 1.26

require (
	github.com/craftamap/atlas-gonnect v0.1.0
	golang.org/x/oauth2 v0.30.0
)

replace (
	github.com/craftamap/atlas-gonnect => ../../../../testdata/stubs/gonnect
	golang.org/x/oauth2 => ../../../../testdata/stubs/oauth2
)
