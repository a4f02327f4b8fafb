package vettool

import (
	"math"
	"runtime"
	"runtime/debug"
	"testing"
	"time"
)

// TestWatchGCRestores checks that a heap more than half the limit live
// after a collection gives the default collector back.
func TestWatchGCRestores(t *testing.T) {
	oldPercent := debug.SetGCPercent(-1)
	oldLimit := debug.SetMemoryLimit(gcMemoryLimit)
	defer func() {
		debug.SetGCPercent(oldPercent)
		debug.SetMemoryLimit(oldLimit)
	}()
	watchGC()
	live := make([]byte, gcMemoryLimit*5/8)
	for i := range live {
		live[i] = 1
	}
	for range 100 {
		runtime.GC()
		time.Sleep(10 * time.Millisecond)
		if debug.SetMemoryLimit(-1) == math.MaxInt64 { // -1 reads the limit
			runtime.KeepAlive(live)
			if p := debug.SetGCPercent(-1); p != 100 {
				t.Errorf("GC percent %d after the restore, want 100", p)
			}
			return
		}
	}
	runtime.KeepAlive(live)
	t.Errorf("the memory limit is still set with %d MiB live", len(live)>>20)
}
