// Package wrap imports no HTTP API but an analysed package: it is
// analysed, and Issue inherits Get's fact.
package wrap

import (
	"net/url"

	"example.com/dep/fetch"
	"example.com/dep/text"
)

func Issue(key string) error {
	_, err := fetch.Get("https://example.atlassian.net/rest/api/3/issue/" + url.PathEscape(text.Upper(key)))
	return err
}
