// Package altdafailover lets op-batcher fall back to L1 calldata when the
// Alt-DA server cannot store a batch.
//
// Upstream op-batcher (v1.19.6) posts every frame through op-alt-da's
// DAClient, a concrete type, and on any error requeues the frame and tries
// the DA server again, forever: there is no fallback switch (op-alt-da's
// ErrNotEnabled only serves op-node's disabled mode). This package adds one
// without patching upstream, using the batcher's own extension point
// (batcher.DriverSetupOption): the driver's DAClient is pointed at a
// loopback proxy in front of the DA server, and its tx manager is wrapped.
// When the DA server answers 503 (paichain's "cannot store right now", see
// docs/da.md) the proxy keeps the frame and answers with a private marker
// commitment; the tx manager wrapper recognises that commitment in the
// batch transaction and replaces it with the frame itself, so the batch
// goes to the batch inbox as plain calldata (derivation version 0x00,
// which op-node derives with or without Alt-DA). Every other answer passes
// through unchanged: in normal operation L1 sees 0x01 + the DA server's
// generic commitment (0x01 0x00 … for paichain's EigenDA certs), and 429,
// 500 or an unreachable server still make the batcher retry.
//
// API for the orchestrator: BatcherSetup has the signature of
// orchestrator.BatcherSetup; set Config.BatcherSetup = altdafailover.BatcherSetup.
// It starts the proxy for cfg.AltDA.DAServerURL and returns the driver
// option and the cleanup that stops the proxy. Without the orchestrator:
// f, err := Start(daURL, lg); then pass f.Option(cfg.AltDA) to
// batcher.BatcherServiceFromCLIConfig and f.Close() after the batcher stops.
// Only generic commitments (--altda.da-service) fail over; keccak mode
// passes through untouched.
package altdafailover

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httputil"
	"net/url"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	altda "github.com/ethereum-optimism/optimism/op-alt-da"
	"github.com/ethereum-optimism/optimism/op-batcher/batcher"
	"github.com/ethereum-optimism/optimism/op-service/txmgr"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/log"
)

// MarkerLayer is the da-layer byte of the marker commitments (generic
// commitment 0x01, then this byte, then keccak256 of the frame). Real DA
// layers use other bytes (EigenDA: 0x00), and a marker never reaches L1:
// the tx manager wrapper refuses to send one it does not hold.
const MarkerLayer = 0xfc

// MaxCalldataPayload bounds a failed-over frame: the batch transaction must
// fit go-ethereum's 128 KiB transaction pool limit with room for the
// envelope. Larger frames are not failed over (the 503 goes back to the
// batcher, which retries); keep op-batcher's --max-l1-tx-size at its
// default 120,000 so that never happens.
const MaxCalldataPayload = 130_000

// maxPending bounds frames held between the DA answer and the batch
// transaction; the batcher has at most --altda.max-concurrent-da-requests
// in flight, so this is only reached if the tx manager is not wrapped.
const maxPending = 256

// maxBody caps what the proxy reads of a put (the DA server's own limit).
const maxBody = 16_252_897 + 1

// Stats counts what the proxy and the tx manager wrapper did.
type Stats struct {
	Puts      uint64 // puts the DA server stored (answered 200)
	Failovers uint64 // puts answered 503 whose frame was kept for L1
	Calldata  uint64 // batch transactions rewritten to plain calldata
}

// Failover is the proxy and the frames it holds.
type Failover struct {
	upstream *url.URL
	lg       log.Logger
	client   *http.Client
	proxy    *httputil.ReverseProxy
	ln       net.Listener
	srv      *http.Server

	mu      sync.Mutex
	pending map[string][]byte // marker tx data → frame tx data (0x00 ‖ frame)

	puts, failovers, calldata atomic.Uint64
}

