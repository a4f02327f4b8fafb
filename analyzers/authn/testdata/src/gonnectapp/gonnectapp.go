// want package:"actsForUsers\\(a Connect app \\(atlas-gonnect\\)\\)"

// Package gonnectapp configures atlas-gonnect's authentication middleware.
package gonnectapp

import (
	gonnect "github.com/craftamap/atlas-gonnect"
	"github.com/craftamap/atlas-gonnect/middleware"
)

type Config struct{ SkipQSH bool }

func routes(addon *gonnect.Addon, cfg Config) {
	_ = middleware.NewAuthenticationMiddleware(addon, true) // want `NewAuthenticationMiddleware\(addon, true\) skips the qsh check, so a token captured from one request is accepted for any other: pass false`
	_ = middleware.NewAuthenticationMiddleware(addon, false)
	_ = middleware.NewAuthenticationMiddleware(addon, cfg.SkipQSH) // want `skipQsh of NewAuthenticationMiddleware is set from cfg.SkipQSH: it must never be true in production`
}
