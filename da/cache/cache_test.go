package cache_test

import (
	"bytes"
	"context"
	"errors"
	"testing"

	"github.com/paichain/paichain/da"
	"github.com/paichain/paichain/da/cache"
	"github.com/paichain/paichain/da/devnet"
	"github.com/paichain/paichain/da/faults"
)

func TestReadThroughAndFallback(t *testing.T) {
	ctx := context.Background()
	dev, err := devnet.Open(devnet.Config{Dir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	fb, _ := faults.Wrap(dev, faults.Config{}, 1)
	dir := t.TempDir()
	c, err := cache.New(fb, dir)
	if err != nil {
		t.Fatal(err)
	}
	payload := []byte("cached payload")
	crt, err := c.Put(ctx, payload)
	if err != nil {
		t.Fatal(err)
	}
	// A cert put through another path is read through once, then cached.
	direct, err := dev.Put(ctx, []byte("put around the cache"))
	if err != nil {
		t.Fatal(err)
	}
	if got, err := c.Get(ctx, direct); err != nil || string(got) != "put around the cache" {
		t.Fatalf("read through: %v", err)
	}
	if s := c.Stats(); s.Misses != 1 || s.Entries != 2 {
		t.Fatalf("stats %+v", s)
	}

	// The backend goes down: everything seen so far is still served.
	if err := fb.Set(faults.Config{Failover: true}); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		c    da.Cert
		want []byte
	}{{crt, payload}, {direct, []byte("put around the cache")}} {
		got, err := c.Get(ctx, tc.c)
		if err != nil || !bytes.Equal(got, tc.want) {
			t.Fatalf("fallback: %v", err)
		}
	}
	// A cert the cache never saw goes to the backend and gets its error.
	tampered := da.Cert{Version: crt.Version, Body: bytes.Clone(crt.Body)}
	tampered.Body[10] ^= 1
	if _, err := c.Get(ctx, tampered); !errors.Is(err, da.ErrUnavailable) {
		t.Fatalf("want ErrUnavailable while down, got %v", err)
	}
	if err := fb.Set(faults.Config{}); err != nil {
		t.Fatal(err)
	}
	if _, err := c.Get(ctx, tampered); !errors.Is(err, da.ErrInvalidCert) {
		t.Fatalf("tampered cert: want ErrInvalidCert, got %v", err)
	}
	// Survives a restart.
	c2, err := cache.New(fb, dir)
	if err != nil {
		t.Fatal(err)
	}
	fb.Set(faults.Config{Failover: true})
	if got, err := c2.Get(ctx, crt); err != nil || !bytes.Equal(got, payload) {
		t.Fatalf("after reopen: %v", err)
	}
}
