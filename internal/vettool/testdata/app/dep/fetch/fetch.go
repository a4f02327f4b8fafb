// Package fetch imports net/http: it is analysed.
package fetch

import "net/http"

func Get(url string) (*http.Response, error) { return http.Get(url) }
