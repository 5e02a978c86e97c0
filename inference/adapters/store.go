// Package adapters is the tiered LoRA adapter store: decoded adapters in
// engine memory, their serialized bytes in host RAM, a local disk cache, and
// sources (a directory, an HTTP(S) server) behind them. Each tier is an LRU
// under its own byte budget; adapters in use are pinned and never evicted;
// concurrent requests for the same adapter load it once.
package adapters

import (
	"container/list"
	"context"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/paichain/paichain/inference/lora"
	"github.com/paichain/paichain/inference/model"
)

// Errors of the store, for errors.Is. A malformed adapter from any tier
// wraps lora.ErrFormat.
var (
	ErrHashMismatch = errors.New("adapters: adapter hash mismatch")
	ErrUnknownRef   = errors.New("adapters: unknown adapter reference")
	ErrClosed       = errors.New("adapters: store closed")
)

// Default budgets.
const (
	DefaultMemoryBudget = 1 << 30
	DefaultHostBudget   = 4 << 30
	DefaultDiskBudget   = 32 << 30
)

// StoreConfig configures a Store. Zero budgets pick the defaults.
type StoreConfig struct {
	// MemoryBudget bounds the decoded adapters kept for the engine, in
	// lora.Adapter.Bytes. Pinned adapters may exceed it until released.
	MemoryBudget int64
	// HostBudget bounds the serialized adapters (config + safetensors
	// bytes) kept in host RAM; negative disables the tier.
	HostBudget int64
	// CacheDir is the local disk cache ("" disables the tier); DiskBudget
	// bounds the bytes of the adapter files in it.
	CacheDir   string
	DiskBudget int64
	// Fetchers are the sources, tried in order on a miss in every tier.
	Fetchers []Fetcher
	// PrefetchWorkers bounds concurrent prefetches (default 2).
	PrefetchWorkers int
}

// TierStats counts one tier's traffic. Hits and Misses count lookups that
// reached the tier; Loads count adapters placed into it; Bytes and Entries
// are its current contents.
type TierStats struct {
	Hits, Misses, Loads, Evictions uint64
	Bytes, Budget                  int64
	Entries                        int
}

// SourceStats counts loads from registered directories and fetchers: Hits
// (served and verified), Misses (no source had it) and Errors (a source
// failed or served a bad adapter).
type SourceStats struct {
	Hits, Misses, Errors uint64
}

// Stats is a snapshot of the store's counters.
type Stats struct {
	Memory, Host, Disk   TierStats
	Source               SourceStats
	Corrupt              uint64 // malformed or hash-mismatched adapters met in any tier
	Prefetches           uint64 // prefetches started
	Pinned               int    // adapters pinned right now
	Registered, Inflight int
}

// Info describes one known adapter.
type Info struct {
	Hash     [32]byte
	Names    []string
	ChainIDs []uint64
	Dir      string // registered directory, if any
	// Tier is the fastest tier holding it: "memory", "host", "disk",
	// "source" (only in a registered directory) or "remote" (only named).
	Tier                              string
	MemoryBytes, HostBytes, DiskBytes int64
	Pins                              int
	Rank                              int      // when decoded
	Targets                           []string // when decoded
}

type entry struct {
	hash [32]byte

	adapter *lora.Adapter // memory tier
	pins    int
	memEl   *list.Element
	memSize int64

	cfg, weights []byte // host tier
	hostEl       *list.Element

	diskEl   *list.Element // disk tier: CacheDir/<hex>
	diskSize int64

	dir      string // registered directory
	names    []string
	chainIDs []uint64
	rank     int
	targets  []string
}

func (e *entry) hostSize() int64 { return int64(len(e.cfg) + len(e.weights)) }

// call is one in-flight load shared by every Acquire and Prefetch of the
// same hash (singleflight). waiters counts the Acquires that want it
// pinned when it lands; the loader pins on their behalf under the lock.
type call struct {
	done    chan struct{}
	urgent  chan struct{} // closed when the first Acquire joins
	a       *lora.Adapter
	err     error
	waiters int
}

