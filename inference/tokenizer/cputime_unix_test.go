//go:build unix

package tokenizer

import (
	"syscall"
	"time"
)

// processCPU is the CPU time this process has used (user + system). On the
// shared CI box wall time depends on everyone else's load; CPU time much less.
func processCPU() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
