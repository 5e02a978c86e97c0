// Package faults wraps a da.Backend with injectable latency and failures, so
// the batcher's failover and retry paths can be exercised against a devnet:
// added latency, random 503s on put/get, a forced 503 "failover mode" and a
// forced 429. Settings change at runtime (the server's /admin/faults).
package faults

import (
	"context"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"sync"
	"time"

	"github.com/paichain/paichain/da"
)

// Duration is a time.Duration that reads and writes JSON as "150ms".
type Duration time.Duration

func (d Duration) MarshalJSON() ([]byte, error) { return json.Marshal(time.Duration(d).String()) }

func (d *Duration) UnmarshalJSON(b []byte) error {
	var s string
	if err := json.Unmarshal(b, &s); err != nil {
		return fmt.Errorf("duration must be a string like \"150ms\": %w", err)
	}
	v, err := time.ParseDuration(s)
	if err != nil {
		return err
	}
	*d = Duration(v)
	return nil
}

// Config is the fault schedule. The zero value injects nothing.
type Config struct {
	PutLatency   Duration `json:"put_latency"`
	GetLatency   Duration `json:"get_latency"`
	PutErrorRate float64  `json:"put_error_rate"` // fraction of puts failing with 503
	GetErrorRate float64  `json:"get_error_rate"` // fraction of gets failing with 503
	Failover     bool     `json:"failover"`       // every put and get fails with 503
	RateLimit    bool     `json:"rate_limit"`     // every put fails with 429
}

// Validate rejects rates outside [0, 1] and negative latencies.
func (c Config) Validate() error {
	for name, r := range map[string]float64{"put_error_rate": c.PutErrorRate, "get_error_rate": c.GetErrorRate} {
		if r < 0 || r > 1 {
			return fmt.Errorf("faults: %s %v outside [0, 1]", name, r)
		}
	}
	if c.PutLatency < 0 || c.GetLatency < 0 {
		return fmt.Errorf("faults: negative latency")
	}
	return nil
}

// Backend injects faults in front of another backend.
type Backend struct {
	inner da.Backend

	mu  sync.Mutex
	cfg Config
	rng *rand.Rand
}

// Wrap returns inner behind a fault injector with the given schedule.
func Wrap(inner da.Backend, cfg Config, seed uint64) (*Backend, error) {
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	return &Backend{inner: inner, cfg: cfg, rng: rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))}, nil
}

// Name implements da.Backend.
func (b *Backend) Name() string { return b.inner.Name() }

// Config returns the current schedule.
func (b *Backend) Config() Config {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.cfg
}

// Set replaces the schedule.
func (b *Backend) Set(cfg Config) error {
	if err := cfg.Validate(); err != nil {
		return err
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	b.cfg = cfg
	return nil
}

// decide draws this call's fate under the lock: its latency and error.
func (b *Backend) decide(put bool) (time.Duration, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	c := b.cfg
	lat, rate := c.GetLatency, c.GetErrorRate
	if put {
		lat, rate = c.PutLatency, c.PutErrorRate
	}
	switch {
	case c.Failover:
		return time.Duration(lat), fmt.Errorf("%w: failover mode (fault injection)", da.ErrUnavailable)
	case put && c.RateLimit:
		return time.Duration(lat), fmt.Errorf("%w: forced (fault injection)", da.ErrRateLimited)
	case rate > 0 && b.rng.Float64() < rate:
		return time.Duration(lat), fmt.Errorf("%w: random failure (fault injection)", da.ErrUnavailable)
	}
	return time.Duration(lat), nil
}

func sleep(ctx context.Context, d time.Duration) error {
	if d <= 0 {
		return nil
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// Put implements da.Backend.
func (b *Backend) Put(ctx context.Context, payload []byte) (da.Cert, error) {
	lat, fault := b.decide(true)
	if err := sleep(ctx, lat); err != nil {
		return da.Cert{}, err
	}
	if fault != nil {
		return da.Cert{}, fault
	}
	return b.inner.Put(ctx, payload)
}

// Get implements da.Backend.
func (b *Backend) Get(ctx context.Context, c da.Cert) ([]byte, error) {
	lat, fault := b.decide(false)
	if err := sleep(ctx, lat); err != nil {
		return nil, err
	}
	if fault != nil {
		return nil, fault
	}
	return b.inner.Get(ctx, c)
}
