// Package sub finds its parent's descriptor and reports in it too.
package sub // want `^testdata/src/app/atlassian-connect\.json:3:14: found "http:" \[gclplugin-test-desc\]$`

func G() {} // want `^func G \(descriptor testdata/src/app/atlassian-connect\.json\) \[gclplugin-test-go\]$`
