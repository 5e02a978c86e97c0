package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"syscall"
	"time"

	"github.com/urfave/cli/v2"

	"github.com/paichain/paichain/inference/adapters"
	"github.com/paichain/paichain/inference/engine"
	"github.com/paichain/paichain/inference/gpu"
	"github.com/paichain/paichain/inference/lora"
	"github.com/paichain/paichain/inference/model"
	"github.com/paichain/paichain/inference/receipt"
	"github.com/paichain/paichain/inference/server"
	"github.com/paichain/paichain/inference/tokenizer"
)

// modelFlags select the model, tokenizer and adapters; the server, verify
// and bench share them.
func modelFlags() []cli.Flag {
	return []cli.Flag{
		&cli.StringFlag{Name: "model", Usage: "base model: a Hugging Face directory (config.json + safetensors) or a llama2.c .bin"},
		&cli.StringFlag{Name: "tokenizer", Usage: "tokenizer.json or llama2.c tokenizer .bin (default: tokenizer.json next to the model)"},
		&cli.StringSliceFlag{Name: "adapters", Usage: "PEFT adapter directories to register, or directories of them (named after their directory)"},
		&cli.StringFlag{Name: "adapters.source", Usage: "directory of adapters named by hash, fetched on first use"},
		&cli.StringFlag{Name: "adapters.url", Usage: "HTTP(S) base URL of adapters named by hash, fetched on first use"},
		&cli.StringFlag{Name: "adapters.cache-dir", Usage: "local disk cache of fetched adapters (empty: no disk tier)"},
		&cli.Int64Flag{Name: "adapters.memory-budget", Value: adapters.DefaultMemoryBudget, Usage: "bytes of decoded adapters kept for the engine"},
		&cli.Int64Flag{Name: "adapters.host-budget", Value: adapters.DefaultHostBudget, Usage: "bytes of serialized adapters kept in RAM (negative: off)"},
		&cli.Int64Flag{Name: "adapters.disk-budget", Value: adapters.DefaultDiskBudget, Usage: "bytes of adapters in the disk cache"},
		&cli.StringFlag{Name: "backend", Value: "auto", Usage: "compute backend: auto (cuda when available, else cpu), cpu or cuda"},
	}
}

// engineFlags are the engine's limits; zero picks the engine's defaults.
func engineFlags() []cli.Flag {
	return []cli.Flag{
		&cli.IntFlag{Name: "engine.max-batch", Usage: "sequences decoded together (default 64)"},
		&cli.IntFlag{Name: "engine.max-batch-tokens", Usage: "tokens per forward step (default 512)"},
		&cli.IntFlag{Name: "engine.max-queue", Usage: "waiting requests before 429 (default 256)"},
		&cli.IntFlag{Name: "engine.max-adapters", Usage: "distinct adapters per batch (default 8)"},
		&cli.IntFlag{Name: "engine.kv-blocks", Usage: "KV cache blocks (default: max-batch full contexts, capped at 1 GiB)"},
		&cli.IntFlag{Name: "engine.block-size", Usage: "positions per KV block (default 16)"},
		&cli.IntFlag{Name: "engine.prefill-chunk", Usage: "prompt tokens per sequence per step (default 256)"},
		&cli.IntFlag{Name: "engine.workers", Usage: "forward-pass goroutines (default GOMAXPROCS)"},
	}
}

var inferCommand = &cli.Command{
	Name:  "infer",
	Usage: "OpenAI-compatible multi-LoRA inference server (see docs/inference.md)",
	Flags: concatFlags(modelFlags(), engineFlags(), httpFlags(8000), []cli.Flag{
		&cli.StringFlag{Name: "served-model-name", Usage: "base model name in requests and /v1/models (default: the model's file or directory name)"},
		&cli.Int64Flag{Name: "http.max-body", Value: 1 << 20, Usage: "request body size limit in bytes"},
	}),
	Action: runInfer,
	Subcommands: []*cli.Command{{
		Name:      "verify",
		Usage:     "re-execute an inference receipt on the CPU reference path and compare the output tokens",
		ArgsUsage: "<receipt.json> (flags may come before or after it)",
		Flags:     modelFlags(),
		Action:    runInferVerify,
	}},
}

func concatFlags(groups ...[]cli.Flag) []cli.Flag {
	var out []cli.Flag
	for _, g := range groups {
		out = append(out, g...)
	}
	return out
}

