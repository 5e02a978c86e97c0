// Package server is paichain's OpenAI-compatible inference HTTP API:
// /v1/completions and /v1/chat/completions (streaming over SSE or not),
// /v1/models, /health and Prometheus /metrics, in front of the continuous
// batching engine and the LoRA adapter store. Every completion carries an
// inference receipt (package receipt) that `paichain infer verify` replays.
// See docs/inference.md.
package server

import (
	"context"
	"crypto/rand"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"slices"
	"strconv"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/promhttp"

	"github.com/paichain/paichain/attribution/poa"
	"github.com/paichain/paichain/inference/adapters"
	"github.com/paichain/paichain/inference/engine"
	"github.com/paichain/paichain/inference/lora"
	"github.com/paichain/paichain/inference/tokenizer"
)

// Engine identification recorded in receipts. EngineVersion changes
// whenever the forward pass, sampler or merge code could produce different
// tokens; Determinism names the numerical contract a verifier needs.
const (
	EngineVersion = "paichain-engine/1 (cpu, fp32)"
	Determinism   = "cpu-fp32-batch-invariant/v1"
)

// Config configures a Server.
type Config struct {
	Engine    *engine.Engine
	Tokenizer tokenizer.Tokenizer
	// Store resolves adapters; nil serves the base model only.
	Store *adapters.Store
	// ModelName is the served base model name ("model" in requests and
	// /v1/models); it defaults to "base".
	ModelName string
	// Backend is reported by /health ("cpu").
	Backend string
	// MaxBodyBytes caps request bodies (default 1 MiB).
	MaxBodyBytes int64
	// RetryAfter is the Retry-After hint on 429 (default 1s).
	RetryAfter time.Duration
	// MergeCacheEntries bounds the cached merged adapters (default 16).
	MergeCacheEntries int
	// ChatFamily picks the chat template (default: the tokenizer's family).
	ChatFamily string
	// Logger logs request failures (default: discard).
	Logger *slog.Logger
	// Attribution, when set, attributes every completion to a Datanet and
	// RAG sets retrieval defaults (attribution.go).
	Attribution *poa.Set
	RAG         RAGOptions
}

// Server serves the API. Create it with New; it is an http.Handler.
type Server struct {
	cfg     Config
	eng     *engine.Engine
	tok     tokenizer.Tokenizer
	store   *adapters.Store
	merges  *mergeCache
	reg     *prometheus.Registry
	met     *metrics
	mux     *http.ServeMux
	started time.Time
	// stopTokens end generation: the tokenizer's EOS ids (and BOS for
	// llama2.c models).
	stopTokens []int
}

// New builds a server.
func New(cfg Config) (*Server, error) {
	if cfg.Engine == nil || cfg.Tokenizer == nil {
		return nil, errors.New("server: engine and tokenizer are required")
	}
	mc := cfg.Engine.Model().Config
	if v := cfg.Tokenizer.VocabSize(); v > mc.VocabSize {
		return nil, fmt.Errorf("server: tokenizer vocabulary %d larger than the model's %d", v, mc.VocabSize)
	}
	if cfg.ModelName == "" {
		cfg.ModelName = "base"
	}
	if cfg.Backend == "" {
		cfg.Backend = "cpu"
	}
	if cfg.MaxBodyBytes <= 0 {
		cfg.MaxBodyBytes = 1 << 20
	}
	if cfg.RetryAfter <= 0 {
		cfg.RetryAfter = time.Second
	}
	if cfg.MergeCacheEntries <= 0 {
		cfg.MergeCacheEntries = 16
	}
	if cfg.ChatFamily == "" {
		cfg.ChatFamily = cfg.Tokenizer.Family()
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.New(slog.NewTextHandler(io.Discard, nil))
	}
	s := &Server{
		cfg:     cfg,
		eng:     cfg.Engine,
		tok:     cfg.Tokenizer,
		store:   cfg.Store,
		merges:  newMergeCache(cfg.MergeCacheEntries),
		reg:     prometheus.NewRegistry(),
		started: time.Now(),
	}
	s.stopTokens = append([]int{}, cfg.Tokenizer.EOS()...)
	if bos := cfg.Tokenizer.BOS(); cfg.Tokenizer.Family() == "llama2c" && bos >= 0 && !slices.Contains(s.stopTokens, bos) {
		// llama2.c models delimit stories with BOS; run.c stops there.
		s.stopTokens = append(s.stopTokens, bos)
	}
	s.met = newMetrics(s.reg, s.eng, s.store)
	mux := http.NewServeMux()
	mux.HandleFunc("POST /v1/completions", s.instrument("completions", s.handleCompletions))
	mux.HandleFunc("POST /v1/chat/completions", s.instrument("chat", s.handleChat))
	mux.HandleFunc("GET /v1/models", s.instrument("models", s.handleModels))
	mux.HandleFunc("GET /v1/models/{id...}", s.instrument("models", s.handleModel))
	mux.HandleFunc("GET /health", s.instrument("health", s.handleHealth))
	mux.Handle("GET /metrics", promhttp.HandlerFor(s.reg, promhttp.HandlerOpts{}))
	mux.HandleFunc("/", s.instrument("other", func(w http.ResponseWriter, r *http.Request) {
		writeError(w, apiErr(http.StatusNotFound, "", "not_found", "no route for %s %s", r.Method, r.URL.Path))
	}))
	s.mux = mux
	return s, nil
}

