package main

import (
	"errors"
	"fmt"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"time"

	"github.com/urfave/cli/v2"

	"github.com/paichain/paichain/inference/adapters"
	"github.com/paichain/paichain/inference/engine"
	"github.com/paichain/paichain/inference/lora"
	"github.com/paichain/paichain/inference/model"
	"github.com/paichain/paichain/inference/sample"
	"github.com/paichain/paichain/inference/server"
	"github.com/paichain/paichain/inference/server/loadgen"
	"github.com/paichain/paichain/inference/tokenizer"
	"github.com/paichain/paichain/internal/cputime"
)

var benchCommand = &cli.Command{
	Name:        "bench",
	Usage:       "benchmarks (see docs/BENCHMARKS.md)",
	Subcommands: []*cli.Command{benchInferCommand},
}

// syntheticPresets are model shapes `bench infer --synthetic` writes with
// seeded random weights (HF format, float32).
var syntheticPresets = map[string]model.Config{
	// stories15M's shape as a HF LLaMA; pair with llama2.c's 32000-token tokenizer.bin.
	"15m": func() model.Config {
		c := model.Stories15MConfig
		c.Arch, c.RopeInterleaved, c.MaxSeqLen, c.EOS = model.ArchLlama, false, 1024, []int{2}
		return c
	}(),
	// model.TinyConfig with tok512's vocabulary.
	"tiny": func() model.Config {
		c := model.TinyConfig
		c.VocabSize, c.MaxSeqLen = 512, 512
		return c
	}(),
}

var benchInferCommand = &cli.Command{
	Name:  "infer",
	Usage: "latency under load: N concurrent streaming clients against an in-process server over loopback (or --url)",
	Flags: concatFlags(modelFlags(), engineFlags(), []cli.Flag{
		&cli.StringFlag{Name: "url", Usage: "benchmark a running server instead of starting one"},
		&cli.StringFlag{Name: "synthetic", Usage: "write and serve a seeded synthetic model: 15m (stories15M shape, vocab 32000) or tiny (vocab 512)"},
		&cli.IntFlag{Name: "synthetic.adapters", Usage: "with --synthetic: this many rank-8 synthetic adapters; requests go round-robin over base and adapters"},
		&cli.IntFlag{Name: "clients", Value: 8, Usage: "concurrent streaming clients"},
		&cli.IntFlag{Name: "requests", Value: 64, Usage: "total requests"},
		&cli.IntFlag{Name: "max-tokens", Value: 128, Usage: "max_tokens per request"},
		&cli.StringFlag{Name: "prompt", Value: "Once upon a time, there was a little girl named Lily. She loved to play outside", Usage: "prompt text"},
		&cli.Float64Flag{Name: "temperature", Value: 0.8, Usage: "sampling temperature"},
		&cli.StringFlag{Name: "served-model-name", Value: "bench", Usage: "model name the clients request"},
		&cli.BoolFlag{Name: "baseline", Usage: "also run the same load straight against the engine (no HTTP), side by side"},
	}),
	Action: runBenchInfer,
}

func runBenchInfer(c *cli.Context) error {
	if err := checkBackend(c); err != nil {
		return err
	}
	cfg := loadgen.Config{
		URL: c.String("url"), Models: []string{c.String("served-model-name")}, Clients: c.Int("clients"),
		Requests: c.Int("requests"), Prompt: c.String("prompt"), MaxTokens: c.Int("max-tokens"), Temperature: c.Float64("temperature"),
	}
	desc := "external server " + cfg.URL
	var bs *benchServer
	if cfg.URL == "" {
		var err error
		if bs, err = startBenchServer(c); err != nil {
			return err
		}
		defer bs.stop()
		cfg.URL, desc, cfg.Models = bs.url, bs.desc, bs.models
	} else if c.Bool("baseline") {
		return errors.New("--baseline needs the in-process server (no --url)")
	}
	fmt.Fprintf(c.App.Writer, "bench infer: %s\n%d clients, %d requests, max_tokens %d, temperature %g, backend %s, GOMAXPROCS %d\n",
		desc, cfg.Clients, cfg.Requests, cfg.MaxTokens, cfg.Temperature, c.String("backend"), runtime.GOMAXPROCS(0))
	// Warm up (page in the weights, load each adapter once) so neither
	// measured run pays the cold start.
	warm := cfg
	warm.Clients, warm.Requests, warm.MaxTokens = 1, len(cfg.Models), min(cfg.MaxTokens, 4)
	if w, err := loadgen.Run(c.Context, warm); err != nil || w.Errors > 0 {
		return fmt.Errorf("warm-up failed: %v %s", err, w.FirstError)
	}
	cpu0 := cputime.Process().Seconds()
	res, err := loadgen.Run(c.Context, cfg)
	if err != nil {
		return err
	}
	fmt.Fprintf(c.App.Writer, "-- HTTP/SSE (OpenAI API over loopback)\n%s", res)
	if bs != nil {
		printCPU(c, cputime.Process().Seconds()-cpu0, res)
	}
	if c.Bool("baseline") {
		cpu0 = cputime.Process().Seconds()
		base, err := runBaseline(c, bs, cfg)
		if err != nil {
			return err
		}
		fmt.Fprintf(c.App.Writer, "-- engine direct (same load, no HTTP)\n%s", base)
		printCPU(c, cputime.Process().Seconds()-cpu0, base)
	}
	if bs != nil {
		fmt.Fprintf(c.App.Writer, "peak RSS        %.1f MiB (VmHWM, server and clients in one process)\n", float64(loadgen.PeakRSS())/(1<<20))
	}
	if res.Errors > 0 {
		return fmt.Errorf("%d requests failed", res.Errors)
	}
	return nil
}

