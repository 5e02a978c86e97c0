// Package kvcache is a paged key/value cache: K and V live in fixed-size
// blocks of BlockSize positions, a sequence owns a block table mapping its
// positions to blocks, and full blocks of a prompt prefix are shared between
// sequences by reference count (keyed by a hash chain over the adapter and the
// tokens, so different adapters never share KV).
//
// A Cache is not safe for concurrent use: the engine's scheduler goroutine
// owns it. Reads of K/V rows during the forward pass may run on many
// goroutines as long as no allocation happens concurrently.
package kvcache

import (
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"fmt"
)

// ErrNoBlocks is returned when an allocation needs more free blocks than exist;
// nothing is allocated in that case.
var ErrNoBlocks = errors.New("kvcache: out of blocks")

// Config sizes a cache.
type Config struct {
	Layers    int
	KVDim     int // n_kv_heads × head_dim
	BlockSize int // positions per block
	NumBlocks int
}

// Key identifies a prefix: a hash chain over (namespace, tokens).
type Key [32]byte

// Cache holds the KV storage and the block manager.
type Cache struct {
	cfg Config
	// K[l] and V[l] are [NumBlocks][BlockSize][KVDim].
	K, V [][]float32

	refs []int32
	// Free blocks form a doubly linked LRU list (head = next to reuse), so a
	// cached prefix block freed recently survives longest and can be revived
	// in O(1) by a later match.
	next, prev []int32
	head, tail int32
	nfree      int
	// Prefix sharing: published blocks and their keys.
	byKey  map[Key]int32
	keyOf  []Key
	hasKey []bool

	hits, misses int64
}

const none = -1

// New allocates a cache (NumBlocks×BlockSize×KVDim floats per layer for K and
// for V).
func New(cfg Config) (*Cache, error) {
	if cfg.Layers <= 0 || cfg.KVDim <= 0 || cfg.BlockSize <= 0 || cfg.NumBlocks <= 0 {
		return nil, fmt.Errorf("kvcache: invalid config %+v", cfg)
	}
	if cfg.NumBlocks > 1<<30 {
		return nil, fmt.Errorf("kvcache: %d blocks is too many", cfg.NumBlocks)
	}
	per := cfg.NumBlocks * cfg.BlockSize * cfg.KVDim
	c := &Cache{
		cfg:    cfg,
		K:      make([][]float32, cfg.Layers),
		V:      make([][]float32, cfg.Layers),
		refs:   make([]int32, cfg.NumBlocks),
		next:   make([]int32, cfg.NumBlocks),
		prev:   make([]int32, cfg.NumBlocks),
		byKey:  map[Key]int32{},
		keyOf:  make([]Key, cfg.NumBlocks),
		hasKey: make([]bool, cfg.NumBlocks),
		head:   none,
		tail:   none,
	}
	for l := range c.K {
		c.K[l] = make([]float32, per)
		c.V[l] = make([]float32, per)
	}
	for b := 0; b < cfg.NumBlocks; b++ {
		c.pushFree(int32(b))
	}
	return c, nil
}

// Config returns the cache's configuration.
func (c *Cache) Config() Config { return c.cfg }

// BytesFor is the memory a cache of cfg takes.
func BytesFor(cfg Config) int64 {
	return 2 * 4 * int64(cfg.Layers) * int64(cfg.NumBlocks) * int64(cfg.BlockSize) * int64(cfg.KVDim)
}

func (c *Cache) pushFree(b int32) {
	c.next[b], c.prev[b] = none, c.tail
	if c.tail != none {
		c.next[c.tail] = b
	} else {
		c.head = b
	}
	c.tail = b
	c.nfree++
}

func (c *Cache) unlinkFree(b int32) {
	if c.prev[b] != none {
		c.next[c.prev[b]] = c.next[b]
	} else {
		c.head = c.next[b]
	}
	if c.next[b] != none {
		c.prev[c.next[b]] = c.prev[b]
	} else {
		c.tail = c.prev[b]
	}
	c.nfree--
}

// popFree takes the least recently freed block and forgets any prefix it held.
func (c *Cache) popFree() int32 {
	b := c.head
	c.unlinkFree(b)
	if c.hasKey[b] {
		delete(c.byKey, c.keyOf[b])
		c.hasKey[b] = false
	}
	c.refs[b] = 1
	return b
}

// FreeBlocks is the number of blocks not referenced by any sequence
// (including cached prefix blocks that can be reclaimed).
func (c *Cache) FreeBlocks() int { return c.nfree }

