package server

import (
	"container/list"
	"context"
	"encoding/binary"
	"fmt"
	"math"
	"sync"

	"github.com/paichain/paichain/inference/adapters"
	"github.com/paichain/paichain/inference/lora"
	"github.com/paichain/paichain/inference/receipt"
)

// mergeCache keeps recently merged adapters (TIES/DARE merges cost an SVD
// per module, so repeated ensembles must not pay it per request). It is an
// LRU over a fixed number of entries; concurrent requests for the same merge
// wait for one computation.
type mergeCache struct {
	mu      sync.Mutex
	cap     int
	entries map[string]*list.Element
	lru     *list.List // of *mergeEntry, most recent first
}

type mergeEntry struct {
	key   string
	done  chan struct{}
	a     *lora.Adapter
	err   error
	ready bool
}

func newMergeCache(n int) *mergeCache {
	return &mergeCache{cap: n, entries: map[string]*list.Element{}, lru: list.New()}
}

func mergeKey(method string, refs []receipt.AdapterRef, seed uint64) string {
	b := make([]byte, 0, len(method)+8+len(refs)*40)
	b = append(b, method...)
	b = binary.BigEndian.AppendUint64(b, seed)
	for _, r := range refs {
		b = append(b, r.Hash[:]...)
		b = binary.BigEndian.AppendUint64(b, math.Float64bits(r.Weight))
	}
	return string(b)
}

func (c *mergeCache) get(ctx context.Context, key string, build func() (*lora.Adapter, error)) (*lora.Adapter, error) {
	c.mu.Lock()
	if el, ok := c.entries[key]; ok {
		c.lru.MoveToFront(el)
		e := el.Value.(*mergeEntry)
		c.mu.Unlock()
		select {
		case <-e.done:
			return e.a, e.err
		case <-ctx.Done():
			return nil, ctx.Err()
		}
	}
	e := &mergeEntry{key: key, done: make(chan struct{})}
	c.entries[key] = c.lru.PushFront(e)
	c.mu.Unlock()

	e.a, e.err = build()
	c.mu.Lock()
	e.ready = true
	close(e.done)
	if e.err != nil {
		// Failures are not cached: the cause (e.g. a missing source) may heal.
		if el, ok := c.entries[key]; ok && el.Value == e {
			c.lru.Remove(el)
			delete(c.entries, key)
		}
	}
	// Evict the least recently used finished entries over capacity.
	for el := c.lru.Back(); el != nil && c.lru.Len() > c.cap; {
		prev := el.Prev()
		if old := el.Value.(*mergeEntry); old.ready {
			c.lru.Remove(el)
			delete(c.entries, old.key)
		}
		el = prev
	}
	c.mu.Unlock()
	return e.a, e.err
}

// buildMerged acquires the inputs of a merge, merges them and releases them:
// the merged adapter owns its weights, so the inputs need no pin afterwards.
// The server and `infer verify` share it, so both build the same adapter.
func buildMerged(ctx context.Context, c *mergeCache, store *adapters.Store, method string, refs []receipt.AdapterRef, seed uint64) (*lora.Adapter, error) {
	// The merge is shared with every request waiting for it, so the first
	// requester leaving must not fail it: load the inputs without its
	// cancellation (waiters still give up on their own contexts).
	bctx := context.WithoutCancel(ctx)
	build := func() (*lora.Adapter, error) {
		ins := make([]*lora.Adapter, len(refs))
		ws := make([]float64, len(refs))
		for i, r := range refs {
			a, release, err := store.Acquire(bctx, r.Hash)
			if err != nil {
				return nil, adapterError(r.Hash.String(), err)
			}
			defer release()
			ins[i], ws[i] = a, r.Weight
		}
		m, err := lora.Merge(method, ins, ws, seed)
		if err != nil {
			return nil, apiErr(400, "model", "merge_failed", "merging adapters (%s): %v", method, err)
		}
		return m, nil
	}
	if c == nil {
		return build()
	}
	a, err := c.get(ctx, mergeKey(method, refs, seed), build)
	if err != nil {
		return nil, fmt.Errorf("merge: %w", err)
	}
	return a, nil
}
