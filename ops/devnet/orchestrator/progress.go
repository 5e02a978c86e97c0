package orchestrator

import (
	"fmt"
	"io"
	"sync"
	"time"
)

// progress writes the operator's start-up lines: elapsed time, the
// component, what is being done or waited for.
type progress struct {
	mu    sync.Mutex
	w     io.Writer
	start time.Time
}

func newProgress(w io.Writer) *progress { return &progress{w: w, start: time.Now()} }

// step reports one line. Safe for concurrent use (components start in
// parallel).
func (p *progress) step(component, format string, args ...any) {
	p.mu.Lock()
	defer p.mu.Unlock()
	fmt.Fprintf(p.w, "[%6.1fs] %-16s %s\n", time.Since(p.start).Seconds(), component, fmt.Sprintf(format, args...))
}

func (p *progress) elapsed() time.Duration { return time.Since(p.start) }
