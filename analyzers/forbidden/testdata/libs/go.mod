module example.com/forbiddenlibs

go 1.26

require (
	github.com/andygrunwald/go-jira v1.17.0
	github.com/ctreminiom/go-atlassian/v2 v2.12.0
)

require (
	dario.cat/mergo v1.0.2 // indirect
	github.com/fatih/structs v1.1.0 // indirect
	github.com/golang-jwt/jwt/v4 v4.5.2 // indirect
	github.com/google/go-querystring v1.2.0 // indirect
	github.com/google/uuid v1.6.0 // indirect
	github.com/pkg/errors v0.9.1 // indirect
	github.com/tidwall/gjson v1.18.0 // indirect
	github.com/tidwall/match v1.1.1 // indirect
	github.com/tidwall/pretty v1.2.0 // indirect
	github.com/trivago/tgo v1.0.7 // indirect
)
