// Package quiet imports nothing auth-related: only the literal scan runs,
// and the baseUrl field makes the rest run too.
package quiet

const token = "ATATT3xFfGF0quietquietquietquietquietquiet" // want `hard-coded Atlassian API token "ATAT…" \(42 chars\)`

type Descriptor struct {
	BaseURL string `json:"baseUrl"`
}

func descriptor(host string) Descriptor {
	return Descriptor{BaseURL: "http://" + host} // want `Connect baseUrl "http://\*" uses http://`
}