// join registers an Acquire waiting on c; a queued prefetch then stops
// waiting for a prefetch slot.
func (c *call) join() {
	if c.waiters == 0 {
		close(c.urgent)
	}
	c.waiters++
}

// Store is the tiered adapter store. It is safe for concurrent use.
type Store struct {
	cfg  StoreConfig
	base model.Config

	ctx    context.Context // cancelled by Close; loads run under it
	cancel context.CancelFunc
	wg     sync.WaitGroup
	sem    chan struct{} // prefetch slots

	mu                             sync.Mutex
	closed                         bool
	entries                        map[[32]byte]*entry
	inflight                       map[[32]byte]*call
	names                          map[string][32]byte
	chainIDs                       map[uint64][32]byte
	mem                            list.List // front = most recently used
	host                           list.List
	disk                           list.List
	memBytes, hostBytes, diskBytes int64
	stats                          Stats
}

// Open creates a store for adapters of the given base model. With a
// CacheDir it indexes the adapters already cached there (LRU order by
// modification time) and removes leftover partial writes.
func Open(cfg StoreConfig, base model.Config) (*Store, error) {
	if cfg.MemoryBudget == 0 {
		cfg.MemoryBudget = DefaultMemoryBudget
	}
	if cfg.HostBudget == 0 {
		cfg.HostBudget = DefaultHostBudget
	}
	if cfg.DiskBudget == 0 {
		cfg.DiskBudget = DefaultDiskBudget
	}
	if cfg.PrefetchWorkers <= 0 {
		cfg.PrefetchWorkers = 2
	}
	if cfg.MemoryBudget < 0 {
		return nil, fmt.Errorf("adapters: memory budget %d is negative", cfg.MemoryBudget)
	}
	if base.NLayers <= 0 {
		return nil, fmt.Errorf("adapters: base model config has %d layers", base.NLayers)
	}
	s := &Store{
		cfg:      cfg,
		base:     base,
		sem:      make(chan struct{}, cfg.PrefetchWorkers),
		entries:  make(map[[32]byte]*entry),
		inflight: make(map[[32]byte]*call),
		names:    make(map[string][32]byte),
		chainIDs: make(map[uint64][32]byte),
	}
	s.ctx, s.cancel = context.WithCancel(context.Background())
	if cfg.CacheDir != "" {
		if err := s.scanDisk(); err != nil {
			s.cancel()
			return nil, err
		}
	}
	return s, nil
}

// Close stops prefetches and waits for running loads. Adapters already
// acquired stay valid.
func (s *Store) Close() {
	s.mu.Lock()
	s.closed = true
	s.mu.Unlock()
	s.cancel()
	s.wg.Wait()
}

func (s *Store) entryLocked(hash [32]byte) *entry {
	e := s.entries[hash]
	if e == nil {
		e = &entry{hash: hash}
		s.entries[hash] = e
	}
	return e
}

// forgetLocked drops an entry that no tier holds and nothing names.
func (s *Store) forgetLocked(e *entry) {
	if e.adapter == nil && e.cfg == nil && e.diskEl == nil && e.dir == "" && len(e.names) == 0 && len(e.chainIDs) == 0 {
		if _, busy := s.inflight[e.hash]; !busy {
			delete(s.entries, e.hash)
		}
	}
}

// Register adds a local PEFT directory, validated against the base model,
// and returns its hash. The files stay where they are (they act as a
// source); registering the same adapter twice is harmless.
func (s *Store) Register(dir string) ([32]byte, error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return [32]byte{}, fmt.Errorf("adapters: %w", err)
	}
	a, err := lora.Load(abs, s.base.NLayers)
	if err != nil {
		return [32]byte{}, fmt.Errorf("adapters: register: %w", err)
	}
	if err := lora.Validate(a, s.base); err != nil {
		return [32]byte{}, fmt.Errorf("adapters: register %s: %w", abs, err)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	e := s.entryLocked(a.Hash)
	e.dir = abs
	e.rank, e.targets = a.Config.R, a.Config.TargetModules
	return a.Hash, nil
}

