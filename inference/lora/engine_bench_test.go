package lora_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/paichain/paichain/inference/engine"
	"github.com/paichain/paichain/inference/lora"
	"github.com/paichain/paichain/inference/model"
	"github.com/paichain/paichain/inference/sample"
	"github.com/paichain/paichain/internal/cputime"
)

// BenchmarkMultiAdapterDecode is the end-to-end multi-adapter throughput:
// the engine serves N concurrent requests (default 512: 4 prompt tokens,
// 8 generated, greedy) on a synthetic stories15M-shaped model (dim 288,
// 6 layers, hidden 768, vocab 32000), each request using one of 1/8/64/512
// distinct rank-16 q_proj+v_proj adapters (PEFT's default targets) drawn
// Zipf(s=1.1), or the base model only. Each iteration runs every
// configuration once, interleaved, on the same model in the same process,
// so load drift on a shared machine hits them alike. Metrics per
// configuration: wall tok/s, tok per CPU-second (process CPU time, stable
// under contention), their ratios to base-only, and the adapters in use.
//
//	go test ./inference/lora -run XXX -bench MultiAdapterDecode -benchtime 1x -timeout 60m
//
// PAICHAIN_BENCH_REQUESTS and PAICHAIN_BENCH_TOKENS override 512 and 8.
func BenchmarkMultiAdapterDecode(b *testing.B) {
	cfg := model.Stories15MConfig
	m, err := model.NewSynthetic(cfg, 1)
	if err != nil {
		b.Fatal(err)
	}
	requests, tokens := envInt("PAICHAIN_BENCH_REQUESTS", 512), envInt("PAICHAIN_BENCH_TOKENS", 8)
	pool := make([]*lora.Adapter, 512)
	for i := range pool {
		if pool[i], err = lora.Synthetic(cfg, 16, 32, []string{"q_proj", "v_proj"}, uint64(i+1), false); err != nil {
			b.Fatal(err)
		}
	}
	opts := engine.Options{MaxBatch: 64, MaxBatchTokens: 512, MaxQueue: 2 * requests, MaxAdaptersPerBatch: 64}
	configs := []int{0, 1, 8, 64, 512}
	reqs := make([][]*engine.Request, len(configs))
	used := make([]int, len(configs))
	for ci, distinct := range configs {
		rng := rand.New(rand.NewPCG(7, uint64(distinct)))
		var z *rand.Zipf
		if distinct > 1 {
			z = rand.NewZipf(rng, 1.1, 1, uint64(distinct-1))
		}
		seen := map[*lora.Adapter]bool{}
		for i := 0; i < requests; i++ {
			prompt := make([]int, 4)
			for j := range prompt {
				prompt[j] = 1 + rng.IntN(cfg.VocabSize-1)
			}
			var a *lora.Adapter
			switch {
			case distinct == 1:
				a = pool[0]
			case distinct > 1:
				a = pool[z.Uint64()]
			}
			if a != nil {
				seen[a] = true
			}
			reqs[ci] = append(reqs[ci], &engine.Request{ID: strconv.Itoa(i), Prompt: prompt, Adapter: a, Params: sample.Params{MaxTokens: tokens}})
		}
		used[ci] = len(seen)
	}
	toks := make([]int64, len(configs))
	wall := make([]time.Duration, len(configs))
	cpu := make([]time.Duration, len(configs))
	steps := make([]int64, len(configs))
	for b.Loop() {
		for ci := range configs {
			e, err := engine.New(m, opts)
			if err != nil {
				b.Fatal(err)
			}
			c0 := cputime.Process()
			n, el := runAll(b, e, reqs[ci])
			cpu[ci] += cputime.Process() - c0
			steps[ci] += e.Stats().Steps
			e.Close()
			toks[ci] += n
			wall[ci] += el
		}
	}
	for ci, distinct := range configs {
		name := "base"
		if distinct > 0 {
			name = fmt.Sprintf("a%d", distinct)
		}
		tps := float64(toks[ci]) / wall[ci].Seconds()
		cps := float64(toks[ci]) / cpu[ci].Seconds()
		b.ReportMetric(tps, name+"-tok/s")
		b.ReportMetric(cps, name+"-tok/cpu-s")
		b.ReportMetric(float64(steps[ci])/float64(b.N), name+"-steps")
		if ci > 0 {
			b.ReportMetric(tps/(float64(toks[0])/wall[0].Seconds()), name+"-rel")
			b.ReportMetric(cps/(float64(toks[0])/cpu[0].Seconds()), name+"-rel-cpu")
			b.ReportMetric(float64(used[ci]), name+"-used")
		}
	}
}

// runAll submits every request at once and counts generated tokens.
func runAll(b *testing.B, e *engine.Engine, reqs []*engine.Request) (int64, time.Duration) {
	start := time.Now()
	var wg sync.WaitGroup
	var mu sync.Mutex
	var total int64
	for _, r := range reqs {
		ch, err := e.Submit(context.Background(), r)
		if err != nil {
			b.Fatal(err)
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			for ev := range ch {
				if ev.Done {
					if ev.Err != nil {
						b.Error(ev.Err)
					}
					mu.Lock()
					total += int64(ev.CompletionTokens)
					mu.Unlock()
				}
			}
		}()
	}
	wg.Wait()
	return total, time.Since(start)
}

func envInt(name string, def int) int {
	if v, err := strconv.Atoi(os.Getenv(name)); err == nil && v > 0 {
		return v
	}
	return def
}
