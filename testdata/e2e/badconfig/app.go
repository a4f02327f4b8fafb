// Package app is fine; its module's config file is not.
package app

// Name is the app's name.
const Name = "app"
