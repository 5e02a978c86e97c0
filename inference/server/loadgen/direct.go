package loadgen

import (
	"context"
	"fmt"
	"time"

	"github.com/paichain/paichain/inference/engine"
	"github.com/paichain/paichain/inference/lora"
	"github.com/paichain/paichain/inference/sample"
)

// DirectConfig is a load run straight against an engine, without HTTP: the
// baseline that shows what the server layer (JSON, SSE, detokenization,
// receipts) costs.
type DirectConfig struct {
	Clients, Requests int
	Prompt            []int
	Params            sample.Params
	Adapters          []*lora.Adapter // round-robin per request; nil entry = base model
}

// RunDirect submits the requests to eng from Clients goroutines, timing
// token events the way Run times SSE chunks.
func RunDirect(ctx context.Context, eng *engine.Engine, cfg DirectConfig) (Result, error) {
	if cfg.Clients < 1 || cfg.Requests < 1 || len(cfg.Prompt) == 0 {
		return Result{}, fmt.Errorf("loadgen: clients, requests and prompt must be set")
	}
	adapters := cfg.Adapters
	if len(adapters) == 0 {
		adapters = []*lora.Adapter{nil}
	}
	return runPool(ctx, cfg.Clients, cfg.Requests, func(i int) measurement {
		return oneDirect(ctx, eng, &engine.Request{
			ID: fmt.Sprintf("direct-%d", i), Prompt: cfg.Prompt, Params: cfg.Params, Adapter: adapters[i%len(adapters)],
		})
	}), ctx.Err()
}

func oneDirect(ctx context.Context, eng *engine.Engine, r *engine.Request) measurement {
	start := time.Now()
	ch, err := eng.Submit(ctx, r)
	if err != nil {
		return measurement{err: err}
	}
	s := measurement{prompt: len(r.Prompt)}
	last := start
	for ev := range ch {
		if ev.Done {
			if ev.Err != nil {
				return measurement{err: ev.Err}
			}
			break
		}
		now := time.Now()
		if s.token == 0 {
			s.ttft = now.Sub(start).Seconds()
		} else {
			s.itl = append(s.itl, now.Sub(last).Seconds())
		}
		last = now
		s.token++
	}
	s.e2e = time.Since(start).Seconds()
	return s
}