// Alias maps a name and/or an on-chain adapter id (0 = none) to a hash.
// A name or id already mapped elsewhere moves to the new hash.
func (s *Store) Alias(name string, hash [32]byte, chainID uint64) {
	s.mu.Lock()
	defer s.mu.Unlock()
	e := s.entryLocked(hash)
	if name != "" {
		if old, ok := s.names[name]; ok && old != hash {
			if oe := s.entries[old]; oe != nil {
				oe.names = slices.DeleteFunc(oe.names, func(n string) bool { return n == name })
				s.forgetLocked(oe)
			}
		}
		s.names[name] = hash
		if !slices.Contains(e.names, name) {
			e.names = append(e.names, name)
		}
	}
	if chainID != 0 {
		if old, ok := s.chainIDs[chainID]; ok && old != hash {
			if oe := s.entries[old]; oe != nil {
				oe.chainIDs = slices.DeleteFunc(oe.chainIDs, func(id uint64) bool { return id == chainID })
				s.forgetLocked(oe)
			}
		}
		s.chainIDs[chainID] = hash
		if !slices.Contains(e.chainIDs, chainID) {
			e.chainIDs = append(e.chainIDs, chainID)
		}
	}
	s.forgetLocked(e) // an alias of nothing records nothing
}

// Resolve turns a reference into a hash: 64 hex digits (optionally 0x-
// prefixed) are a hash, known or not (sources may have it); "id:<n>" is an
// on-chain adapter id; anything else is a name given to Alias.
func (s *Store) Resolve(ref string) ([32]byte, error) {
	if h, ok := ParseHash(ref); ok {
		return h, nil
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if idStr, ok := strings.CutPrefix(ref, "id:"); ok {
		id, err := strconv.ParseUint(idStr, 10, 64)
		if err != nil {
			return [32]byte{}, fmt.Errorf("%w: bad adapter id %q", ErrUnknownRef, idStr)
		}
		h, ok := s.chainIDs[id]
		if !ok {
			return [32]byte{}, fmt.Errorf("%w: no adapter with id %d", ErrUnknownRef, id)
		}
		return h, nil
	}
	h, ok := s.names[ref]
	if !ok {
		return [32]byte{}, fmt.Errorf("%w: %q is not a hash, id:<n> or known name", ErrUnknownRef, ref)
	}
	return h, nil
}

// ParseHash parses 64 hex digits, optionally 0x-prefixed.
func ParseHash(s string) ([32]byte, bool) {
	s = strings.TrimPrefix(strings.TrimPrefix(s, "0x"), "0X")
	var h [32]byte
	if len(s) != 64 {
		return h, false
	}
	if _, err := hex.Decode(h[:], []byte(s)); err != nil {
		return h, false
	}
	return h, true
}

// Acquire returns the decoded adapter, loading it just in time through the
// tiers, and pins it until the returned release func is called (exactly
// once; later calls do nothing). Cancelling ctx abandons the wait, not the
// load: its result still lands in the cache for the next request.
func (s *Store) Acquire(ctx context.Context, hash [32]byte) (*lora.Adapter, func(), error) {
	s.mu.Lock()
	if s.closed {
		s.mu.Unlock()
		return nil, nil, ErrClosed
	}
	if e := s.entries[hash]; e != nil && e.adapter != nil {
		s.stats.Memory.Hits++
		e.pins++
		if e.pins == 1 {
			s.stats.Pinned++
		}
		s.mem.MoveToFront(e.memEl)
		a := e.adapter
		s.mu.Unlock()
		return a, s.releaser(e), nil
	}
	s.stats.Memory.Misses++
	c := s.startLoadLocked(hash)
	c.join()
	s.mu.Unlock()

	select {
	case <-c.done:
	case <-ctx.Done():
		s.mu.Lock()
		select {
		case <-c.done: // landed meanwhile, pinned for us: undo below
		default:
			c.waiters--
			s.mu.Unlock()
			return nil, nil, ctx.Err()
		}
		s.mu.Unlock()
		if c.err == nil {
			s.releaser(s.entryFor(hash))()
		}
		return nil, nil, ctx.Err()
	}
	if c.err != nil {
		return nil, nil, c.err
	}
	return c.a, s.releaser(s.entryFor(hash)), nil
}

func (s *Store) entryFor(hash [32]byte) *entry {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.entries[hash]
}

func (s *Store) releaser(e *entry) func() {
	var once sync.Once
	return func() {
		once.Do(func() {
			s.mu.Lock()
			defer s.mu.Unlock()
			e.pins--
			if e.pins == 0 {
				s.stats.Pinned--
				s.evictMemLocked()
			}
		})
	}
}

// Prefetch starts loading an adapter in the background so a later Acquire
// finds it in host RAM (and in engine memory when that has room without
// evicting anything). Errors are counted, not returned.
func (s *Store) Prefetch(hash [32]byte) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		return
	}
	if e := s.entries[hash]; e != nil && (e.adapter != nil || e.cfg != nil) {
		return
	}
	if _, busy := s.inflight[hash]; busy {
		return
	}
	s.stats.Prefetches++
	s.startLoadLocked(hash)
}

