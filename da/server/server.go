// Package server is the OP Alt-DA HTTP server, wire-compatible with
// eigenda-proxy: POST /put returns a commitment for the body, GET
// /get/0x<commitment> returns the payload. Backend errors map to the status
// codes eigenda-proxy returns so op-node and op-batcher react the same way:
// 418 (with a JSON derivation-error body) drops a cert, 503 makes the batcher
// fail over, 429 makes it back off.
package server

import (
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"

	"github.com/paichain/paichain/da"
	"github.com/paichain/paichain/da/cert"
	"github.com/paichain/paichain/da/codec"
	"github.com/paichain/paichain/da/faults"
)

// Config configures a Server.
type Config struct {
	Backend da.Backend
	// MaxPayload caps POST bodies; 0 means codec.MaxPayloadSize, the most a
	// 16 MiB EigenDA blob holds.
	MaxPayload int
	// Faults, when set, is exposed at /admin/faults to loopback clients.
	Faults *faults.Backend
	// Log receives one line per failed request; nil discards.
	Log *slog.Logger
	// Version is reported by /config.
	Version string
	// RecencyWindow, when non-zero, rejects (418, status 2) a cert whose
	// reference block number is more than this many blocks older than the
	// ?l1_inclusion_block_number a GET names, as eigenda-proxy does.
	RecencyWindow uint64
}

// Server is an http.Handler serving the Alt-DA protocol.
type Server struct {
	cfg      Config
	mux      *http.ServeMux
	registry *prometheus.Registry
	requests *prometheus.CounterVec
	latency  *prometheus.HistogramVec
	bytes    *prometheus.CounterVec
}

// New builds a server. Each server has its own Prometheus registry.
func New(cfg Config) *Server {
	if cfg.MaxPayload <= 0 {
		cfg.MaxPayload = codec.MaxPayloadSize
	}
	if cfg.Log == nil {
		cfg.Log = slog.New(slog.DiscardHandler)
	}
	s := &Server{cfg: cfg, mux: http.NewServeMux(), registry: prometheus.NewRegistry()}
	s.requests = prometheus.NewCounterVec(prometheus.CounterOpts{
		Namespace: "paichain_da", Name: "requests_total", Help: "Alt-DA requests by route and status code.",
	}, []string{"route", "code"})
	s.latency = prometheus.NewHistogramVec(prometheus.HistogramOpts{
		Namespace: "paichain_da", Name: "request_duration_seconds", Help: "Alt-DA request latency.",
		Buckets: prometheus.ExponentialBuckets(0.001, 2, 16),
	}, []string{"route"})
	s.bytes = prometheus.NewCounterVec(prometheus.CounterOpts{
		Namespace: "paichain_da", Name: "payload_bytes_total", Help: "Payload bytes stored (put) and served (get).",
	}, []string{"route"})
	s.registry.MustRegister(s.requests, s.latency, s.bytes,
		collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))

	s.mux.HandleFunc("POST /put", s.instrument("put", s.handlePut))
	s.mux.HandleFunc("POST /put/{commitment...}", s.instrument("put", s.handlePut))
	s.mux.HandleFunc("GET /put", func(w http.ResponseWriter, _ *http.Request) {
		// eigenda-proxy does this too: a GET here is a mis-slashed redirect.
		http.Error(w, "use POST /put", http.StatusMethodNotAllowed)
	})
	s.mux.HandleFunc("GET /get/{commitment...}", s.instrument("get", s.handleGet))
	s.mux.HandleFunc("GET /health", func(w http.ResponseWriter, _ *http.Request) { w.WriteHeader(http.StatusOK) })
	s.mux.HandleFunc("GET /config", s.handleConfig)
	s.mux.Handle("GET /metrics", promhttp.HandlerFor(s.registry, promhttp.HandlerOpts{}))
	if cfg.Faults != nil {
		s.mux.HandleFunc("GET /admin/faults", s.loopbackOnly(s.handleGetFaults))
		s.mux.HandleFunc("POST /admin/faults", s.loopbackOnly(s.handleSetFaults))
	}
	return s
}

// Registry is the server's metrics registry (backends may add collectors).
func (s *Server) Registry() *prometheus.Registry { return s.registry }

func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) { s.mux.ServeHTTP(w, r) }

// httpError is an error with the status code it answers with.
type httpError struct {
	code int
	err  error
}

func (e httpError) Error() string { return e.err.Error() }
func (e httpError) Unwrap() error { return e.err }

func badRequest(format string, args ...any) error {
	return httpError{http.StatusBadRequest, fmt.Errorf(format, args...)}
}

