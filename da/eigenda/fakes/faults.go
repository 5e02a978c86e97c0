// Package fakes runs EigenDA v2 protocol peers in process: a disperser and
// relays that serve EigenDA's real gRPC services (the generated stubs of
// api/grpc/disperser/v2 and api/grpc/relay from v0.9.2) on 127.0.0.1, so the
// real v0.9.2 client code can disperse and retrieve against them offline.
// They check what a real disperser checks (request signatures, KZG
// commitments recomputed with EigenDA's own prover), sign batches with real
// BLS keys, and take scripted faults.
package fakes

import (
	"context"
	"sync"
	"time"

	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"
)

// Faults is a script of failures for one gRPC method: queued status codes
// are returned by the next calls, one each; Hang makes calls block until
// the caller gives up.
type Faults struct {
	mu    sync.Mutex
	queue []codes.Code
	hang  bool
	calls int
}

// Fail queues codes for the next len(codes) calls.
func (f *Faults) Fail(c ...codes.Code) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.queue = append(f.queue, c...)
}

// Hang makes every call block until its context ends (or stops that).
func (f *Faults) Hang(on bool) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.hang = on
}

// Calls counts the calls that reached the method.
func (f *Faults) Calls() int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.calls
}

// enter records a call and returns the scripted failure, if any.
func (f *Faults) enter(ctx context.Context) error {
	f.mu.Lock()
	f.calls++
	hang := f.hang
	var code codes.Code
	if len(f.queue) > 0 {
		code, f.queue = f.queue[0], f.queue[1:]
	}
	f.mu.Unlock()
	if hang {
		select {
		case <-ctx.Done():
			return status.FromContextError(ctx.Err()).Err()
		case <-time.After(time.Minute):
			return status.Error(codes.DeadlineExceeded, "fake: hung call released")
		}
	}
	if code != codes.OK {
		return status.Errorf(code, "fake: injected %v", code)
	}
	return nil
}
