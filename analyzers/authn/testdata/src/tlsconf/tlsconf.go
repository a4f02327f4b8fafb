// Package tlsconf turns TLS verification off in several ways.
package tlsconf

import (
	"crypto/tls"
	"net/http"
)

type Config struct{ Insecure bool }

func clients(cfg Config) []*http.Client {
	insecure := &http.Client{Transport: &http.Transport{
		TLSClientConfig: &tls.Config{InsecureSkipVerify: true}, // want `InsecureSkipVerify: true turns off TLS certificate checks, so anyone on the network path can read the credentials and tokens sent to Atlassian: remove it \(add a private CA to RootCAs instead\)`
	}}
	safe := &http.Client{Transport: &http.Transport{
		TLSClientConfig: &tls.Config{InsecureSkipVerify: false, MinVersion: tls.VersionTLS12},
	}}
	configurable := &http.Client{Transport: &http.Transport{
		TLSClientConfig: &tls.Config{InsecureSkipVerify: cfg.Insecure}, // want `InsecureSkipVerify is set from cfg.Insecure: it must never be true in production`
	}}
	return []*http.Client{insecure, safe, configurable}
}

func assign(t *http.Transport) {
	t.TLSClientConfig = &tls.Config{}
	t.TLSClientConfig.InsecureSkipVerify = true // want `InsecureSkipVerify: true turns off TLS certificate checks`
	t.TLSClientConfig.InsecureSkipVerify = false
}

func optIn(cfg Config) *tls.Config {
	if cfg.Insecure {
		return &tls.Config{InsecureSkipVerify: true} // want `InsecureSkipVerify: true when cfg.Insecure: it must never be on in production`
	}
	return &tls.Config{}
}
