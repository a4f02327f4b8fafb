package main // want package:"\\) needs no scope}$"

// The grant is declared here, the calls are made in package jira, which
// does not import this one: main judges them and reports at the calls.

import (
	"context"

	"example.com/fixtures/deferred/jira"

	"golang.org/x/oauth2"
)

var conf = &oauth2.Config{
	Endpoint: oauth2.Endpoint{AuthURL: "https://auth.atlassian.com/authorize"},
	Scopes:   []string{"read:jira-work"},
}

func main() {
	c := &jira.Client{HTTP: conf.Client(context.Background(), nil), Base: "https://api.atlassian.com/ex/jira/1"}
	c.Get("A-1")
	c.Comment("A-1")
}
