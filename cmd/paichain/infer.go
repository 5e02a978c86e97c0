package main

import (
	"bytes"
	"context"
	"encoding/json"
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

	"github.com/ethereum/go-ethereum/common"
	"github.com/urfave/cli/v2"

	"github.com/paichain/paichain/attribution/poa"
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

// datanetFlags load Datanets to attribute completions to; the server and
// verify share them (docs/inference.md, "Attribution and RAG").
func datanetFlags() []cli.Flag {
	return []cli.Flag{
		&cli.StringSliceFlag{Name: "datanet", Usage: "Datanet version directory (`paichain datanet build --out`) to attribute completions to and retrieve from; repeatable"},
		&cli.StringSliceFlag{Name: "datanet.pool", Usage: "DATANET=0xADDR: pool of a Datanet committed without one (DATANET: its name, root or directory)"},
		&cli.StringFlag{Name: "datanet.verify", Value: string(poa.CheckRoots), Usage: "checks when loading: none, roots (rehash every file against its Merkle root) or full (also suffix order, document table, counts)"},
		&cli.IntFlag{Name: "rag.chunk-tokens", Value: 128, Usage: "tokens per retrieval chunk (part of what a verifier must match)"},
		&cli.Uint64Flag{Name: "attribution.rag-share", Value: poa.DefaultRAGShare, Usage: "millionths of the contributor weights that go to retrieved chunks when spans match too"},
	}
}

var inferCommand = &cli.Command{
	Name:  "infer",
	Usage: "OpenAI-compatible multi-LoRA inference server (see docs/inference.md)",
	Flags: concatFlags(modelFlags(), engineFlags(), httpFlags(8000), datanetFlags(), []cli.Flag{
		&cli.StringFlag{Name: "served-model-name", Usage: "base model name in requests and /v1/models (default: the model's file or directory name)"},
		&cli.Int64Flag{Name: "http.max-body", Value: 1 << 20, Usage: "request body size limit in bytes"},
		&cli.StringSliceFlag{Name: "datanet.adapter", Usage: "ADAPTER=DATANET: completions on this adapter (hash or name) are attributed to this Datanet, as the registry's datanetRoot links them; repeatable"},
		&cli.BoolFlag{Name: "rag", Usage: `retrieve from the completion's Datanet for every request that does not say "rag": false`},
		&cli.IntFlag{Name: "rag.k", Value: server.DefaultRAGK, Usage: "chunks retrieved when the request gives no k (1-16)"},
		&cli.IntFlag{Name: "attribution.max-evidence", Value: poa.DefaultMaxEvidenceBytes, Usage: "bytes of span evidence one completion may carry (over it: 400 evidence_too_large)"},
	}),
	Action: runInfer,
	Subcommands: []*cli.Command{{
		Name:      "verify",
		Usage:     "re-execute an inference receipt on the CPU reference path and compare the output tokens; with --datanet, also re-check a response's attribution",
		ArgsUsage: "<receipt.json or response.json> (flags may come before or after it)",
		Flags:     verifyFlags(),
		Action:    runInferVerify,
	}},
}

func verifyFlags() []cli.Flag { return concatFlags(modelFlags(), datanetFlags()) }

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
	set, err := openDatanets(c, st, modelPath, log)
	if err != nil {
		return err
	}
	if set != nil {
		defer set.Close()
	}
	srv, err := server.New(server.Config{
		Engine: eng, Tokenizer: st.tok, Store: st.store, ModelName: servedName(c, modelPath),
		Backend: c.String("backend"), MaxBodyBytes: c.Int64("http.max-body"), Logger: log,
		Attribution: set, RAG: server.RAGOptions{Default: c.Bool("rag"), K: c.Int("rag.k")},
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
		for _, f := range verifyFlags() {
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
	b, attJSON, err := splitResponse(b)
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
	set, err := openDatanets(c, st, c.String("model"), nil)
	if err != nil {
		return err
	}
	if set != nil {
		defer set.Close()
		if attJSON == nil {
			return errors.New("infer verify: --datanet given, but the file has no attribution (pass a whole response)")
		}
	}
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
	ok := v.OK()
	if attJSON != nil {
		if !verifyAttribution(c, set, st, rc, attJSON) {
			ok = false
		}
	}
	if !ok {
		return cli.Exit("verification failed", 2)
	}
	return nil
}

// openDatanets loads the --datanet directories for the served model's
// tokenizer (nil, nil when none is given). log, if set, gets one line per
// Datanet.
func openDatanets(c *cli.Context, st *stack, modelPath string, log *slog.Logger) (*poa.Set, error) {
	dirs := c.StringSlice("datanet")
	if len(dirs) == 0 {
		for _, f := range []string{"datanet.pool", "datanet.adapter", "rag"} {
			if c.IsSet(f) {
				return nil, fmt.Errorf("--%s needs --datanet", f)
			}
		}
		return nil, nil
	}
	if k := c.Int("rag.k"); c.IsSet("rag.k") && (k < 1 || k > poa.MaxK) {
		return nil, fmt.Errorf("--rag.k %d outside 1..%d", k, poa.MaxK)
	}
	info, err := server.TokenizerInfo(c.String("tokenizer"), modelPath, st.tok)
	if err != nil {
		return nil, err
	}
	share := c.Uint64("attribution.rag-share")
	cfg := poa.Config{
		Dirs: dirs, Tokenizer: info, Tokenize: st.tok.Encode, Decode: st.tok.Decode,
		Check: poa.Check(c.String("datanet.verify")), ChunkTokens: c.Int("rag.chunk-tokens"),
		RAGShare: &share, MaxEvidenceBytes: c.Int("attribution.max-evidence"),
		Pools: map[string]common.Address{}, Adapters: map[[32]byte]string{},
	}
	for _, kv := range c.StringSlice("datanet.pool") {
		i := strings.LastIndex(kv, "=")
		if i <= 0 || !common.IsHexAddress(kv[i+1:]) {
			return nil, fmt.Errorf("--datanet.pool %q: want DATANET=0xADDRESS", kv)
		}
		cfg.Pools[kv[:i]] = common.HexToAddress(kv[i+1:])
	}
	for _, kv := range c.StringSlice("datanet.adapter") {
		ref, dn, ok := strings.Cut(kv, "=")
		if !ok || ref == "" || dn == "" {
			return nil, fmt.Errorf("--datanet.adapter %q: want ADAPTER=DATANET", kv)
		}
		h, ok := adapters.ParseHash(ref)
		if !ok {
			if st.store == nil {
				return nil, fmt.Errorf("--datanet.adapter %q: no adapter store to resolve %q (give its hash or --adapters)", kv, ref)
			}
			var err error
			if h, err = st.store.Resolve(ref); err != nil {
				return nil, fmt.Errorf("--datanet.adapter %q: %w", kv, err)
			}
		}
		cfg.Adapters[h] = dn
	}
	set, err := poa.Open(cfg)
	if err != nil {
		return nil, fmt.Errorf("loading Datanets: %w", err)
	}
	for _, src := range set.Sources() {
		if log != nil {
			m := src.DN.Manifest
			log.Info("datanet loaded", "name", src.Name, "root", src.Root().Hex(), "documents", m.Documents, "tokens", m.Suffixes,
				"pool", src.Pool.Hex(), "rag_chunks", src.Index.Chunks(), "verify", cfg.Check, "load", src.Load.Round(time.Millisecond))
		}
	}
	return set, nil
}

// splitResponse returns the receipt and attribution of a saved response
// (or stream chunk); a bare receipt comes back as it is, with no
// attribution.
func splitResponse(b []byte) (rc, att []byte, err error) {
	var top map[string]json.RawMessage
	if json.Unmarshal(b, &top) != nil || top["receipt"] == nil {
		return b, nil, nil // a receipt: DecodeJSON reports what is wrong with it
	}
	if a := top["attribution"]; len(a) > 0 && string(a) != "null" {
		att = a
	}
	return top["receipt"], att, nil
}

// verifyAttribution prints the attribution check; false on a mismatch.
func verifyAttribution(c *cli.Context, set *poa.Set, st *stack, rc *receipt.Receipt, raw []byte) bool {
	if set == nil {
		fmt.Fprintln(c.App.Writer, "attribution: not checked (give --datanet)")
		return true
	}
	att, err := poa.Decode(bytes.NewReader(raw))
	if err == nil {
		err = server.VerifyAttribution(set, st.tok, rc, att)
	}
	if err != nil {
		fmt.Fprintf(c.App.Writer, "attribution: %v\n", err)
		return false
	}
	var total uint64
	for _, w := range att.Contributors {
		total += uint64(w.Weight)
	}
	fmt.Fprintf(c.App.Writer, "attribution (%s, %d spans, %d citations): match; %d contributors, weights sum to %d\n",
		att.Method, len(att.Spans), len(att.Citations), len(att.Contributors), total)
	return true
}