// stack is a loaded model with its tokenizer and adapter store.
type stack struct {
	model *model.Model
	tok   tokenizer.Tokenizer
	store *adapters.Store
}

func (s *stack) close() {
	if s.store != nil {
		s.store.Close()
	}
}

// checkBackend resolves --backend with gpu.Select: auto picks cuda only when
// gpu.Probe passes, else cpu (the reason goes to stderr); cuda without a
// usable CUDA backend is a startup error. The resolved name replaces the
// flag's value, so /health and the logs report the backend actually chosen.
func checkBackend(c *cli.Context) error {
	ch, err := gpu.Select(c.String("backend"))
	if err != nil {
		return err
	}
	if ch.Reason != "" {
		fmt.Fprintf(c.App.ErrWriter, "backend auto: using cpu (%s)\n", ch.Reason)
	}
	if ch.Backend != gpu.CPU {
		// Unreachable until gpu.Probe passes, i.e. until the engine can
		// drive the device; never serve on the CPU under a cuda label.
		return fmt.Errorf("backend %s: selected but the engine cannot run on it", ch.Backend)
	}
	return c.Set("backend", ch.Backend)
}

// loadStack loads the model, tokenizer and adapters the flags name.
func loadStack(c *cli.Context, modelPath string) (*stack, error) {
	if err := checkBackend(c); err != nil {
		return nil, err
	}
	m, err := model.Load(modelPath)
	if err != nil {
		return nil, fmt.Errorf("loading model: %w", err)
	}
	tok, err := server.LoadTokenizer(c.String("tokenizer"), modelPath, m.Config.VocabSize)
	if err != nil {
		return nil, err
	}
	st := &stack{model: m, tok: tok}
	dirs := c.StringSlice("adapters")
	if len(dirs) == 0 && c.String("adapters.source") == "" && c.String("adapters.url") == "" {
		return st, nil
	}
	cfg := adapters.StoreConfig{
		MemoryBudget: c.Int64("adapters.memory-budget"),
		HostBudget:   c.Int64("adapters.host-budget"),
		CacheDir:     c.String("adapters.cache-dir"),
		DiskBudget:   c.Int64("adapters.disk-budget"),
	}
	if d := c.String("adapters.source"); d != "" {
		cfg.Fetchers = append(cfg.Fetchers, adapters.DirFetcher{Root: d})
	}
	if u := c.String("adapters.url"); u != "" {
		cfg.Fetchers = append(cfg.Fetchers, &adapters.HTTPFetcher{BaseURL: u, TempDir: cfg.CacheDir})
	}
	if st.store, err = adapters.Open(cfg, m.Config); err != nil {
		return nil, fmt.Errorf("opening adapter store: %w", err)
	}
	for _, d := range dirs {
		if err := registerAdapters(st.store, d); err != nil {
			st.close()
			return nil, err
		}
	}
	return st, nil
}

// registerAdapters registers a PEFT directory, or every PEFT directory
// inside d, aliased by directory name.
func registerAdapters(store *adapters.Store, d string) error {
	one := func(dir string) error {
		h, err := store.Register(dir)
		if err != nil {
			return fmt.Errorf("registering adapter %s: %w", dir, err)
		}
		store.Alias(filepath.Base(filepath.Clean(dir)), h, 0)
		return nil
	}
	if _, err := os.Stat(filepath.Join(d, lora.ConfigFile)); err == nil {
		return one(d)
	}
	ents, err := os.ReadDir(d)
	if err != nil {
		return fmt.Errorf("adapters %s: %w", d, err)
	}
	n := 0
	for _, e := range ents {
		sub := filepath.Join(d, e.Name())
		if _, err := os.Stat(filepath.Join(sub, lora.ConfigFile)); e.IsDir() && err == nil {
			if err := one(sub); err != nil {
				return err
			}
			n++
		}
	}
	if n == 0 {
		return fmt.Errorf("adapters %s: no %s in it or in its subdirectories", d, lora.ConfigFile)
	}
	return nil
}

func engineOptions(c *cli.Context) engine.Options {
	return engine.Options{
		MaxBatch:            c.Int("engine.max-batch"),
		MaxBatchTokens:      c.Int("engine.max-batch-tokens"),
		MaxQueue:            c.Int("engine.max-queue"),
		MaxAdaptersPerBatch: c.Int("engine.max-adapters"),
		KVBlocks:            c.Int("engine.kv-blocks"),
		BlockSize:           c.Int("engine.block-size"),
		PrefillChunk:        c.Int("engine.prefill-chunk"),
		Workers:             c.Int("engine.workers"),
	}
}

