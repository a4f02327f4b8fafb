package app // want `^testdata/src/app/atlassian-connect\.json:3:14: found "http:" \[gclplugin-test-desc\]$`

func F() {} // want `^func F \(descriptor testdata/src/app/atlassian-connect\.json\) \[gclplugin-test-go\]$`
