package jira // want package:"\\) needs READ, WRITE; 2 deferred}$"

import "net/http"

type Client struct {
	HTTP *http.Client
	Base string
}

func (c *Client) Get(key string) {
	c.HTTP.Get(c.Base + "/rest/api/3/issue/" + key)
}

func (c *Client) Comment(key string) {
	c.HTTP.Post(c.Base+"/rest/api/3/issue/"+key+"/comment", "application/json", nil)
}