// UsedBlocks is NumBlocks − FreeBlocks.
func (c *Cache) UsedBlocks() int { return c.cfg.NumBlocks - c.nfree }

// PrefixStats reports prefix-sharing block hits and misses.
func (c *Cache) PrefixStats() (hits, misses int64) { return c.hits, c.misses }

// BlocksFor is the number of blocks n positions need.
func (c *Cache) BlocksFor(n int) int { return (n + c.cfg.BlockSize - 1) / c.cfg.BlockSize }

// Seq is one sequence's block table.
type Seq struct {
	Blocks []int32
	// Shared is how many leading positions came from shared prefix blocks
	// (already computed; the forward pass starts after them).
	Shared int
	// published counts the leading blocks already offered for sharing.
	published int
	chain     Key
}

// Reserve makes s hold enough blocks for n positions. On ErrNoBlocks nothing
// changes.
func (c *Cache) Reserve(s *Seq, n int) error {
	need := c.BlocksFor(n) - len(s.Blocks)
	if need <= 0 {
		return nil
	}
	if need > c.nfree {
		return fmt.Errorf("%w: need %d, %d free", ErrNoBlocks, need, c.nfree)
	}
	for i := 0; i < need; i++ {
		s.Blocks = append(s.Blocks, c.popFree())
	}
	return nil
}

// Release drops s's references; blocks reaching zero become free (published
// prefix blocks stay matchable until reused).
func (c *Cache) Release(s *Seq) {
	for _, b := range s.Blocks {
		c.refs[b]--
		if c.refs[b] == 0 {
			c.pushFree(b)
		}
	}
	*s = Seq{}
}

// chainKey extends a prefix key by one block of tokens.
func chainKey(prev Key, tokens []int) Key {
	h := sha256.New()
	h.Write(prev[:])
	var b [8]byte
	for _, t := range tokens {
		binary.LittleEndian.PutUint64(b[:], uint64(t))
		h.Write(b[:])
	}
	var k Key
	h.Sum(k[:0])
	return k
}

// Namespace is the root key for a prefix chain: KV depends on the model and
// the adapter, so sequences share only within one namespace.
func Namespace(parts ...[]byte) Key {
	h := sha256.New()
	h.Write([]byte("paichain/kvcache/v1"))
	for _, p := range parts {
		var b [8]byte
		binary.LittleEndian.PutUint64(b[:], uint64(len(p)))
		h.Write(b[:])
		h.Write(p)
	}
	var k Key
	h.Sum(k[:0])
	return k
}

// Match starts an empty sequence s by taking shared blocks for the longest
// published prefix of tokens in namespace ns. At most len(tokens)-1
// positions are matched, so the last prompt token is always computed (its
// logits are needed). It returns the number of positions covered (s.Shared).
func (c *Cache) Match(s *Seq, ns Key, tokens []int) int {
	if len(s.Blocks) != 0 {
		return 0
	}
	s.chain = ns
	bs := c.cfg.BlockSize
	for (len(s.Blocks)+1)*bs <= len(tokens)-1 {
		i := len(s.Blocks)
		k := chainKey(s.chain, tokens[i*bs:(i+1)*bs])
		b, ok := c.byKey[k]
		if !ok {
			c.misses++
			break
		}
		c.hits++
		if c.refs[b] == 0 {
			c.unlinkFree(b)
		}
		c.refs[b]++
		s.Blocks = append(s.Blocks, b)
		s.chain = k
	}
	s.published = len(s.Blocks)
	s.Shared = len(s.Blocks) * bs
	return s.Shared
}

// Publish offers s's full blocks whose positions are all computed (the first
// computed positions of tokens) for sharing. Call it after a forward step.
// A sequence started without Match shares nothing.
func (c *Cache) Publish(s *Seq, ns Key, tokens []int, computed int) {
	bs := c.cfg.BlockSize
	if s.published == 0 && s.chain == (Key{}) {
		s.chain = ns
	}
	for (s.published+1)*bs <= computed && s.published < len(s.Blocks) {
		i := s.published
		k := chainKey(s.chain, tokens[i*bs:(i+1)*bs])
		b := s.Blocks[i]
		if _, exists := c.byKey[k]; !exists && !c.hasKey[b] {
			c.byKey[k] = b
			c.keyOf[b] = k
			c.hasKey[b] = true
		}
		s.chain = k
		s.published++
	}
}

// Row returns the offset of position pos of s within a layer's K or V slice.
func (c *Cache) Row(s *Seq, pos int) int {
	bs := c.cfg.BlockSize
	return (int(s.Blocks[pos/bs])*bs + pos%bs) * c.cfg.KVDim
}
