package forge

import (
	"encoding/json"
	"os"
	"testing"
)

func TestTmpFlagged(t *testing.T) {
	for _, f := range []string{"shipyard-scopes.json", "teamwork-graph-scopes.json"} {
		data, _ := os.ReadFile("/tmp/fm/package/out/scopes/" + f)
		var names []string
		json.Unmarshal(data, &names)
		m := &Manifest{}
		for _, s := range names {
			m.Scopes = append(m.Scopes, Scope{Name: s})
		}
		ps := UnknownScopes(m)
		for _, p := range ps {
			t.Log(p.Msg)
		}
		t.Log(f, "flagged", len(ps))
	}
}
