module github.com/ctreminiom/go-atlassian/v2

go 1.26