// startLoadLocked returns the in-flight load of hash, starting one if
// needed. Prefetch-started loads queue for a prefetch slot; loads someone
// waits on run at once.
func (s *Store) startLoadLocked(hash [32]byte) *call {
	if c := s.inflight[hash]; c != nil {
		return c
	}
	c := &call{done: make(chan struct{}), urgent: make(chan struct{})}
	s.inflight[hash] = c
	s.wg.Add(1)
	go s.runLoad(hash, c)
	return c
}

func (s *Store) runLoad(hash [32]byte, c *call) {
	defer s.wg.Done()
	select {
	case <-c.urgent: // someone waits: no queueing behind prefetches
	default:
		select {
		case s.sem <- struct{}{}:
			defer func() { <-s.sem }()
		case <-c.urgent:
		case <-s.ctx.Done():
		}
	}
	a, err := s.load(s.ctx, hash)
	s.mu.Lock()
	defer s.mu.Unlock()
	delete(s.inflight, hash)
	c.a, c.err = a, err
	if err == nil {
		e := s.entryLocked(hash)
		e.rank, e.targets = a.Config.R, a.Config.TargetModules
		if e.adapter == nil && (c.waiters > 0 || s.memBytes+a.Bytes() <= s.cfg.MemoryBudget) {
			e.adapter, e.memSize = a, a.Bytes()
			e.memEl = s.mem.PushFront(e)
			s.memBytes += e.memSize
			s.stats.Memory.Loads++
		}
		if c.waiters > 0 {
			if e.pins == 0 {
				s.stats.Pinned++
			}
			e.pins += c.waiters
		}
		s.evictMemLocked()
	} else if e := s.entries[hash]; e != nil {
		s.forgetLocked(e)
	}
	close(c.done)
}

// evictMemLocked drops least recently used unpinned adapters until the
// memory tier is within budget.
func (s *Store) evictMemLocked() {
	for el := s.mem.Back(); el != nil && s.memBytes > s.cfg.MemoryBudget; {
		e := el.Value.(*entry)
		el = el.Prev()
		if e.pins > 0 {
			continue
		}
		s.mem.Remove(e.memEl)
		e.memEl, e.adapter = nil, nil
		s.memBytes -= e.memSize
		s.stats.Memory.Evictions++
		s.forgetLocked(e)
	}
}

