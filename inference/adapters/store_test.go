package adapters

import (
	"context"
	"encoding/hex"
	"errors"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/paichain/paichain/inference/lora"
	"github.com/paichain/paichain/inference/model"
)

// microConfig is a base model small enough that thousands of adapters
// take a few megabytes.
var microConfig = model.Config{
	Arch: model.ArchLlama, Dim: 16, HiddenDim: 32, NLayers: 2, NHeads: 2, NKVHeads: 1, HeadDim: 8,
	VocabSize: 64, MaxSeqLen: 64, RopeTheta: 10000, RMSEps: 1e-5,
}

// writeSource writes n seeded adapters into root/<hash hex>/ and returns
// their hashes.
func writeSource(t testing.TB, root string, cfg model.Config, n, rank int, seed uint64) [][32]byte {
	t.Helper()
	out := make([][32]byte, n)
	for i := range out {
		a, err := lora.Synthetic(cfg, rank, float64(2*rank), []string{"q_proj", "v_proj"}, seed+uint64(i), false)
		if err != nil {
			t.Fatal(err)
		}
		if err := a.Save(filepath.Join(root, a.HashHex())); err != nil {
			t.Fatal(err)
		}
		out[i] = a.Hash
	}
	return out
}

// countingFetcher counts fetches and can hold them until released.
type countingFetcher struct {
	Fetcher
	n    atomic.Int64
	gate chan struct{} // nil: no wait
}

func (f *countingFetcher) Fetch(ctx context.Context, h [32]byte) (string, error) {
	f.n.Add(1)
	if f.gate != nil {
		select {
		case <-f.gate:
		case <-ctx.Done():
			return "", ctx.Err()
		}
	}
	return f.Fetcher.Fetch(ctx, h)
}

func acquireOK(t *testing.T, s *Store, h [32]byte) (*lora.Adapter, func()) {
	t.Helper()
	a, release, err := s.Acquire(context.Background(), h)
	if err != nil {
		t.Fatalf("acquire %x: %v", h[:4], err)
	}
	if a.Hash != h {
		t.Fatalf("acquire %x returned adapter %x", h[:4], a.Hash[:4])
	}
	return a, release
}

func TestRegisterAliasResolve(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "my-adapter")
	if err := lora.WriteSynthetic(dir, microConfig, 4, 8, nil, 1, false); err != nil {
		t.Fatal(err)
	}
	s, err := Open(StoreConfig{}, microConfig)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	h, err := s.Register(dir)
	if err != nil {
		t.Fatal(err)
	}
	s.Alias("support-bot", h, 7)
	hx := hex.EncodeToString(h[:])
	for _, ref := range []string{hx, "0x" + hx, strings.ToUpper(hx), "id:7", "support-bot"} {
		got, err := s.Resolve(ref)
		if err != nil || got != h {
			t.Errorf("Resolve(%q) = %x, %v", ref, got[:4], err)
		}
	}
	for _, ref := range []string{"id:8", "id:x", "nobody", hx[:63]} {
		if _, err := s.Resolve(ref); !errors.Is(err, ErrUnknownRef) {
			t.Errorf("Resolve(%q): err %v, want ErrUnknownRef", ref, err)
		}
	}
	a, release := acquireOK(t, s, h)
	if a.Config.R != 4 {
		t.Fatalf("rank %d", a.Config.R)
	}
	release()
	release() // idempotent
	infos := s.List()
	if len(infos) != 1 || infos[0].Hash != h || infos[0].Tier != "memory" || infos[0].Names[0] != "support-bot" ||
		infos[0].ChainIDs[0] != 7 || infos[0].Rank != 4 || infos[0].Pins != 0 {
		t.Fatalf("List = %+v", infos)
	}
	// Moving a name detaches it from the old adapter.
	other := filepath.Join(t.TempDir(), "other")
	lora.WriteSynthetic(other, microConfig, 2, 2, nil, 2, false)
	h2, _ := s.Register(other)
	s.Alias("support-bot", h2, 0)
	if got, _ := s.Resolve("support-bot"); got != h2 {
		t.Fatal("alias did not move")
	}
	if got, _ := s.Resolve("id:7"); got != h {
		t.Fatal("chain id lost")
	}
	// An adapter for another base model is refused with a clear error.
	wrong := filepath.Join(t.TempDir(), "wrong")
	lora.WriteSynthetic(wrong, model.TinyConfig, 2, 2, nil, 1, false)
	if _, err := s.Register(wrong); err == nil || !errors.Is(err, lora.ErrFormat) {
		t.Fatalf("register of a TinyConfig adapter on a micro base: %v", err)
	}
	if st := s.Stats(); st.Registered != 2 {
		t.Fatalf("registered %d", st.Registered)
	}
}

