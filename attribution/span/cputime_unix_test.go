//go:build unix

package span

import (
	"syscall"
	"time"
)

// processCPU is the user+system CPU time of the process: on a shared,
// loaded machine it is the honest cost where wall time is not.
func processCPU() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