// ServeHTTP implements http.Handler.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) { s.mux.ServeHTTP(w, r) }

// StopTokens are the token ids that end a generation (EOS, and BOS for
// llama2.c models).
func (s *Server) StopTokens() []int { return append([]int{}, s.stopTokens...) }

// WithBOS prepends the tokenizer's BOS to an encoded prompt, as the
// completions endpoint does for text prompts.
func (s *Server) WithBOS(ids []int) []int { return s.withBOS(ids) }

// Registry is the server's Prometheus registry (for embedding).
func (s *Server) Registry() *prometheus.Registry { return s.reg }

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	enc := jsonEncoder(w)
	_ = enc.Encode(v) // the client may be gone; nothing to do about it
}

func writeError(w http.ResponseWriter, e *APIError) {
	writeJSON(w, e.Status, map[string]*APIError{"error": e})
}

// readBody reads the request body under the size cap.
func (s *Server) readBody(w http.ResponseWriter, r *http.Request) ([]byte, *APIError) {
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, s.cfg.MaxBodyBytes))
	if err != nil {
		var mb *http.MaxBytesError
		if errors.As(err, &mb) {
			return nil, apiErr(http.StatusRequestEntityTooLarge, "", "body_too_large", "request body over %d bytes", s.cfg.MaxBodyBytes)
		}
		return nil, apiErr(http.StatusBadRequest, "", "bad_body", "reading request body: %v", err)
	}
	return body, nil
}

// newRequestID makes an OpenAI-style id; it also keys the engine's PRNG.
func newRequestID(prefix string) string {
	var b [12]byte
	_, _ = rand.Read(b[:])
	return prefix + hex.EncodeToString(b[:])
}

func randomSeed() uint64 {
	var b [8]byte
	_, _ = rand.Read(b[:])
	return binary.LittleEndian.Uint64(b[:])
}

// modelCard is one entry of /v1/models.
type modelCard struct {
	ID      string `json:"id"`
	Object  string `json:"object"`
	Created int64  `json:"created"`
	OwnedBy string `json:"owned_by"`
	Root    string `json:"root,omitempty"`
	Parent  string `json:"parent,omitempty"`
}

// models lists the base model and, per registered adapter, its hash and
// name forms of the model field.
func (s *Server) models() []modelCard {
	created := s.started.Unix()
	cards := []modelCard{{ID: s.cfg.ModelName, Object: "model", Created: created, OwnedBy: "paichain", Root: s.cfg.ModelName}}
	if s.store != nil {
		for _, info := range s.store.List() {
			hexHash := hex.EncodeToString(info.Hash[:])
			cards = append(cards, modelCard{ID: adapterPrefix + hexHash, Object: "model", Created: created, OwnedBy: "paichain", Root: s.cfg.ModelName, Parent: s.cfg.ModelName})
			for _, n := range info.Names {
				cards = append(cards, modelCard{ID: adapterPrefix + n, Object: "model", Created: created, OwnedBy: "paichain", Root: adapterPrefix + hexHash, Parent: s.cfg.ModelName})
			}
		}
	}
	return cards
}

