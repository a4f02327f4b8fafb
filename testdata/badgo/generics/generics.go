// Package generics calls Jira through generic helpers.
package generics

import (
	"encoding/json"
	"net/http"
)

type Issue struct{ Key string }

type Project struct{ Key string }

// getJSON is generic in the decoded type; the request path is a parameter.
func getJSON[T any](c *http.Client, base, path string) (T, error) {
	var v T
	resp, err := c.Get(base + path)
	if err != nil {
		return v, err
	}
	defer resp.Body.Close()
	err = json.NewDecoder(resp.Body).Decode(&v)
	return v, err
}

// Pair is a generic type with a method that calls Jira.
type Pair[K comparable, V any] struct {
	Key K
	Val V
}

func (p Pair[K, V]) Delete(c *http.Client, base string) error {
	req, err := http.NewRequest(http.MethodDelete, base+"/rest/api/3/issue/"+any(p.Key).(string), nil)
	if err != nil {
		return err
	}
	resp, err := c.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func Use(c *http.Client, base string) error {
	if _, err := getJSON[Issue](c, base, "/rest/api/3/issue/ABC-1"); err != nil {
		return err
	}
	if _, err := getJSON[Project](c, base, "/rest/api/3/project/ABC"); err != nil {
		return err
	}
	return Pair[string, int]{Key: "ABC-1"}.Delete(c, base)
}