// statusOf maps an error to its HTTP status, the way eigenda-proxy does.
func statusOf(err error) int {
	var he httpError
	var mbe *http.MaxBytesError
	switch {
	case errors.As(err, &he):
		return he.code
	case errors.As(err, &mbe), errors.Is(err, da.ErrTooLarge):
		return http.StatusRequestEntityTooLarge
	case errors.Is(err, da.ErrInvalidCert):
		return http.StatusTeapot
	case errors.Is(err, da.ErrNotFound):
		return http.StatusNotFound
	case errors.Is(err, da.ErrRateLimited):
		return http.StatusTooManyRequests
	case errors.Is(err, da.ErrUnavailable):
		return http.StatusServiceUnavailable
	}
	return http.StatusInternalServerError
}

type statusWriter struct {
	http.ResponseWriter
	code int
}

func (w *statusWriter) WriteHeader(code int) {
	w.code = code
	w.ResponseWriter.WriteHeader(code)
}

// instrument runs a handler that returns an error, writes the error
// response, and records metrics.
func (s *Server) instrument(route string, h func(http.ResponseWriter, *http.Request) error) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		sw := &statusWriter{ResponseWriter: w, code: http.StatusOK}
		if err := h(sw, r); err != nil {
			code := statusOf(err)
			s.cfg.Log.Info("alt-da request failed", "method", r.Method, "path", truncate(r.URL.Path, 80), "code", code, "err", err)
			writeError(sw, code, err)
		}
		s.requests.WithLabelValues(route, fmt.Sprint(sw.code)).Inc()
		s.latency.WithLabelValues(route).Observe(time.Since(start).Seconds())
	}
}

func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n] + "..."
}

// writeError writes the error body: for 418 the JSON eigenda-proxy returns
// ({"StatusCode":n,"Msg":"..."}), which rollup derivation reads to drop the
// cert; plain text otherwise.
func writeError(w http.ResponseWriter, code int, err error) {
	if code == http.StatusTeapot {
		var de cert.DerivationError
		if !errors.As(err, &de) {
			de = cert.DerivationError{StatusCode: cert.StatusInvalidCert, Msg: err.Error()}
		}
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(code)
		w.Write(de.JSON())
		return
	}
	http.Error(w, err.Error(), code)
}

// mode reads ?commitment_mode: "standard" frames commitments as version |
// cert; anything else (absent, "optimism_generic") as an OP generic
// commitment.
func mode(r *http.Request) cert.Mode {
	if r.URL.Query().Get("commitment_mode") == string(cert.ModeStandard) {
		return cert.ModeStandard
	}
	return cert.ModeOPGeneric
}

func (s *Server) handlePut(w http.ResponseWriter, r *http.Request) error {
	m := mode(r)
	if c := r.PathValue("commitment"); c != "" {
		// POST /put/0x00<keccak> is OP's keccak256 mode, which stores data
		// under a client-computed hash (S3 in eigenda-proxy). Not served.
		if m == cert.ModeOPGeneric && strings.HasPrefix(strings.TrimPrefix(c, "0x"), "00") {
			return httpError{http.StatusForbidden, errors.New("op-keccak commitments are not enabled")}
		}
		return httpError{http.StatusNotFound, fmt.Errorf("unknown put route /put/%s", truncate(c, 16))}
	}
	limit := int64(s.cfg.MaxPayload)
	// Refuse a declared oversize body before reading any of it; an
	// undeclared one (chunked) is cut off at the limit by MaxBytesReader.
	if r.ContentLength > limit {
		return fmt.Errorf("%w: %d bytes, max %d", da.ErrTooLarge, r.ContentLength, limit)
	}
	payload, err := io.ReadAll(http.MaxBytesReader(w, r.Body, limit))
	if err != nil {
		var mbe *http.MaxBytesError
		if errors.As(err, &mbe) {
			return fmt.Errorf("%w: body over %d bytes", da.ErrTooLarge, limit)
		}
		return badRequest("read body: %v", err)
	}
	c, err := s.cfg.Backend.Put(r.Context(), payload)
	if err != nil {
		return fmt.Errorf("put %d bytes: %w", len(payload), err)
	}
	s.bytes.WithLabelValues("put").Add(float64(len(payload)))
	w.Header().Set("Content-Type", "application/octet-stream")
	// The commitment is written as raw bytes: op-alt-da's DAClient reads the
	// body with DecodeCommitmentData, not as hex.
	_, err = w.Write(cert.EncodeCommitment(c, m))
	return err
}