// load brings an adapter up through the tiers below engine memory: host
// RAM, the disk cache, a registered directory, then each source. Whatever
// it reads is decoded, hash-checked and validated; bad copies are dropped
// and counted, and the next tier is tried.
func (s *Store) load(ctx context.Context, hash [32]byte) (*lora.Adapter, error) {
	s.mu.Lock()
	e := s.entryLocked(hash)
	cfg, weights := e.cfg, e.weights
	if cfg != nil {
		s.stats.Host.Hits++
		s.host.MoveToFront(e.hostEl)
	} else if s.cfg.HostBudget > 0 {
		s.stats.Host.Misses++
	}
	onDisk, dir := e.diskEl != nil, e.dir
	if onDisk {
		s.disk.MoveToFront(e.diskEl)
	} else if s.cfg.CacheDir != "" {
		s.stats.Disk.Misses++
	}
	s.mu.Unlock()

	var errs []error
	if cfg != nil {
		// Host copies were hash-verified when they came in.
		a, err := lora.DecodeTrusted(cfg, weights, s.base.NLayers, hash)
		if err == nil {
			err = lora.Validate(a, s.base)
		}
		if err == nil {
			return a, nil
		}
		s.dropHost(hash)
		errs = append(errs, fmt.Errorf("host copy: %w", err))
	}
	if onDisk {
		path := s.diskPath(hash)
		a, cfg, weights, err := s.readDecode(hash, path)
		if err == nil {
			s.count(func(st *Stats) { st.Disk.Hits++ })
			now := time.Now()
			os.Chtimes(path, now, now) // keeps LRU order across restarts
			s.putHost(hash, cfg, weights)
			return a, nil
		}
		s.dropDisk(hash)
		errs = append(errs, fmt.Errorf("disk cache: %w", err))
	}
	if dir != "" {
		a, cfg, weights, err := s.readDecode(hash, dir)
		if err == nil {
			s.count(func(st *Stats) { st.Source.Hits++ })
			s.putHost(hash, cfg, weights)
			return a, nil
		}
		s.count(func(st *Stats) { st.Source.Errors++ })
		errs = append(errs, fmt.Errorf("registered directory %s: %w", dir, err))
	}
	for i, f := range s.cfg.Fetchers {
		fdir, err := f.Fetch(ctx, hash)
		if errors.Is(err, ErrNotFound) {
			continue
		}
		if err != nil {
			s.count(func(st *Stats) { st.Source.Errors++ })
			errs = append(errs, fmt.Errorf("source %d: %w", i, err))
			continue
		}
		a, cfg, weights, err := s.readDecode(hash, fdir)
		if r, ok := f.(Releaser); ok {
			r.Release(fdir)
		}
		if err != nil {
			s.count(func(st *Stats) { st.Source.Errors++ })
			errs = append(errs, fmt.Errorf("source %d: %w", i, err))
			continue
		}
		s.count(func(st *Stats) { st.Source.Hits++ })
		if err := s.putDisk(hash, cfg, weights); err != nil {
			errs = append(errs, err) // the cache failing is not the request failing
		}
		s.putHost(hash, cfg, weights)
		return a, nil
	}
	hx := hex.EncodeToString(hash[:])
	if len(errs) == 0 {
		s.count(func(st *Stats) { st.Source.Misses++ })
		return nil, fmt.Errorf("adapter %s: %w in any tier or source", hx, ErrNotFound)
	}
	return nil, fmt.Errorf("adapters: load %s: %w", hx, errors.Join(errs...))
}

func (s *Store) count(f func(*Stats)) {
	s.mu.Lock()
	f(&s.stats)
	s.mu.Unlock()
}

func (s *Store) readDecode(hash [32]byte, dir string) (*lora.Adapter, []byte, []byte, error) {
	cfg, weights, err := lora.ReadFiles(dir)
	if err != nil {
		return nil, nil, nil, err
	}
	a, err := s.decode(hash, cfg, weights)
	if err != nil {
		return nil, nil, nil, err
	}
	return a, cfg, weights, nil
}

