// Package loadgen drives an OpenAI-compatible completions endpoint with
// concurrent streaming clients and measures what a user sees: time to first
// token, inter-token latency and throughput.
package loadgen

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// Config describes a load run.
type Config struct {
	URL         string // server base URL, e.g. http://127.0.0.1:8000
	Models      []string
	Clients     int // concurrent streaming clients
	Requests    int // total requests
	Prompt      string
	MaxTokens   int
	Temperature float64
	Client      *http.Client
}

// Summary is a latency distribution in seconds.
type Summary struct {
	N                   int
	Mean, P50, P99, Max float64
}

func summarize(v []float64) Summary {
	if len(v) == 0 {
		return Summary{}
	}
	slices.Sort(v)
	var sum float64
	for _, x := range v {
		sum += x
	}
	q := func(p float64) float64 { return v[min(len(v)-1, int(p*float64(len(v))))] }
	return Summary{N: len(v), Mean: sum / float64(len(v)), P50: q(0.50), P99: q(0.99), Max: v[len(v)-1]}
}

// Result is what a run measured.
type Result struct {
	Requests, Errors, Rejected int
	PromptTokens, Tokens       int
	Elapsed                    time.Duration
	TTFT, ITL, E2E             Summary
	TokensPerSec               float64 // completion tokens over wall time, all clients
	FirstError                 string
}

// String renders a result as the table BENCHMARKS.md records.
func (r Result) String() string {
	ms := func(s float64) string { return strconv.FormatFloat(s*1000, 'f', 2, 64) }
	var b strings.Builder
	fmt.Fprintf(&b, "requests %d (errors %d, 429s %d), prompt tokens %d, completion tokens %d in %.2fs\n",
		r.Requests, r.Errors, r.Rejected, r.PromptTokens, r.Tokens, r.Elapsed.Seconds())
	fmt.Fprintf(&b, "throughput      %.1f tokens/s\n", r.TokensPerSec)
	fmt.Fprintf(&b, "TTFT            p50 %s ms   p99 %s ms   mean %s ms\n", ms(r.TTFT.P50), ms(r.TTFT.P99), ms(r.TTFT.Mean))
	fmt.Fprintf(&b, "inter-token     p50 %s ms   p99 %s ms   mean %s ms\n", ms(r.ITL.P50), ms(r.ITL.P99), ms(r.ITL.Mean))
	fmt.Fprintf(&b, "request         p50 %s ms   p99 %s ms\n", ms(r.E2E.P50), ms(r.E2E.P99))
	if r.FirstError != "" {
		fmt.Fprintf(&b, "first error     %s\n", r.FirstError)
	}
	return b.String()
}

type measurement struct {
	ttft, e2e     float64
	itl           []float64
	prompt, token int
	err           error
	rejected      bool
}

// Run performs the load run: Clients goroutines each send streaming
// requests back to back until Requests have been sent.
func Run(ctx context.Context, cfg Config) (Result, error) {
	if cfg.Clients < 1 || cfg.Requests < 1 || cfg.MaxTokens < 1 || len(cfg.Models) == 0 {
		return Result{}, errors.New("loadgen: clients, requests, max tokens and models must be set")
	}
	if cfg.Client == nil {
		cfg.Client = &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: cfg.Clients}}
	}
	return runPool(ctx, cfg.Clients, cfg.Requests, func(i int) measurement {
		return one(ctx, cfg, cfg.Models[i%len(cfg.Models)])
	}), ctx.Err()
}

// runPool runs requests 0..n-1 from clients goroutines, each taking the next
// index as soon as its previous request is done, and aggregates the samples.
func runPool(ctx context.Context, clients, n int, do func(i int) measurement) Result {
	var next atomic.Int64
	samples := make([]measurement, n)
	var wg sync.WaitGroup
	start := time.Now()
	for range clients {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				i := int(next.Add(1)) - 1
				if i >= n || ctx.Err() != nil {
					return
				}
				samples[i] = do(i)
			}
		}()
	}
	wg.Wait()
	return aggregate(samples, time.Since(start))
}