func printCPU(c *cli.Context, cpu float64, r loadgen.Result) {
	if cpu > 0 {
		fmt.Fprintf(c.App.Writer, "CPU time        %.2f s (%.0f%% of wall), %.1f tokens per CPU-second\n",
			cpu, 100*cpu/r.Elapsed.Seconds(), float64(r.Tokens)/cpu)
	}
}

// runBaseline replays the load run's requests straight into the engine.
func runBaseline(c *cli.Context, bs *benchServer, cfg loadgen.Config) (loadgen.Result, error) {
	ids, err := bs.tok.Encode(cfg.Prompt)
	if err != nil {
		return loadgen.Result{}, err
	}
	dc := loadgen.DirectConfig{
		Clients: cfg.Clients, Requests: cfg.Requests, Prompt: bs.srv.WithBOS(ids),
		Params: sample.Params{Temperature: float32(cfg.Temperature), TopP: 1, RepetitionPenalty: 1,
			Seed: 1, MaxTokens: cfg.MaxTokens, StopTokens: bs.srv.StopTokens()},
	}
	for _, m := range cfg.Models {
		ref, ok := strings.CutPrefix(m, "adapter:")
		if !ok {
			dc.Adapters = append(dc.Adapters, nil)
			continue
		}
		h, err := bs.store.Resolve(ref)
		if err != nil {
			return loadgen.Result{}, err
		}
		a, release, err := bs.store.Acquire(c.Context, h)
		if err != nil {
			return loadgen.Result{}, err
		}
		defer release()
		dc.Adapters = append(dc.Adapters, a)
	}
	return loadgen.RunDirect(c.Context, bs.eng, dc)
}

// benchServer is an in-process server on a loopback port.
type benchServer struct {
	url, desc string
	models    []string
	eng       *engine.Engine
	srv       *server.Server
	tok       tokenizer.Tokenizer
	store     *adapters.Store
	stop      func()
}

// startBenchServer serves the flags' model (or a synthetic one) on a
// loopback port.
func startBenchServer(c *cli.Context) (*benchServer, error) {
	modelPath := c.String("model")
	var cleanup []func()
	stop := func() {
		for i := len(cleanup) - 1; i >= 0; i-- {
			cleanup[i]()
		}
	}
	fail := func(err error) (*benchServer, error) {
		stop()
		return nil, err
	}
	var adapterDirs []string
	if preset := c.String("synthetic"); preset != "" {
		mc, ok := syntheticPresets[preset]
		if !ok {
			return fail(fmt.Errorf("unknown --synthetic preset %q (15m, tiny)", preset))
		}
		if modelPath != "" {
			return fail(errors.New("--synthetic and --model are exclusive"))
		}
		if c.String("tokenizer") == "" {
			return fail(errors.New("--synthetic needs --tokenizer (15m: llama2.c tokenizer.bin, tiny: tok512.bin)"))
		}
		dir, err := os.MkdirTemp("", "paichain-bench-")
		if err != nil {
			return fail(err)
		}
		cleanup = append(cleanup, func() { os.RemoveAll(dir) })
		modelPath = filepath.Join(dir, "model")
		if err := model.WriteSynthetic(modelPath, mc, 1); err != nil {
			return fail(err)
		}
		for i := range c.Int("synthetic.adapters") {
			d := filepath.Join(dir, "adapters", fmt.Sprintf("a%03d", i))
			if err := lora.WriteSynthetic(d, mc, 8, 16, []string{"q_proj", "k_proj", "v_proj", "o_proj"}, uint64(1000+i), false); err != nil {
				return fail(err)
			}
			adapterDirs = append(adapterDirs, d)
		}
	} else if modelPath == "" {
		return fail(errors.New("give --model (and --tokenizer), --synthetic or --url"))
	}
	st, err := loadStack(c, modelPath)
	if err != nil {
		return fail(err)
	}
	cleanup = append(cleanup, st.close)
	models := []string{c.String("served-model-name")}
	if len(adapterDirs) > 0 {
		if st.store == nil {
			if st.store, err = adapters.Open(adapters.StoreConfig{HostBudget: -1}, st.model.Config); err != nil {
				return fail(err)
			}
			cleanup = append(cleanup, st.store.Close)
		}
		for i, d := range adapterDirs {
			if err := registerAdapters(st.store, d); err != nil {
				return fail(err)
			}
			models = append(models, fmt.Sprintf("adapter:a%03d", i))
		}
	}
	eng, err := engine.New(st.model, engineOptions(c))
	if err != nil {
		return fail(err)
	}
	cleanup = append(cleanup, eng.Close)
	srv, err := server.New(server.Config{Engine: eng, Tokenizer: st.tok, Store: st.store, ModelName: c.String("served-model-name")})
	if err != nil {
		return fail(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return fail(err)
	}
	hs := &http.Server{Handler: srv, ReadHeaderTimeout: 10 * time.Second}
	go hs.Serve(ln) //nolint:errcheck // ends with Close below
	cleanup = append(cleanup, func() { hs.Close() })
	o := eng.Options()
	what := fmt.Sprintf("%s (%.1fM params, %s), %d adapters, engine max-batch %d, max-batch-tokens %d, workers %d",
		modelPath, float64(st.model.Params())/1e6, st.model.Config.Arch, len(adapterDirs), o.MaxBatch, o.MaxBatchTokens, o.Workers)
	return &benchServer{url: "http://" + ln.Addr().String(), desc: what, models: models,
		eng: eng, srv: srv, tok: st.tok, store: st.store, stop: stop}, nil
}
