//go:build !unix

package engine

import "time"

// processCPU is unavailable here; CPU-time figures read 0.
func processCPU() time.Duration { return 0 }
