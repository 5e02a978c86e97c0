package eigenda

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"time"

	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	"github.com/paichain/paichain/da"
)

// retryable reports whether err is worth another attempt: the network said
// "busy" or "down" (gRPC UNAVAILABLE, RESOURCE_EXHAUSTED - EigenDA's 429 -
// ABORTED) or one request timed out while the overall budget still runs.
func retryable(err error) bool {
	if st, ok := status.FromError(unwrapToStatus(err)); ok {
		switch st.Code() {
		case codes.Unavailable, codes.ResourceExhausted, codes.Aborted, codes.DeadlineExceeded:
			return true
		}
	}
	var t transient
	return errors.As(err, &t) || errors.Is(err, context.DeadlineExceeded)
}

// isDeadline reports whether err is a timeout, local or reported by gRPC.
func isDeadline(err error) bool {
	if errors.Is(err, context.DeadlineExceeded) || errors.Is(err, context.Canceled) {
		return true
	}
	st, ok := status.FromError(unwrapToStatus(err))
	return ok && (st.Code() == codes.DeadlineExceeded || st.Code() == codes.Canceled)
}

// transient marks an error as worth retrying whatever its cause.
type transient struct{ err error }

func (e transient) Error() string { return e.err.Error() }
func (e transient) Unwrap() error { return e.err }

// unwrapToStatus finds a gRPC status error inside a wrapped chain.
func unwrapToStatus(err error) error {
	var se interface{ GRPCStatus() *status.Status }
	if errors.As(err, &se) {
		return se.(error)
	}
	return err
}

// backoff is exponential backoff with full jitter.
type backoff struct {
	base, max time.Duration
	attempt   int
}

func (b *backoff) next() time.Duration {
	d := b.base << min(b.attempt, 30)
	if d <= 0 || d > b.max {
		d = b.max
	}
	b.attempt++
	return time.Duration(rand.Int64N(int64(d)) + 1)
}

// errFatal marks an attempt's error as not worth retrying.
type errFatal struct{ err error }

func (e errFatal) Error() string { return e.err.Error() }
func (e errFatal) Unwrap() error { return e.err }

// withRetry runs fn until it succeeds, fails for good, or ctx's budget is
// spent. Budget exhaustion and persistent transient failures become
// da.ErrUnavailable, carrying the last cause.
func withRetry[T any](ctx context.Context, b backoff, what string, fn func(context.Context) (T, error)) (T, error) {
	var zero T
	var last error
	for attempts := 1; ; attempts++ {
		v, err := fn(ctx)
		if err == nil {
			return v, nil
		}
		// Keep the most telling cause: a timeout (often the budget itself
		// cutting the last attempt short) says less than a failure the
		// network reported.
		if last == nil || !isDeadline(err) || isDeadline(last) {
			last = err
		}
		var fatal errFatal
		if errors.As(err, &fatal) {
			return zero, fatal.err
		}
		if !retryable(err) && ctx.Err() == nil {
			return zero, err
		}
		wait := b.next()
		select {
		case <-ctx.Done():
			return zero, fmt.Errorf("%w: eigenda %s: gave up after %d attempts: %v", da.ErrUnavailable, what, attempts, last)
		case <-time.After(wait):
		}
	}
}
