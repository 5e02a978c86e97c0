package faults

import (
	"context"
	"encoding/json"
	"errors"
	"testing"
	"time"

	"github.com/paichain/paichain/da"
)

// echo is a real in-memory backend: it returns the payload as the cert body.
type echo struct{}

func (echo) Name() string { return "echo" }
func (echo) Put(_ context.Context, p []byte) (da.Cert, error) {
	return da.Cert{Version: da.CertV2, Body: p}, nil
}
func (echo) Get(_ context.Context, c da.Cert) ([]byte, error) { return c.Body, nil }

func TestSchedule(t *testing.T) {
	ctx := context.Background()
	for _, tc := range []struct {
		name    string
		cfg     Config
		putErr  error
		getErr  error
		minPutD time.Duration
	}{
		{name: "none", cfg: Config{}},
		{name: "failover", cfg: Config{Failover: true}, putErr: da.ErrUnavailable, getErr: da.ErrUnavailable},
		{name: "rate limit", cfg: Config{RateLimit: true}, putErr: da.ErrRateLimited},
		{name: "all puts fail", cfg: Config{PutErrorRate: 1}, putErr: da.ErrUnavailable},
		{name: "all gets fail", cfg: Config{GetErrorRate: 1}, getErr: da.ErrUnavailable},
		{name: "latency", cfg: Config{PutLatency: Duration(20 * time.Millisecond)}, minPutD: 20 * time.Millisecond},
	} {
		t.Run(tc.name, func(t *testing.T) {
			b, err := Wrap(echo{}, tc.cfg, 1)
			if err != nil {
				t.Fatal(err)
			}
			start := time.Now()
			_, err = b.Put(ctx, []byte("x"))
			if !errors.Is(err, tc.putErr) || (tc.putErr == nil && err != nil) {
				t.Fatalf("put: %v, want %v", err, tc.putErr)
			}
			if time.Since(start) < tc.minPutD {
				t.Fatal("latency not applied")
			}
			_, err = b.Get(ctx, da.Cert{})
			if !errors.Is(err, tc.getErr) || (tc.getErr == nil && err != nil) {
				t.Fatalf("get: %v, want %v", err, tc.getErr)
			}
		})
	}
}

func TestErrorRateIsAFraction(t *testing.T) {
	b, _ := Wrap(echo{}, Config{PutErrorRate: 0.3}, 42)
	fails := 0
	for range 2000 {
		if _, err := b.Put(context.Background(), nil); err != nil {
			fails++
		}
	}
	if fails < 500 || fails > 700 {
		t.Fatalf("%d of 2000 failed at rate 0.3", fails)
	}
}

func TestLatencyHonoursContext(t *testing.T) {
	b, _ := Wrap(echo{}, Config{GetLatency: Duration(time.Hour)}, 1)
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Millisecond)
	defer cancel()
	if _, err := b.Get(ctx, da.Cert{}); !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("got %v", err)
	}
}

func TestValidateAndJSON(t *testing.T) {
	for _, bad := range []Config{{PutErrorRate: -0.1}, {GetErrorRate: 1.5}, {PutLatency: -1}} {
		if bad.Validate() == nil {
			t.Fatalf("%+v accepted", bad)
		}
	}
	in := Config{PutLatency: Duration(150 * time.Millisecond), Failover: true}
	b, _ := json.Marshal(in)
	if string(b) != `{"put_latency":"150ms","get_latency":"0s","put_error_rate":0,"get_error_rate":0,"failover":true,"rate_limit":false}` {
		t.Fatalf("json %s", b)
	}
	var out Config
	if err := json.Unmarshal(b, &out); err != nil || out != in {
		t.Fatalf("round trip: %v %+v", err, out)
	}
}
