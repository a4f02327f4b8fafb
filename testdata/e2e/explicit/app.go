// Package app keeps its descriptor under a name discovery does not look
// for: only -descriptor finds it.
package app

// Key is the app key.
const Key = "com.example.explicit"