// Start serves the proxy on a free 127.0.0.1 port in front of the DA
// server at daURL.
func Start(daURL string, lg log.Logger) (*Failover, error) {
	u, err := url.Parse(daURL)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return nil, fmt.Errorf("altdafailover: DA server URL %q is not an http(s) URL", daURL)
	}
	if lg == nil {
		lg = log.NewLogger(log.DiscardHandler())
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, fmt.Errorf("altdafailover: listen: %w", err)
	}
	f := &Failover{
		upstream: u,
		lg:       lg,
		client:   &http.Client{},
		proxy:    httputil.NewSingleHostReverseProxy(u),
		ln:       ln,
		pending:  make(map[string][]byte),
	}
	f.proxy.ErrorHandler = func(w http.ResponseWriter, r *http.Request, err error) {
		lg.Warn("Alt-DA failover proxy: DA server unreachable", "path", r.URL.Path, "err", err)
		http.Error(w, "altdafailover: "+err.Error(), http.StatusBadGateway)
	}
	f.srv = &http.Server{Handler: f, ReadHeaderTimeout: 10 * time.Second}
	go func() {
		if err := f.srv.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
			lg.Error("Alt-DA failover proxy stopped", "err", err)
		}
	}()
	return f, nil
}

// URL is the proxy's base URL, what the batcher's DAClient talks to.
func (f *Failover) URL() string { return "http://" + f.ln.Addr().String() }

// Close stops the proxy. Frames still held are dropped; the batcher
// resubmits frames whose transactions never confirmed.
func (f *Failover) Close() error {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	return f.srv.Shutdown(ctx)
}

// Stats returns the counters so far.
func (f *Failover) Stats() Stats {
	return Stats{Puts: f.puts.Load(), Failovers: f.failovers.Load(), Calldata: f.calldata.Load()}
}

// Option is the batcher driver option: the driver's DAClient (built from
// cfg, the batcher's Alt-DA flags, with the proxy's URL) and its tx
// manager wrapped by WrapTxManager.
func (f *Failover) Option(cfg altda.CLIConfig) batcher.DriverSetupOption {
	cfg.DAServerURL = f.URL()
	return func(ds *batcher.DriverSetup) {
		ds.AltDA = cfg.NewDAClient()
		ds.Txmgr = f.WrapTxManager(ds.Txmgr)
	}
}

// BatcherSetup installs the failover into an in-process op-batcher (the
// orchestrator's BatcherSetup hook): a proxy in front of
// cfg.AltDA.DAServerURL, the driver option, and the proxy's shutdown as
// cleanup. With Alt-DA disabled it changes nothing.
func BatcherSetup(_ context.Context, cfg *batcher.CLIConfig, lg log.Logger) ([]batcher.DriverSetupOption, func(), error) {
	if !cfg.AltDA.Enabled {
		return nil, nil, nil
	}
	if lg == nil {
		lg = log.NewLogger(log.DiscardHandler())
	}
	f, err := Start(cfg.AltDA.DAServerURL, lg)
	if err != nil {
		return nil, nil, err
	}
	lg.Info("Alt-DA failover to L1 calldata installed", "proxy", f.URL(), "da_server", cfg.AltDA.DAServerURL)
	return []batcher.DriverSetupOption{f.Option(cfg.AltDA)}, func() { f.Close() }, nil
}

// ServeHTTP forwards everything to the DA server; a generic put (POST /put)
// that the server answers with 503 is kept and answered with a marker
// commitment instead.
func (f *Failover) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodPost || strings.TrimSuffix(r.URL.Path, "/") != "/put" {
		f.proxy.ServeHTTP(w, r)
		return
	}
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, maxBody))
	if err != nil {
		http.Error(w, "altdafailover: reading put body: "+err.Error(), http.StatusRequestEntityTooLarge)
		return
	}
	status, header, answer, err := f.put(r, body)
	if err != nil {
		f.lg.Warn("Alt-DA put failed", "err", err)
		http.Error(w, "altdafailover: "+err.Error(), http.StatusBadGateway)
		return
	}
	if status == http.StatusServiceUnavailable {
		if marker, ok := f.keep(body); ok {
			f.lg.Warn("DA server cannot store (503): frame goes to L1 as calldata", "bytes", len(body))
			w.Header().Set("Content-Type", "application/octet-stream")
			w.Write(marker.Encode())
			return
		}
	}
	if status == http.StatusOK {
		f.puts.Add(1)
	}
	for k, vs := range header {
		for _, v := range vs {
			w.Header().Add(k, v)
		}
	}
	w.WriteHeader(status)
	w.Write(answer)
}