func TestTiers(t *testing.T) {
	src := t.TempDir()
	hs := writeSource(t, src, microConfig, 3, 4, 100)
	cache := t.TempDir()
	f := &countingFetcher{Fetcher: DirFetcher{Root: src}}
	one, _ := lora.Synthetic(microConfig, 4, 8, []string{"q_proj", "v_proj"}, 100, false)
	size := one.Bytes()
	cfg := StoreConfig{MemoryBudget: size, HostBudget: 1 << 20, CacheDir: cache, DiskBudget: 1 << 20, Fetchers: []Fetcher{f}}
	s, err := Open(cfg, microConfig)
	if err != nil {
		t.Fatal(err)
	}
	_, rel := acquireOK(t, s, hs[0])
	rel()
	st := s.Stats()
	if st.Source.Hits != 1 || st.Disk.Loads != 1 || st.Host.Loads != 1 || st.Memory.Loads != 1 || st.Memory.Misses != 1 {
		t.Fatalf("after first load: %+v", st)
	}
	if _, err := os.Stat(filepath.Join(cache, hex.EncodeToString(hs[0][:]), lora.WeightsFile)); err != nil {
		t.Fatal("not written to the disk cache")
	}
	_, rel = acquireOK(t, s, hs[0]) // memory hit
	rel()
	_, rel = acquireOK(t, s, hs[1]) // evicts hs[0] from memory (budget = one adapter)
	rel()
	_, rel = acquireOK(t, s, hs[0]) // host hit
	rel()
	st = s.Stats()
	if st.Memory.Hits != 1 || st.Host.Hits != 1 || st.Memory.Evictions != 2 || f.n.Load() != 2 {
		t.Fatalf("memory/host: %+v, fetches %d", st, f.n.Load())
	}
	if st.Memory.Bytes > size || st.Memory.Entries != 1 {
		t.Fatalf("memory tier over budget: %+v", st.Memory)
	}
	s.Close()

	// A new store finds the disk cache: no fetch needed.
	f2 := &countingFetcher{Fetcher: DirFetcher{Root: src}}
	cfg.Fetchers = []Fetcher{f2}
	s2, err := Open(cfg, microConfig)
	if err != nil {
		t.Fatal(err)
	}
	defer s2.Close()
	if st := s2.Stats(); st.Disk.Entries != 2 {
		t.Fatalf("disk index after reopen: %+v", st.Disk)
	}
	_, rel = acquireOK(t, s2, hs[1])
	rel()
	if st := s2.Stats(); st.Disk.Hits != 1 || f2.n.Load() != 0 {
		t.Fatalf("reopen: %+v, fetches %d", st, f2.n.Load())
	}
	// A corrupt cached file is dropped and refetched; the store stays healthy.
	w := filepath.Join(cache, hex.EncodeToString(hs[0][:]), lora.WeightsFile)
	b, _ := os.ReadFile(w)
	b[len(b)-1] ^= 0x40
	os.WriteFile(w, b, 0o644)
	_, rel = acquireOK(t, s2, hs[0])
	rel()
	if st := s2.Stats(); st.Corrupt != 1 || f2.n.Load() != 1 || st.Disk.Entries != 2 {
		t.Fatalf("corrupt cache entry: %+v, fetches %d", st, f2.n.Load())
	}
	// Unknown hash: ErrNotFound, nothing left behind.
	var missing [32]byte
	missing[0] = 1
	if _, _, err := s2.Acquire(context.Background(), missing); !errors.Is(err, ErrNotFound) {
		t.Fatalf("missing adapter: %v", err)
	}
	for _, in := range s2.List() {
		if in.Hash == missing {
			t.Fatal("failed load left an entry")
		}
	}
}

func TestPinning(t *testing.T) {
	src := t.TempDir()
	hs := writeSource(t, src, microConfig, 3, 4, 200)
	s, _ := Open(StoreConfig{MemoryBudget: 1, Fetchers: []Fetcher{DirFetcher{Root: src}}}, microConfig)
	defer s.Close()
	a0, rel0 := acquireOK(t, s, hs[0])
	a1, rel1 := acquireOK(t, s, hs[1])
	if st := s.Stats(); st.Memory.Entries != 2 || st.Pinned != 2 || st.Memory.Evictions != 0 {
		t.Fatalf("pinned adapters evicted: %+v", st)
	}
	b0, rel0b := acquireOK(t, s, hs[0]) // second pin on the same adapter
	if b0 != a0 {
		t.Fatal("pinned adapter reloaded")
	}
	rel0()
	if st := s.Stats(); st.Memory.Entries != 2 {
		t.Fatal("adapter evicted while still pinned once")
	}
	rel0b()
	rel1()
	if st := s.Stats(); st.Memory.Entries != 0 || st.Pinned != 0 || st.Memory.Bytes != 0 {
		t.Fatalf("released adapters kept over budget: %+v", st)
	}
	_ = a1
}

