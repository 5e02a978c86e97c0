// Package cache is a read-through cache and fallback store on local disk in
// front of any da.Backend. Every payload the backend accepted or served is
// kept under the hash of its exact cert, so later reads of that cert are
// answered locally: fast, and still available while the backend is down or
// after the network's retention window has passed.
package cache

import (
	"context"
	"crypto/sha256"
	"errors"
	"fmt"
	"sync/atomic"

	"github.com/paichain/paichain/da"
	"github.com/paichain/paichain/da/store"
)

// Backend is a da.Backend with a local read-through cache.
type Backend struct {
	inner da.Backend
	store *store.Store

	hits, misses, writeErrors atomic.Int64
}

// Stats are cache counters since start.
type Stats struct {
	Hits, Misses, WriteErrors, Entries int64
}

// New puts a disk cache in dir in front of inner.
func New(inner da.Backend, dir string) (*Backend, error) {
	st, err := store.Open(dir)
	if err != nil {
		return nil, fmt.Errorf("cache: %w", err)
	}
	return &Backend{inner: inner, store: st}, nil
}

// Name implements da.Backend: the cache is transparent.
func (b *Backend) Name() string { return b.inner.Name() }

// Stats returns the counters.
func (b *Backend) Stats() Stats {
	return Stats{Hits: b.hits.Load(), Misses: b.misses.Load(), WriteErrors: b.writeErrors.Load(), Entries: b.store.Len()}
}

// key binds an entry to the exact cert bytes: only certs the backend itself
// issued or verified can ever hit.
func key(c da.Cert) [32]byte {
	h := sha256.New()
	h.Write([]byte{c.Version})
	h.Write(c.Body)
	return [32]byte(h.Sum(nil))
}

// Put disperses through the backend, then keeps a local copy. A failed
// local write does not fail the put: the data is available on the backend.
func (b *Backend) Put(ctx context.Context, payload []byte) (da.Cert, error) {
	c, err := b.inner.Put(ctx, payload)
	if err != nil {
		return c, err
	}
	if err := b.store.Put(key(c), nil, payload); err != nil {
		b.writeErrors.Add(1)
	}
	return c, nil
}

// Get answers from the local copy when there is one, else reads through.
func (b *Backend) Get(ctx context.Context, c da.Cert) ([]byte, error) {
	k := key(c)
	_, payload, err := b.store.Get(k)
	if err == nil {
		b.hits.Add(1)
		return payload, nil
	}
	if !errors.Is(err, store.ErrNotFound) {
		// A corrupt local copy is not served; the backend is asked instead.
		b.writeErrors.Add(1)
	}
	b.misses.Add(1)
	payload, err = b.inner.Get(ctx, c)
	if err != nil {
		return nil, err
	}
	if err := b.store.Put(k, nil, payload); err != nil {
		b.writeErrors.Add(1)
	}
	return payload, nil
}
