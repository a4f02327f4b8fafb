package server

import "embed"

//go:embed "web"
var files embed.FS

func Files() embed.FS { return files }