func TestSingleflight(t *testing.T) {
	src := t.TempDir()
	hs := writeSource(t, src, microConfig, 1, 4, 300)
	f := &countingFetcher{Fetcher: DirFetcher{Root: src}, gate: make(chan struct{})}
	s, _ := Open(StoreConfig{Fetchers: []Fetcher{f}}, microConfig)
	defer s.Close()
	const n = 32
	var wg sync.WaitGroup
	got := make([]*lora.Adapter, n)
	errs := make([]error, n)
	for i := 0; i < n; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			a, rel, err := s.Acquire(context.Background(), hs[0])
			got[i], errs[i] = a, err
			if err == nil {
				rel()
			}
		}()
	}
	// A cancelled request gives up waiting; the load goes on for the rest.
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error)
	go func() { _, _, err := s.Acquire(ctx, hs[0]); done <- err }()
	for s.Stats().Inflight != 1 || f.n.Load() != 1 {
		time.Sleep(time.Millisecond)
	}
	cancel()
	if err := <-done; !errors.Is(err, context.Canceled) {
		t.Fatalf("cancelled acquire: %v", err)
	}
	close(f.gate)
	wg.Wait()
	for i := range got {
		if errs[i] != nil || got[i] != got[0] {
			t.Fatalf("acquire %d: %v (same adapter: %v)", i, errs[i], got[i] == got[0])
		}
	}
	if f.n.Load() != 1 {
		t.Fatalf("%d fetches for one adapter", f.n.Load())
	}
	if st := s.Stats(); st.Pinned != 0 || st.Memory.Entries != 1 {
		t.Fatalf("after all releases: %+v", st)
	}
}

func TestPrefetch(t *testing.T) {
	src := t.TempDir()
	hs := writeSource(t, src, microConfig, 4, 4, 400)
	f := &countingFetcher{Fetcher: DirFetcher{Root: src}}
	s, _ := Open(StoreConfig{Fetchers: []Fetcher{f}}, microConfig)
	defer s.Close()
	for _, h := range hs {
		s.Prefetch(h)
		s.Prefetch(h) // deduplicated
	}
	deadline := time.Now().Add(10 * time.Second)
	for s.Stats().Host.Loads != 4 {
		if time.Now().After(deadline) {
			t.Fatalf("prefetch did not finish: %+v", s.Stats())
		}
		time.Sleep(time.Millisecond)
	}
	for _, h := range hs {
		_, rel := acquireOK(t, s, h)
		rel()
	}
	st := s.Stats()
	if f.n.Load() != 4 || st.Memory.Hits != 4 || st.Prefetches != 4 {
		t.Fatalf("prefetched adapters: %+v, fetches %d", st, f.n.Load())
	}
}

func TestHTTPFetcher(t *testing.T) {
	src := t.TempDir()
	hs := writeSource(t, src, microConfig, 2, 4, 500)
	var corrupt atomic.Bool
	var swap atomic.Bool
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		path := strings.TrimPrefix(r.URL.Path, "/adapters/")
		if swap.Load() { // serve another adapter's files under this hash
			path = strings.Replace(path, hex.EncodeToString(hs[0][:]), hex.EncodeToString(hs[1][:]), 1)
		}
		b, err := os.ReadFile(filepath.Join(src, filepath.FromSlash(path)))
		if err != nil {
			http.NotFound(w, r)
			return
		}
		if corrupt.Load() && strings.HasSuffix(path, lora.WeightsFile) {
			b = b[:len(b)-8]
		}
		w.Write(b)
	}))
	defer srv.Close()
	f := &HTTPFetcher{BaseURL: srv.URL + "/adapters", TempDir: t.TempDir()}
	s, _ := Open(StoreConfig{MemoryBudget: 1, HostBudget: -1, Fetchers: []Fetcher{f}}, microConfig)
	defer s.Close()

	corrupt.Store(true)
	_, _, err := s.Acquire(context.Background(), hs[0])
	if !errors.Is(err, lora.ErrFormat) {
		t.Fatalf("truncated download: %v", err)
	}
	swap.Store(true)
	corrupt.Store(false)
	_, _, err = s.Acquire(context.Background(), hs[0])
	if !errors.Is(err, ErrHashMismatch) || !strings.Contains(err.Error(), hex.EncodeToString(hs[0][:])) {
		t.Fatalf("wrong adapter served: %v", err)
	}
	swap.Store(false)
	// The store is healthy: both adapters load now.
	for _, h := range hs {
		_, rel := acquireOK(t, s, h)
		rel()
	}
	var missing [32]byte
	if _, _, err := s.Acquire(context.Background(), missing); !errors.Is(err, ErrNotFound) {
		t.Fatalf("404: %v", err)
	}
	st := s.Stats()
	if st.Corrupt != 2 || st.Source.Errors != 2 || st.Source.Hits != 2 || st.Source.Misses != 1 {
		t.Fatalf("stats %+v", st)
	}
	if ents, _ := os.ReadDir(f.TempDir); len(ents) != 0 {
		t.Fatalf("staging dirs left behind: %d", len(ents))
	}
}

