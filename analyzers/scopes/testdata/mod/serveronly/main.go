package main // want package:"\\) needs READ}$"

// A helper that only code named for Confluence Server calls (directly,
// through another such helper, or recursively) is for Server / Data
// Center too, and not judged by Cloud's deprecations; a helper Cloud code
// calls as well, or whose value is taken, still is.

import "net/http"

var base string

func main() {
	handleConfluenceServerWebhook()
	spaceForBoth("KEY")
	cycleA(1)
}

func handleConfluenceServerWebhook() {
	eventData("KEY")
	spaceForBoth("KEY")
	spacesPaged(2)
	use(spaceByValue)
}

// eventData and spaceData are reached only from the Server webhook.
func eventData(key string) { spaceData(key) }

func spaceData(key string) { http.Get(base + "/wiki/rest/api/space/" + key) }

// spacesPaged calls itself: still only reached from the Server webhook.
func spacesPaged(n int) {
	if n > 0 {
		spacesPaged(n - 1)
	}
	http.Get(base + "/wiki/rest/api/space")
}

func spaceForBoth(key string) {
	http.Get(base + "/wiki/rest/api/space/" + key) // want `^GET /wiki/rest/api/space/\{spaceKey\} is no longer in Atlassian's current API`
}

// spaceByValue is passed on as a value: who calls it is not known.
func spaceByValue() {
	http.Get(base + "/wiki/rest/api/space") // want `^GET /wiki/rest/api/space is no longer in Atlassian's current API`
}

func use(f func()) { f() }

// cycleA and cycleB call each other, and Cloud code calls cycleA.
func cycleA(n int) {
	if n > 0 {
		cycleB(n - 1)
	}
}

func cycleB(n int) {
	cycleA(n)
	http.Get(base + "/wiki/rest/api/space") // want `^GET /wiki/rest/api/space is no longer in Atlassian's current API`
}
