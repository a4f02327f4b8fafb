// Package sub finds the same descriptor as its parent; only the parent
// reports findings in it.
package sub

func G() {} // want `^func G \(descriptor testdata/src/app/atlassian-connect\.json\) \[gclplugin-test-go\]$`