// decode parses, hash-checks and validates serialized adapter bytes.
func (s *Store) decode(hash [32]byte, cfg, weights []byte) (*lora.Adapter, error) {
	a, err := lora.Decode(cfg, weights, s.base.NLayers)
	if err == nil && a.Hash != hash {
		err = fmt.Errorf("%w: want %x, files hash to %x", ErrHashMismatch, hash, a.Hash)
	}
	if err == nil {
		err = lora.Validate(a, s.base)
	}
	if err != nil {
		s.count(func(st *Stats) { st.Corrupt++ })
		return nil, err
	}
	return a, nil
}

// putHost keeps serialized bytes in host RAM, evicting LRU entries.
func (s *Store) putHost(hash [32]byte, cfg, weights []byte) {
	size := int64(len(cfg) + len(weights))
	s.mu.Lock()
	defer s.mu.Unlock()
	if size > s.cfg.HostBudget {
		return
	}
	e := s.entryLocked(hash)
	if e.cfg != nil {
		s.host.MoveToFront(e.hostEl)
		return
	}
	e.cfg, e.weights = cfg, weights
	e.hostEl = s.host.PushFront(e)
	s.hostBytes += size
	s.stats.Host.Loads++
	for s.hostBytes > s.cfg.HostBudget {
		s.removeHostLocked(s.host.Back().Value.(*entry))
		s.stats.Host.Evictions++
	}
}

func (s *Store) removeHostLocked(e *entry) {
	s.hostBytes -= e.hostSize()
	s.host.Remove(e.hostEl)
	e.hostEl, e.cfg, e.weights = nil, nil, nil
	s.forgetLocked(e)
}

func (s *Store) dropHost(hash [32]byte) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if e := s.entries[hash]; e != nil && e.cfg != nil {
		s.removeHostLocked(e)
	}
}

func (s *Store) diskPath(hash [32]byte) string {
	return filepath.Join(s.cfg.CacheDir, hex.EncodeToString(hash[:]))
}

// putDisk writes a fetched adapter into the disk cache: staged in a
// temporary directory and renamed, so a crash never leaves a half-written
// adapter under its hash.
func (s *Store) putDisk(hash [32]byte, cfg, weights []byte) error {
	size := int64(len(cfg) + len(weights))
	if s.cfg.CacheDir == "" || size > s.cfg.DiskBudget {
		return nil
	}
	tmp, err := os.MkdirTemp(s.cfg.CacheDir, ".tmp-")
	if err != nil {
		return fmt.Errorf("adapters: disk cache: %w", err)
	}
	err = os.WriteFile(filepath.Join(tmp, lora.ConfigFile), cfg, 0o644)
	if err == nil {
		err = os.WriteFile(filepath.Join(tmp, lora.WeightsFile), weights, 0o644)
	}
	if err == nil {
		err = os.Rename(tmp, s.diskPath(hash))
	}
	if err != nil {
		os.RemoveAll(tmp)
		if errors.Is(err, os.ErrExist) || isNotEmpty(err) {
			return nil // already cached
		}
		return fmt.Errorf("adapters: disk cache: %w", err)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	e := s.entryLocked(hash)
	if e.diskEl == nil {
		e.diskEl, e.diskSize = s.disk.PushFront(e), size
		s.diskBytes += size
		s.stats.Disk.Loads++
	}
	s.evictDiskLocked()
	return nil
}

func isNotEmpty(err error) bool {
	return err != nil && strings.Contains(err.Error(), "directory not empty")
}

func (s *Store) evictDiskLocked() {
	for s.diskBytes > s.cfg.DiskBudget {
		e := s.disk.Back().Value.(*entry)
		s.removeDiskLocked(e)
		s.stats.Disk.Evictions++
	}
}

func (s *Store) removeDiskLocked(e *entry) {
	os.RemoveAll(s.diskPath(e.hash))
	s.diskBytes -= e.diskSize
	s.disk.Remove(e.diskEl)
	e.diskEl, e.diskSize = nil, 0
	s.forgetLocked(e)
}

func (s *Store) dropDisk(hash [32]byte) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if e := s.entries[hash]; e != nil && e.diskEl != nil {
		s.removeDiskLocked(e)
	}
}

