package altdafailover

import (
	"bytes"
	"context"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	altda "github.com/ethereum-optimism/optimism/op-alt-da"
	"github.com/ethereum-optimism/optimism/op-batcher/batcher"
	"github.com/ethereum-optimism/optimism/op-service/txmgr"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
)

// daServer is an httptest Alt-DA server whose put answer is switchable:
// 200 with a generic EigenDA-style commitment (0x01 0x00 0x01 ‖ sha), or
// any other status.
type daServer struct {
	*httptest.Server
	status atomic.Int32
	mu     sync.Mutex
	puts   [][]byte
	query  []string
}

func newDAServer(t *testing.T) *daServer {
	d := &daServer{}
	d.status.Store(http.StatusOK)
	d.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch {
		case r.Method == http.MethodPost && strings.TrimSuffix(r.URL.Path, "/") == "/put":
			body, _ := io.ReadAll(r.Body)
			d.mu.Lock()
			d.puts = append(d.puts, body)
			d.query = append(d.query, r.URL.RawQuery)
			d.mu.Unlock()
			if s := int(d.status.Load()); s != http.StatusOK {
				http.Error(w, "backend unavailable", s)
				return
			}
			w.Write(eigenCommitment(body))
		case r.Method == http.MethodGet && strings.HasPrefix(r.URL.Path, "/get/"):
			w.Header().Set("X-Get", r.URL.Path)
			w.Write([]byte("payload of " + strings.TrimPrefix(r.URL.Path, "/get/")))
		default:
			http.NotFound(w, r)
		}
	}))
	t.Cleanup(d.Close)
	return d
}

// eigenCommitment stands for paichain's optimism_generic commitment:
// 0x01 (generic) | 0x00 (EigenDA) | 0x01 (cert version) | cert.
func eigenCommitment(body []byte) []byte {
	return append([]byte{0x01, 0x00, 0x01}, common.BytesToHash(body[:min(32, len(body))]).Bytes()...)
}

// fakeTxMgr records the candidates the batcher would send.
type fakeTxMgr struct {
	txmgr.TxManager // unused methods panic
	mu              sync.Mutex
	sent            []txmgr.TxCandidate
}

func (m *fakeTxMgr) record(c txmgr.TxCandidate) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.sent = append(m.sent, c)
}

func (m *fakeTxMgr) Send(_ context.Context, c txmgr.TxCandidate) (*types.Receipt, error) {
	m.record(c)
	return &types.Receipt{Status: types.ReceiptStatusSuccessful}, nil
}

func (m *fakeTxMgr) SendAsync(_ context.Context, c txmgr.TxCandidate, ch chan txmgr.SendResponse) {
	m.record(c)
	ch <- txmgr.SendResponse{Receipt: &types.Receipt{Status: types.ReceiptStatusSuccessful}}
}

func (m *fakeTxMgr) last(t *testing.T) txmgr.TxCandidate {
	t.Helper()
	m.mu.Lock()
	defer m.mu.Unlock()
	if len(m.sent) == 0 {
		t.Fatal("nothing sent")
	}
	return m.sent[len(m.sent)-1]
}

// rig is a batcher driver setup with the failover installed, as
// batcher.BatcherServiceFromCLIConfig would build it.
type rig struct {
	da *daServer
	f  *Failover
	ds batcher.DriverSetup
	tx *fakeTxMgr
}

