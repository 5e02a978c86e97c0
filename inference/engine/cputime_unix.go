//go:build unix

package engine

import (
	"syscall"
	"time"
)

// processCPU is the process's user+system CPU time so far (all threads).
func processCPU() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