func (s *Server) handleGet(w http.ResponseWriter, r *http.Request) error {
	m := mode(r)
	raw := strings.TrimPrefix(r.PathValue("commitment"), "0x")
	if len(raw) > 2*(cert.MaxCertSize+3) {
		return badRequest("commitment longer than %d bytes", cert.MaxCertSize+3)
	}
	b, err := hex.DecodeString(raw)
	if err != nil {
		return badRequest("commitment is not hex: %v", err)
	}
	if m == cert.ModeOPGeneric && len(b) > 0 {
		switch b[0] {
		case cert.CommitmentTypeKeccak:
			return httpError{http.StatusForbidden, errors.New("op-keccak commitments are not enabled")}
		case cert.CommitmentTypeGeneric:
			if len(b) > 1 && b[1] != cert.DALayerEigenDA {
				// eigenda-proxy routes other DA layers through to a 404.
				return httpError{http.StatusNotFound, fmt.Errorf("da layer byte 0x%02x is not EigenDA", b[1])}
			}
		default:
			return badRequest("unsupported commitment type 0x%02x", b[0])
		}
	}
	c, err := cert.DecodeCommitment(b, m)
	if err != nil {
		return httpError{http.StatusBadRequest, err}
	}
	if c.Version != da.CertV2 && c.Version != da.CertV3 {
		return cert.Invalid(cert.StatusCertParsingFailed, "unsupported cert version 0x%02x", c.Version)
	}
	if len(c.Body) == 0 {
		return cert.Invalid(cert.StatusCertParsingFailed, "empty cert")
	}
	if err := s.checkRecency(r, c); err != nil {
		return err
	}
	payload, err := s.cfg.Backend.Get(r.Context(), c)
	if err != nil {
		return fmt.Errorf("get (cert version 0x%02x): %w", c.Version, err)
	}
	s.bytes.WithLabelValues("get").Add(float64(len(payload)))
	w.Header().Set("Content-Type", "application/octet-stream")
	_, err = w.Write(payload)
	return err
}

// checkRecency applies the RBN recency rule when the request names the L1
// block the cert was included in: the cert is invalid if
// l1_inclusion_block_number > reference block number + RecencyWindow.
func (s *Server) checkRecency(r *http.Request, c da.Cert) error {
	q := r.URL.Query().Get("l1_inclusion_block_number")
	if q == "" {
		return nil
	}
	l1, err := strconv.ParseUint(q, 10, 64)
	if err != nil {
		return badRequest("invalid l1_inclusion_block_number %q", q)
	}
	if s.cfg.RecencyWindow == 0 || l1 == 0 {
		return nil
	}
	v3, err := cert.Decode(c)
	if err != nil {
		return err
	}
	rbn := uint64(v3.BatchHeader.ReferenceBlockNumber)
	if l1 > rbn+s.cfg.RecencyWindow {
		return cert.Invalid(cert.StatusRecencyCheckFailed,
			"cert reference block %d + recency window %d < L1 inclusion block %d", rbn, s.cfg.RecencyWindow, l1)
	}
	return nil
}

// ConfigInfo is the /config response: what a client needs to check it is
// talking to a compatible server.
type ConfigInfo struct {
	Version         string   `json:"version"`
	Backend         string   `json:"backend"`
	MaxPayloadBytes int      `json:"max_payload_bytes"`
	CertVersions    []string `json:"cert_versions"`
	CommitmentModes []string `json:"commitment_modes"`
	RecencyWindow   uint64   `json:"rbn_recency_window"`
}

func (s *Server) handleConfig(w http.ResponseWriter, _ *http.Request) {
	writeJSON(w, ConfigInfo{
		Version:         s.cfg.Version,
		Backend:         s.cfg.Backend.Name(),
		MaxPayloadBytes: s.cfg.MaxPayload,
		CertVersions:    []string{"0x01 (EigenDA V2, RLP)", "0x02 (EigenDA V3, RLP or ABI)"},
		CommitmentModes: []string{string(cert.ModeOPGeneric), string(cert.ModeStandard)},
		RecencyWindow:   s.cfg.RecencyWindow,
	})
}

func writeJSON(w http.ResponseWriter, v any) {
	b, err := json.Marshal(v)
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	w.Write(b)
}

// loopbackOnly refuses admin calls from anywhere but this host, whatever
// address the server listens on.
func (s *Server) loopbackOnly(h http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		host, _, err := net.SplitHostPort(r.RemoteAddr)
		ip := net.ParseIP(host)
		if err != nil || ip == nil || !ip.IsLoopback() {
			http.Error(w, "admin endpoints answer loopback clients only", http.StatusForbidden)
			return
		}
		h(w, r)
	}
}

func (s *Server) handleGetFaults(w http.ResponseWriter, _ *http.Request) {
	writeJSON(w, s.cfg.Faults.Config())
}

func (s *Server) handleSetFaults(w http.ResponseWriter, r *http.Request) {
	var cfg faults.Config
	dec := json.NewDecoder(http.MaxBytesReader(w, r.Body, 4096))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&cfg); err != nil {
		http.Error(w, "bad fault config: "+err.Error(), http.StatusBadRequest)
		return
	}
	if err := s.cfg.Faults.Set(cfg); err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	writeJSON(w, s.cfg.Faults.Config())
}
