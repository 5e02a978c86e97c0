package precompiles

import (
	"bytes"
	"os"
	"strconv"
	"time"
)

// threadCPU returns the CPU time the calling OS thread has run, from the
// scheduler's nanosecond accounting; the caller must have locked the thread
// (runtime.LockOSThread). Unlike wall time it leaves out time spent waiting
// for a core on a loaded machine.
func threadCPU() (time.Duration, bool) {
	b, err := os.ReadFile("/proc/thread-self/schedstat")
	if err != nil {
		return 0, false
	}
	f, _, _ := bytes.Cut(b, []byte(" "))
	ns, err := strconv.ParseInt(string(f), 10, 64)
	if err != nil {
		return 0, false
	}
	return time.Duration(ns), true
}