func newRig(t *testing.T) *rig {
	t.Helper()
	da := newDAServer(t)
	f, err := Start(da.URL, nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	tx := &fakeTxMgr{}
	r := &rig{da: da, f: f, tx: tx, ds: batcher.DriverSetup{Txmgr: tx}}
	cfg := altda.CLIConfig{Enabled: true, DAServerURL: da.URL, GenericDA: true, PutTimeout: 5 * time.Second, GetTimeout: 5 * time.Second}
	f.Option(cfg)(&r.ds)
	return r
}

// frame is batch tx data as op-batcher builds it: version 0x00 ‖ frame.
func frame(n int, seed byte) []byte {
	b := make([]byte, n)
	b[0] = 0x00
	for i := 1; i < n; i++ {
		b[i] = seed + byte(i*7)
	}
	return b
}

// post does what op-batcher's publishToAltDAAndL1 does with one frame:
// SetInput, then send the commitment's tx data with a gas limit sized for
// it. It returns the candidate that reached the tx manager.
func (r *rig) post(t *testing.T, data []byte, async bool) (txmgr.TxCandidate, error) {
	t.Helper()
	comm, err := r.ds.AltDA.SetInput(context.Background(), data)
	if err != nil {
		return txmgr.TxCandidate{}, err
	}
	inbox := common.HexToAddress("0xff00000000000000000000000000000000000901")
	c := txmgr.TxCandidate{TxData: comm.TxData(), To: &inbox, GasLimit: 21_000 + 16*uint64(len(comm.TxData()))}
	if async {
		ch := make(chan txmgr.SendResponse, 1)
		r.ds.Txmgr.SendAsync(context.Background(), c, ch)
		if resp := <-ch; resp.Err != nil {
			return txmgr.TxCandidate{}, resp.Err
		}
	} else if _, err := r.ds.Txmgr.Send(context.Background(), c); err != nil {
		return txmgr.TxCandidate{}, err
	}
	return r.tx.last(t), nil
}

func TestNormalOperationPostsCommitment(t *testing.T) {
	r := newRig(t)
	data := frame(5000, 1)
	sent, err := r.post(t, data, true)
	if err != nil {
		t.Fatal(err)
	}
	// L1 sees derivation version 0x01, then the DA server's generic
	// commitment 0x01 0x00 ..., untouched, with the batcher's gas limit.
	want := append([]byte{0x01}, eigenCommitment(data)...)
	if !bytes.Equal(sent.TxData, want) || !bytes.HasPrefix(sent.TxData, []byte{0x01, 0x01, 0x00}) {
		t.Fatalf("tx data %x, want %x", sent.TxData, want)
	}
	if sent.GasLimit == 0 {
		t.Fatal("gas limit of a commitment transaction was cleared")
	}
	if len(r.da.puts) != 1 || !bytes.Equal(r.da.puts[0], data) {
		t.Fatal("DA server did not get the frame")
	}
	if s := r.f.Stats(); s != (Stats{Puts: 1}) {
		t.Fatalf("stats %+v", s)
	}
}

func TestUnavailableFailsOverToCalldata(t *testing.T) {
	for _, async := range []bool{true, false} {
		r := newRig(t)
		r.da.status.Store(http.StatusServiceUnavailable)
		data := frame(100_000, 2)
		sent, err := r.post(t, data, async)
		if err != nil {
			t.Fatal(err)
		}
		// The frame itself goes to L1: derivation version 0x00, every byte
		// kept, and the gas limit left for the tx manager to estimate.
		if !bytes.Equal(sent.TxData, data) || sent.TxData[0] != 0x00 {
			t.Fatalf("async=%v: tx data %x... (%d bytes), want the frame (%d bytes)", async, sent.TxData[:8], len(sent.TxData), len(data))
		}
		if sent.GasLimit != 0 {
			t.Fatalf("gas limit %d kept from the commitment", sent.GasLimit)
		}
		if s := r.f.Stats(); s != (Stats{Failovers: 1, Calldata: 1}) {
			t.Fatalf("stats %+v", s)
		}
		// The DA server recovers: the next frame goes through it again.
		r.da.status.Store(http.StatusOK)
		sent, err = r.post(t, frame(300, 3), async)
		if err != nil || !bytes.HasPrefix(sent.TxData, []byte{0x01, 0x01, 0x00}) {
			t.Fatalf("after recovery: %x, %v", sent.TxData, err)
		}
	}
}

func TestOtherErrorsStillRetry(t *testing.T) {
	for _, status := range []int{http.StatusTooManyRequests, http.StatusInternalServerError, http.StatusBadRequest, http.StatusRequestEntityTooLarge, http.StatusTeapot} {
		r := newRig(t)
		r.da.status.Store(int32(status))
		if _, err := r.post(t, frame(1000, 4), true); err == nil || !strings.Contains(err.Error(), "failed to store data") {
			t.Fatalf("status %d: err %v, want the batcher's DA error (it retries)", status, err)
		}
		if s := r.f.Stats(); s != (Stats{}) || len(r.tx.sent) != 0 {
			t.Fatalf("status %d: stats %+v, %d sent", status, s, len(r.tx.sent))
		}
	}
}

func TestOversizedFrameIsNotFailedOver(t *testing.T) {
	r := newRig(t)
	r.da.status.Store(http.StatusServiceUnavailable)
	if _, err := r.post(t, frame(MaxCalldataPayload+1, 5), true); err == nil {
		t.Fatal("a frame over the L1 transaction size was failed over")
	}
	if s := r.f.Stats(); s.Failovers != 0 {
		t.Fatalf("stats %+v", s)
	}
}

func TestUnreachableServerStillRetries(t *testing.T) {
	da := newDAServer(t)
	url := da.URL
	da.Close()
	f, err := Start(url, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	ds := batcher.DriverSetup{Txmgr: &fakeTxMgr{}}
	f.Option(altda.CLIConfig{Enabled: true, DAServerURL: url, GenericDA: true})(&ds)
	if _, err := ds.AltDA.SetInput(context.Background(), frame(100, 6)); err == nil {
		t.Fatal("put to a dead DA server succeeded")
	}
	resp, err := http.Get(f.URL() + "/get/0x0100")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusBadGateway {
		t.Fatalf("get through the proxy to a dead DA server: %d, want 502", resp.StatusCode)
	}
	if s := f.Stats(); s != (Stats{}) {
		t.Fatalf("stats %+v", s)
	}
}

func TestUnknownMarkerIsRefused(t *testing.T) {
	r := newRig(t)
	r.da.status.Store(http.StatusServiceUnavailable)
	comm, err := r.ds.AltDA.SetInput(context.Background(), frame(200, 7))
	if err != nil {
		t.Fatal(err)
	}
	c := txmgr.TxCandidate{TxData: comm.TxData(), GasLimit: 30_000}
	ch := make(chan txmgr.SendResponse, 1)
	r.ds.Txmgr.SendAsync(context.Background(), c, ch)
	if resp := <-ch; resp.Err != nil {
		t.Fatal(resp.Err)
	}
	// The frame was used once; the same marker again (a resend after the
	// frame was dropped) must never reach L1.
	r.ds.Txmgr.SendAsync(context.Background(), c, ch)
	if resp := <-ch; !errors.Is(resp.Err, ErrUnknownMarker) {
		t.Fatalf("second send: %v, want ErrUnknownMarker", resp.Err)
	}
	if _, err := r.ds.Txmgr.Send(context.Background(), c); !errors.Is(err, ErrUnknownMarker) {
		t.Fatalf("sync send: %v, want ErrUnknownMarker", err)
	}
	if len(r.tx.sent) != 1 {
		t.Fatalf("%d transactions sent, want 1", len(r.tx.sent))
	}
}

func TestProxyForwardsEverythingElse(t *testing.T) {
	r := newRig(t)
	resp, err := http.Get(r.f.URL() + "/get/0x010001ab")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 || string(body) != "payload of 0x010001ab" || resp.Header.Get("X-Get") != "/get/0x010001ab" {
		t.Fatalf("get: %d %q", resp.StatusCode, body)
	}
	// Query parameters of a put reach the DA server.
	resp, err = http.Post(r.f.URL()+"/put?commitment_mode=optimism_generic", "application/octet-stream", bytes.NewReader(frame(64, 8)))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 200 || r.da.query[0] != "commitment_mode=optimism_generic" {
		t.Fatalf("put: %d, query %q", resp.StatusCode, r.da.query)
	}
}

func TestBatcherSetup(t *testing.T) {
	ctx := context.Background()
	opts, cleanup, err := BatcherSetup(ctx, &batcher.CLIConfig{}, nil)
	if err != nil || opts != nil || cleanup != nil {
		t.Fatalf("Alt-DA disabled: %v %v %v", opts, cleanup != nil, err)
	}
	cfg := &batcher.CLIConfig{AltDA: altda.CLIConfig{Enabled: true, GenericDA: true, DAServerURL: "127.0.0.1:3100"}}
	if _, _, err := BatcherSetup(ctx, cfg, nil); err == nil {
		t.Fatal("accepted a DA URL without a scheme")
	}
	da := newDAServer(t)
	da.status.Store(http.StatusServiceUnavailable)
	cfg.AltDA.DAServerURL = da.URL
	opts, cleanup, err = BatcherSetup(ctx, cfg, nil)
	if err != nil || len(opts) != 1 || cleanup == nil {
		t.Fatalf("BatcherSetup: %d options, cleanup %v, %v", len(opts), cleanup != nil, err)
	}
	defer cleanup()
	tx := &fakeTxMgr{}
	r := &rig{da: da, tx: tx, ds: batcher.DriverSetup{Txmgr: tx}}
	opts[0](&r.ds)
	data := frame(2000, 9)
	if sent, err := r.post(t, data, true); err != nil || !bytes.Equal(sent.TxData, data) {
		t.Fatalf("failover through BatcherSetup: %v", err)
	}
}
