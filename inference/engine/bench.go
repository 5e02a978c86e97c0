package engine

import (
	"context"
	"fmt"
	"time"

	"github.com/paichain/paichain/inference/model"
	"github.com/paichain/paichain/inference/sample"
	"github.com/paichain/paichain/internal/cputime"
)

// DecodeResult is one single-stream decode measurement.
type DecodeResult struct {
	Tokens    int           // tokens timed
	Elapsed   time.Duration // wall time for them
	TokPerSec float64
	// CPU is the process CPU time (all threads) over the same interval;
	// Tokens/CPU is the load-independent figure on a shared machine.
	CPU          time.Duration
	CPUTokPerSec float64
}

// BenchDecode measures single-sequence greedy decode through the full engine
// (scheduler, paged KV cache, sampler) the way llama2.c's run.c reports
// tok/s (`run -n steps`): prompt [bos], steps positions in total (steps-1
// generated tokens), the clock started after the first generated token. workers ≤ 0 means
// GOMAXPROCS.
func BenchDecode(m *model.Model, steps, workers int) (DecodeResult, error) {
	if steps < 2 || steps > m.Config.MaxSeqLen {
		return DecodeResult{}, fmt.Errorf("engine: bench steps %d outside [2, %d]", steps, m.Config.MaxSeqLen)
	}
	e, err := New(m, Options{MaxBatch: 1, Workers: workers})
	if err != nil {
		return DecodeResult{}, err
	}
	defer e.Close()
	bos := max(m.Config.BOS, 0)
	ch, err := e.Submit(context.Background(), &Request{ID: "bench", Prompt: []int{bos}, Params: sample.Params{MaxTokens: steps - 1}})
	if err != nil {
		return DecodeResult{}, err
	}
	var start time.Time
	var cpu0 time.Duration
	n := 0
	for ev := range ch {
		if ev.Done {
			if ev.Err != nil {
				return DecodeResult{}, ev.Err
			}
			break
		}
		if n == 0 {
			start, cpu0 = time.Now(), cputime.Process()
		}
		n++
	}
	el, cpu := time.Since(start), cputime.Process()-cpu0
	r := DecodeResult{Tokens: n - 1, Elapsed: el, TokPerSec: float64(n-1) / el.Seconds(), CPU: cpu}
	if cpu > 0 {
		r.CPUTokPerSec = float64(n-1) / cpu.Seconds()
	}
	return r, nil
}