// put forwards one put to the DA server.
func (f *Failover) put(r *http.Request, body []byte) (int, http.Header, []byte, error) {
	u := *f.upstream
	u.Path = strings.TrimSuffix(u.Path, "/") + r.URL.Path
	u.RawQuery = r.URL.RawQuery
	req, err := http.NewRequestWithContext(r.Context(), http.MethodPost, u.String(), bytes.NewReader(body))
	if err != nil {
		return 0, nil, nil, err
	}
	req.Header.Set("Content-Type", r.Header.Get("Content-Type"))
	resp, err := f.client.Do(req)
	if err != nil {
		return 0, nil, nil, err
	}
	defer resp.Body.Close()
	answer, err := io.ReadAll(resp.Body)
	if err != nil {
		return 0, nil, nil, fmt.Errorf("reading DA server answer: %w", err)
	}
	return resp.StatusCode, resp.Header, answer, nil
}

// keep holds a frame for L1 and returns its marker commitment; ok is false
// when the frame cannot go to L1 (empty, too large, or too many held).
func (f *Failover) keep(frame []byte) (altda.GenericCommitment, bool) {
	if len(frame) == 0 || len(frame) > MaxCalldataPayload {
		f.lg.Error("DA server cannot store and the frame does not fit L1 calldata: batcher will retry",
			"bytes", len(frame), "max", MaxCalldataPayload)
		return nil, false
	}
	marker := altda.NewGenericCommitment(append([]byte{MarkerLayer}, crypto.Keccak256(frame)...))
	f.mu.Lock()
	defer f.mu.Unlock()
	if len(f.pending) >= maxPending {
		f.lg.Error("Alt-DA failover holds too many frames (is the tx manager wrapped?): batcher will retry", "held", len(f.pending))
		return nil, false
	}
	f.pending[string(marker.TxData())] = frame
	f.failovers.Add(1)
	return marker, true
}

// isMarker reports whether tx data is a marker commitment's.
func isMarker(data []byte) bool {
	return len(data) == 3+32 && data[0] == 0x01 && data[1] == byte(altda.GenericCommitmentType) && data[2] == MarkerLayer
}

// take returns the frame held for a marker's tx data and forgets it.
func (f *Failover) take(data []byte) ([]byte, bool) {
	f.mu.Lock()
	defer f.mu.Unlock()
	frame, ok := f.pending[string(data)]
	delete(f.pending, string(data))
	return frame, ok
}

// WrapTxManager returns m with batch transactions that carry a marker
// commitment rewritten to carry the held frame as calldata.
func (f *Failover) WrapTxManager(m txmgr.TxManager) txmgr.TxManager {
	return &txManager{TxManager: m, f: f}
}

type txManager struct {
	txmgr.TxManager
	f *Failover
}

// ErrUnknownMarker is returned for a marker commitment the proxy does not
// hold (e.g. after a restart): posting it would put a commitment no DA
// server can answer on L1, so the transaction is refused and the batcher
// resubmits the frame.
var ErrUnknownMarker = errors.New("altdafailover: marker commitment without a held frame")

// rewrite swaps a marker commitment for its frame. The gas limit the
// batcher computed for the short commitment is cleared so that the tx
// manager estimates the frame's.
func (t *txManager) rewrite(c *txmgr.TxCandidate) error {
	if len(c.Blobs) > 0 || !isMarker(c.TxData) {
		return nil
	}
	frame, ok := t.f.take(c.TxData)
	if !ok {
		return ErrUnknownMarker
	}
	c.TxData = frame
	c.GasLimit = 0
	t.f.calldata.Add(1)
	return nil
}

func (t *txManager) Send(ctx context.Context, c txmgr.TxCandidate) (*types.Receipt, error) {
	if err := t.rewrite(&c); err != nil {
		return nil, err
	}
	return t.TxManager.Send(ctx, c)
}

func (t *txManager) SendAsync(ctx context.Context, c txmgr.TxCandidate, ch chan txmgr.SendResponse) {
	if err := t.rewrite(&c); err != nil {
		ch <- txmgr.SendResponse{Err: err}
		return
	}
	t.TxManager.SendAsync(ctx, c, ch)
}