func (s *Server) handleModels(w http.ResponseWriter, _ *http.Request) {
	writeJSON(w, http.StatusOK, map[string]any{"object": "list", "data": s.models()})
}

func (s *Server) handleModel(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("id")
	for _, c := range s.models() {
		if c.ID == id {
			writeJSON(w, http.StatusOK, c)
			return
		}
	}
	writeError(w, apiErr(http.StatusNotFound, "model", "model_not_found", "model %q not found", id))
}

func (s *Server) handleHealth(w http.ResponseWriter, _ *http.Request) {
	m := s.eng.Model()
	st := s.eng.Stats()
	body := map[string]any{
		"status":         "ok",
		"backend":        s.cfg.Backend,
		"model":          s.cfg.ModelName,
		"model_hash":     "0x" + hex.EncodeToString(m.Hash[:]),
		"model_arch":     m.Config.Arch,
		"context_length": m.Config.MaxSeqLen,
		"engine_version": EngineVersion,
		"determinism":    Determinism,
		"uptime_seconds": int64(time.Since(s.started).Seconds()),
		"engine": map[string]any{
			"queued": st.Queued, "running": st.Running,
			"prompt_tokens": st.PromptTokens, "generated_tokens": st.GeneratedTokens,
			"steps": st.Steps, "preemptions": st.Preemptions, "completed": st.Completed,
			"kv_blocks_used": st.KVBlocksUsed, "kv_blocks": st.KVBlocks,
			"prefix_hit_blocks": st.PrefixHitBlocks,
			"last_batch_rows":   st.LastBatchRows, "last_batch_adapters": st.LastBatchAdapters,
		},
	}
	if s.store != nil {
		ss := s.store.Stats()
		body["adapters"] = map[string]any{
			"registered": ss.Registered, "pinned": ss.Pinned, "inflight": ss.Inflight,
			"memory_bytes": ss.Memory.Bytes, "host_bytes": ss.Host.Bytes, "disk_bytes": ss.Disk.Bytes,
		}
	}
	writeJSON(w, http.StatusOK, body)
}

// engineError maps Submit's errors to HTTP.
func (s *Server) engineError(w http.ResponseWriter, err error) *APIError {
	switch {
	case errors.Is(err, engine.ErrQueueFull):
		w.Header().Set("Retry-After", strconv.Itoa(max(1, int(s.cfg.RetryAfter.Round(time.Second)/time.Second))))
		return apiErr(http.StatusTooManyRequests, "", "queue_full", "server busy: request queue full, retry later")
	case errors.Is(err, engine.ErrPromptTooLong):
		return apiErr(http.StatusBadRequest, "max_tokens", "context_length_exceeded", "%v", err)
	case errors.Is(err, engine.ErrInvalidRequest):
		return apiErr(http.StatusBadRequest, "", "invalid_request", "%v", err)
	case errors.Is(err, engine.ErrClosed):
		return apiErr(http.StatusServiceUnavailable, "", "shutting_down", "server shutting down")
	}
	return apiErr(http.StatusInternalServerError, "", "internal_error", "engine: %v", err)
}

// statusClientClosed is nginx's 499: the client went away first (only
// ever seen in metrics, as nobody reads the response).
const statusClientClosed = 499

// adapterError maps adapter resolution and loading errors to HTTP.
func adapterError(ref string, err error) *APIError {
	var api *APIError
	switch {
	case errors.As(err, &api):
		return api
	case errors.Is(err, adapters.ErrUnknownRef), errors.Is(err, adapters.ErrNotFound):
		return apiErr(http.StatusNotFound, "model", "model_not_found", "adapter %q not found: %v", ref, err)
	case errors.Is(err, lora.ErrFormat), errors.Is(err, adapters.ErrHashMismatch):
		return apiErr(http.StatusUnprocessableEntity, "model", "invalid_adapter", "adapter %q is unusable: %v", ref, err)
	case errors.Is(err, context.Canceled), errors.Is(err, context.DeadlineExceeded):
		return apiErr(statusClientClosed, "", "cancelled", "request cancelled while loading adapter %q", ref)
	}
	return apiErr(http.StatusInternalServerError, "model", "adapter_error", "adapter %q: %v", ref, err)
}