func aggregate(samples []measurement, elapsed time.Duration) Result {
	res := Result{Elapsed: elapsed}
	var ttft, itl, e2e []float64
	for _, s := range samples {
		res.Requests++
		switch {
		case s.rejected:
			res.Rejected++
			continue
		case s.err != nil:
			res.Errors++
			if res.FirstError == "" {
				res.FirstError = s.err.Error()
			}
			continue
		}
		res.PromptTokens += s.prompt
		res.Tokens += s.token
		ttft = append(ttft, s.ttft)
		e2e = append(e2e, s.e2e)
		itl = append(itl, s.itl...)
	}
	res.TTFT, res.ITL, res.E2E = summarize(ttft), summarize(itl), summarize(e2e)
	res.TokensPerSec = float64(res.Tokens) / res.Elapsed.Seconds()
	return res
}

// one sends a streaming completion and times its chunks. TTFT is the time
// to the first chunk carrying text; inter-token latencies are the gaps
// between text chunks (the server sends one per token, except where
// detokenization holds back an incomplete UTF-8 character).
func one(ctx context.Context, cfg Config, model string) measurement {
	body, _ := json.Marshal(map[string]any{
		"model": model, "prompt": cfg.Prompt, "max_tokens": cfg.MaxTokens, "temperature": cfg.Temperature,
		"stream": true, "stream_options": map[string]bool{"include_usage": true},
	})
	req, err := http.NewRequestWithContext(ctx, "POST", strings.TrimRight(cfg.URL, "/")+"/v1/completions", bytes.NewReader(body))
	if err != nil {
		return measurement{err: err}
	}
	req.Header.Set("Content-Type", "application/json")
	start := time.Now()
	resp, err := cfg.Client.Do(req)
	if err != nil {
		return measurement{err: err}
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		b, _ := io.ReadAll(io.LimitReader(resp.Body, 4096))
		return measurement{rejected: resp.StatusCode == http.StatusTooManyRequests, err: fmt.Errorf("HTTP %d: %s", resp.StatusCode, bytes.TrimSpace(b))}
	}
	var s measurement
	last := start
	br := bufio.NewReader(resp.Body)
	for {
		line, err := br.ReadBytes('\n')
		if err != nil {
			return measurement{err: fmt.Errorf("stream ended early: %w", err)}
		}
		data, ok := bytes.CutPrefix(bytes.TrimRight(line, "\n"), []byte("data: "))
		if !ok {
			continue
		}
		if string(data) == "[DONE]" {
			break
		}
		now := time.Now()
		var ch struct {
			Choices []struct {
				Text string `json:"text"`
			} `json:"choices"`
			Usage *struct {
				PromptTokens     int `json:"prompt_tokens"`
				CompletionTokens int `json:"completion_tokens"`
			} `json:"usage"`
			Error *struct {
				Message string `json:"message"`
			} `json:"error"`
		}
		if err := json.Unmarshal(data, &ch); err != nil {
			return measurement{err: fmt.Errorf("bad chunk %q: %w", data, err)}
		}
		switch {
		case ch.Error != nil:
			return measurement{err: errors.New(ch.Error.Message)}
		case ch.Usage != nil:
			s.prompt, s.token = ch.Usage.PromptTokens, ch.Usage.CompletionTokens
		case len(ch.Choices) == 1 && ch.Choices[0].Text != "":
			if s.ttft == 0 {
				s.ttft = now.Sub(start).Seconds()
			} else {
				s.itl = append(s.itl, now.Sub(last).Seconds())
			}
			last = now
		}
	}
	s.e2e = time.Since(start).Seconds()
	return s
}

// PeakRSS is the process's peak resident set (VmHWM) in bytes, 0 where
// /proc is unavailable.
func PeakRSS() int64 {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for line := range strings.SplitSeq(string(b), "\n") {
		if v, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			f := strings.Fields(v)
			if len(f) == 2 && f[1] == "kB" {
				n, _ := strconv.ParseInt(f[0], 10, 64)
				return n << 10
			}
		}
	}
	return 0
}
