module example.com/oauthe2e

go 1.26

require golang.org/x/oauth2 v0.30.0

replace golang.org/x/oauth2 => ../../stubs/oauth2
