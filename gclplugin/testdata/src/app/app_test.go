package app

func helper() {} // want `^func helper \(descriptor testdata/src/app/atlassian-connect\.json\) \[gclplugin-test-go\]$`