// scanDisk indexes CacheDir: every <hash hex> directory, oldest first.
func (s *Store) scanDisk() error {
	if err := os.MkdirAll(s.cfg.CacheDir, 0o755); err != nil {
		return fmt.Errorf("adapters: cache dir: %w", err)
	}
	ents, err := os.ReadDir(s.cfg.CacheDir)
	if err != nil {
		return fmt.Errorf("adapters: cache dir: %w", err)
	}
	type found struct {
		hash  [32]byte
		size  int64
		mtime time.Time
	}
	var fs []found
	for _, de := range ents {
		path := filepath.Join(s.cfg.CacheDir, de.Name())
		if strings.HasPrefix(de.Name(), ".tmp-") {
			os.RemoveAll(path)
			continue
		}
		h, ok := ParseHash(de.Name())
		if !ok || !de.IsDir() || de.Name() != hex.EncodeToString(h[:]) {
			continue // not ours: leave it alone
		}
		var size int64
		for _, f := range []string{lora.ConfigFile, lora.WeightsFile} {
			if st, err := os.Stat(filepath.Join(path, f)); err == nil {
				size += st.Size()
			}
		}
		st, err := os.Stat(path)
		if err != nil {
			continue
		}
		fs = append(fs, found{h, size, st.ModTime()})
	}
	slices.SortFunc(fs, func(a, b found) int { return a.mtime.Compare(b.mtime) })
	for _, f := range fs {
		e := s.entryLocked(f.hash)
		e.diskEl, e.diskSize = s.disk.PushFront(e), f.size
		s.diskBytes += f.size
	}
	s.evictDiskLocked()
	return nil
}

// List describes every adapter the store knows, sorted by hash.
func (s *Store) List() []Info {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make([]Info, 0, len(s.entries))
	for _, e := range s.entries {
		in := Info{
			Hash: e.hash, Names: slices.Clone(e.names), ChainIDs: slices.Clone(e.chainIDs), Dir: e.dir,
			MemoryBytes: e.memSize, HostBytes: e.hostSize(), DiskBytes: e.diskSize, Pins: e.pins,
			Rank: e.rank, Targets: e.targets,
		}
		switch {
		case e.adapter != nil:
			in.Tier = "memory"
		case e.cfg != nil:
			in.Tier = "host"
		case e.diskEl != nil:
			in.Tier = "disk"
		case e.dir != "":
			in.Tier = "source"
		default:
			in.Tier = "remote"
		}
		if e.adapter == nil {
			in.MemoryBytes = 0
		}
		out = append(out, in)
	}
	slices.SortFunc(out, func(a, b Info) int { return strings.Compare(string(a.Hash[:]), string(b.Hash[:])) })
	return out
}

// Stats is a snapshot of the counters and tier sizes.
func (s *Store) Stats() Stats {
	s.mu.Lock()
	defer s.mu.Unlock()
	st := s.stats
	st.Memory.Bytes, st.Memory.Budget, st.Memory.Entries = s.memBytes, s.cfg.MemoryBudget, s.mem.Len()
	st.Host.Bytes, st.Host.Budget, st.Host.Entries = s.hostBytes, max(s.cfg.HostBudget, 0), s.host.Len()
	if s.cfg.CacheDir != "" {
		st.Disk.Bytes, st.Disk.Budget, st.Disk.Entries = s.diskBytes, s.cfg.DiskBudget, s.disk.Len()
	}
	st.Inflight = len(s.inflight)
	for _, e := range s.entries {
		if e.dir != "" {
			st.Registered++
		}
	}
	return st
}