// servedName is the file or directory name of the model, without extension.
func servedName(c *cli.Context, modelPath string) string {
	if n := c.String("served-model-name"); n != "" {
		return n
	}
	base := filepath.Base(filepath.Clean(modelPath))
	return strings.TrimSuffix(base, filepath.Ext(base))
}

func runInfer(c *cli.Context) error {
	if c.Args().Len() > 0 {
		return fmt.Errorf("unexpected arguments %q (did you mean `infer verify`?)", c.Args().Slice())
	}
	log := slog.New(slog.NewTextHandler(os.Stderr, nil))
	modelPath := c.String("model")
	if modelPath == "" {
		return errors.New("infer: --model is required")
	}
	st, err := loadStack(c, modelPath)
	if err != nil {
		return err
	}
	defer st.close()
	eng, err := engine.New(st.model, engineOptions(c))
	if err != nil {
		return fmt.Errorf("starting engine: %w", err)
	}
	defer eng.Close()
	srv, err := server.New(server.Config{
		Engine: eng, Tokenizer: st.tok, Store: st.store, ModelName: servedName(c, modelPath),
		Backend: c.String("backend"), MaxBodyBytes: c.Int64("http.max-body"), Logger: log,
	})
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", httpListenAddr(c))
	if err != nil {
		return err
	}
	hs := &http.Server{Handler: srv, ReadHeaderTimeout: 10 * time.Second}
	ctx, stop := signal.NotifyContext(c.Context, os.Interrupt, syscall.SIGTERM)
	defer stop()
	errc := make(chan error, 1)
	go func() { errc <- hs.Serve(ln) }()
	mh := st.model.Hash
	log.Info("inference server listening", "addr", "http://"+ln.Addr().String(), "model", servedName(c, modelPath),
		"model_hash", receipt.Hash(mh).String(), "params", st.model.Params(), "tokenizer", st.tok.Family(), "backend", c.String("backend"))
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	log.Info("shutting down")
	sctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := hs.Shutdown(sctx); err != nil && !errors.Is(err, context.DeadlineExceeded) {
		return err
	}
	return nil
}

func runInferVerify(c *cli.Context) error {
	// urfave/cli stops parsing flags at the first argument; accept the
	// documented `verify <receipt.json> --model ...` order as well.
	if args := c.Args().Slice(); len(args) > 1 {
		if len(c.FlagNames()) > 0 {
			return errors.New("give the flags either all before or all after the receipt path")
		}
		set := flag.NewFlagSet("verify", flag.ContinueOnError)
		set.SetOutput(io.Discard)
		for _, f := range modelFlags() {
			if err := f.Apply(set); err != nil {
				return err
			}
		}
		if err := set.Parse(args[1:]); err != nil {
			return fmt.Errorf("infer verify: %w", err)
		}
		if set.NArg() > 0 {
			return fmt.Errorf("infer verify: unexpected arguments %q", set.Args())
		}
		c = cli.NewContext(c.App, set, c)
		return verifyReceiptFile(c, args[0])
	}
	if c.Args().Len() != 1 {
		return errors.New("usage: paichain infer verify <receipt.json> --model ... [--tokenizer ...] [--adapters ...]")
	}
	return verifyReceiptFile(c, c.Args().First())
}

func verifyReceiptFile(c *cli.Context, path string) error {
	if c.String("model") == "" {
		return errors.New("infer verify: --model is required")
	}
	b, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	rc, err := receipt.DecodeJSON(b) // hashes are checked by VerifyReceipt, after the replay
	if err != nil {
		return err
	}
	st, err := loadStack(c, c.String("model"))
	if err != nil {
		return err
	}
	defer st.close()
	// One sequence at a time: the reference path needs no batching.
	eng, err := engine.New(st.model, engine.Options{MaxBatch: 1, MaxQueue: 1})
	if err != nil {
		return err
	}
	defer eng.Close()
	v, err := server.VerifyReceipt(c.Context, eng, st.tok, st.store, rc)
	if err != nil {
		return err
	}
	fmt.Fprintf(c.App.Writer, "receipt %s (%d prompt tokens, %d output tokens): %s\n",
		rc.ReceiptHash, len(rc.PromptTokenIDs), len(rc.OutputTokenIDs), v)
	if !v.OK() {
		return cli.Exit("verification failed", 2)
	}
	return nil
}
