module example.com/creds

go 1.26

require golang.org/x/oauth2 v0.30.0

replace golang.org/x/oauth2 => ../../../../testdata/stubs/oauth2
