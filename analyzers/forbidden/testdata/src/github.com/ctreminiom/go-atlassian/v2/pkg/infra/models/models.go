// Package models is a small stub of go-atlassian's models.
package models

import (
	"errors"
	"net/http"
)

type ResponseScheme struct {
	*http.Response
	Code     int
	Endpoint string
}

var ErrStatus = errors.New("invalid status code")