// TestThousandsBounded serves 2000 adapters through budgets that hold a
// few dozen: every adapter is still served correctly and no tier ever
// exceeds its budget.
func TestThousandsBounded(t *testing.T) {
	const n = 2000
	src := t.TempDir()
	hs := writeSource(t, src, microConfig, n, 2, 1000)
	one, _ := lora.Synthetic(microConfig, 2, 4, []string{"q_proj", "v_proj"}, 1000, false)
	cfgB, w, _ := one.Encode()
	file := int64(len(cfgB) + len(w))
	cfg := StoreConfig{
		MemoryBudget: 16 * one.Bytes(),
		HostBudget:   64 * file,
		CacheDir:     t.TempDir(),
		DiskBudget:   256 * file,
		Fetchers:     []Fetcher{DirFetcher{Root: src}},
	}
	s, err := Open(cfg, microConfig)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	check := func() {
		st := s.Stats()
		if st.Memory.Bytes > cfg.MemoryBudget || st.Host.Bytes > cfg.HostBudget || st.Disk.Bytes > cfg.DiskBudget {
			t.Fatalf("over budget: memory %d/%d host %d/%d disk %d/%d", st.Memory.Bytes, cfg.MemoryBudget,
				st.Host.Bytes, cfg.HostBudget, st.Disk.Bytes, cfg.DiskBudget)
		}
	}
	// Zipf-like traffic from 4 workers, each holding a few pins at once.
	var wg sync.WaitGroup
	var failed atomic.Value
	for wkr := 0; wkr < 4; wkr++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			rng := rand.New(rand.NewPCG(uint64(wkr), 9))
			z := rand.NewZipf(rng, 1.1, 1, n-1)
			for i := 0; i < n/2; i++ {
				idx := int(z.Uint64())
				if i%2 == 0 {
					idx = (wkr*n/4 + i/2) % n // and a sweep so all 2000 are served
				}
				a, rel, err := s.Acquire(context.Background(), hs[idx])
				if err != nil || a.Hash != hs[idx] {
					failed.Store(err)
					return
				}
				rel()
			}
		}()
	}
	wg.Wait()
	if err := failed.Load(); err != nil {
		t.Fatalf("acquire failed: %v", err)
	}
	check()
	for i := 0; i < n; i += 97 {
		_, rel := acquireOK(t, s, hs[i])
		rel()
		check()
	}
	st := s.Stats()
	if st.Memory.Evictions == 0 || st.Host.Evictions == 0 || st.Disk.Evictions == 0 || st.Pinned != 0 {
		t.Fatalf("budgets never bit: %+v", st)
	}
	if ents, _ := os.ReadDir(cfg.CacheDir); int64(len(ents)) > 256 {
		t.Fatalf("%d adapters in a disk cache budgeted for 256", len(ents))
	}
	t.Logf("stats: %+v", st)
}

func TestHTTPLimitsAndClose(t *testing.T) {
	src := t.TempDir()
	hs := writeSource(t, src, microConfig, 1, 4, 600)
	srv := httptest.NewServer(http.FileServer(http.Dir(src)))
	defer srv.Close()
	f := &HTTPFetcher{BaseURL: srv.URL, TempDir: t.TempDir(), MaxBytes: 64}
	if _, err := f.Fetch(context.Background(), hs[0]); err == nil || !strings.Contains(err.Error(), "limit") {
		t.Fatalf("oversized body: %v", err)
	}
	f.MaxBytes = 0
	s, _ := Open(StoreConfig{Fetchers: []Fetcher{f}}, microConfig)
	a, rel := acquireOK(t, s, hs[0])
	s.Close()
	if _, _, err := s.Acquire(context.Background(), hs[0]); !errors.Is(err, ErrClosed) {
		t.Fatalf("acquire after close: %v", err)
	}
	rel() // releasing after Close is harmless; the adapter stays usable
	if a.Pair(0, "q_proj") == nil {
		t.Fatal("acquired adapter lost its factors")
	}
}
