// Package creds imports no HTTP API but builds an auth header value: its
// text makes it a fact source, so it is analysed.
package creds

func Header(user, token string) string { return "Basic " + user + ":" + token }
