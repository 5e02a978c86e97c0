package server

import (
	"context"
	"errors"
	"runtime"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/paichain/paichain/inference/lora"
)

func TestMergeCache(t *testing.T) {
	c := newMergeCache(2)
	var builds atomic.Int32
	release := make(chan struct{})
	build := func() (*lora.Adapter, error) {
		builds.Add(1)
		<-release
		return &lora.Adapter{}, nil
	}
	// Concurrent requests for one merge compute it once.
	var wg sync.WaitGroup
	got := make([]*lora.Adapter, 4)
	for i := range got {
		wg.Add(1)
		go func() {
			defer wg.Done()
			a, err := c.get(context.Background(), "k1", build)
			if err != nil {
				t.Error(err)
			}
			got[i] = a
		}()
	}
	waitEntry(c, "k1") // the first caller registered the merge
	close(release)
	wg.Wait()
	if builds.Load() != 1 || got[0] == nil || got[0] != got[3] {
		t.Fatalf("builds %d, results %p %p", builds.Load(), got[0], got[3])
	}
	// Errors are not cached.
	fail := func() (*lora.Adapter, error) { builds.Add(1); return nil, errors.New("boom") }
	if _, err := c.get(context.Background(), "k2", fail); err == nil {
		t.Fatal("error lost")
	}
	if _, err := c.get(context.Background(), "k2", build); err != nil {
		t.Fatalf("retry after error: %v", err)
	}
	// Capacity 2: a third merge evicts the least recently used (k1).
	c.get(context.Background(), "k2", build)
	c.get(context.Background(), "k3", build)
	n := builds.Load()
	c.get(context.Background(), "k1", build)
	if builds.Load() != n+1 || c.lru.Len() != 2 {
		t.Fatalf("k1 not evicted: builds %d→%d, entries %d", n, builds.Load(), c.lru.Len())
	}
	// A waiter gives up on its own context.
	slow := make(chan struct{})
	go c.get(context.Background(), "k4", func() (*lora.Adapter, error) { <-slow; return &lora.Adapter{}, nil })
	waitEntry(c, "k4")
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := c.get(ctx, "k4", build); !errors.Is(err, context.Canceled) {
		t.Fatalf("cancelled waiter: %v", err)
	}
	close(slow)
}

func waitEntry(c *mergeCache, key string) {
	for {
		c.mu.Lock()
		_, ok := c.entries[key]
		c.mu.Unlock()
		if ok {
			return
		}
		runtime.Gosched()
	}
}
