//go:build !linux

package precompiles

import "time"

func threadCPU() (time.Duration, bool) { return 0, false }
