package tokenizer

import (
	"strings"
	"sync"
)

// merge is the result of merging an adjacent pair: its priority (lower
// merges first) and the id of the merged token.
type merge struct {
	rank int32
	id   int32
}

func pairKey(a, b int32) uint64 { return uint64(uint32(a))<<32 | uint64(uint32(b)) }

// bpe applies a merge table to a word given as initial symbol ids.
type bpe struct {
	merges map[uint64]merge
}

// shortWord is the length up to which a quadratic scan with cached pair
// ranks beats a heap; pre-tokenized words are almost always shorter.
const shortWord = 48

// apply merges syms in place (lowest rank first, leftmost on ties, the way
// Hugging Face's BPE does) and returns the merged ids.
func (m *bpe) apply(syms []int32) []int32 {
	if len(syms) < 2 {
		return syms
	}
	if len(syms) <= shortWord {
		return m.applyShort(syms)
	}
	return m.applyLong(syms)
}

const noMerge = int32(1<<31 - 1)

func (m *bpe) applyShort(syms []int32) []int32 {
	var buf [shortWord]int32
	ranks := buf[:len(syms)-1]
	var idBuf [shortWord]int32
	ids := idBuf[:len(syms)-1] // merged id of each pair, beside its rank
	for i := range ranks {
		ranks[i], ids[i] = m.lookup(syms[i], syms[i+1])
	}
	for len(syms) > 1 {
		best, at := noMerge, -1
		for i, r := range ranks {
			if r < best {
				best, at = r, i
			}
		}
		if at < 0 {
			break
		}
		syms[at] = ids[at]
		syms = append(syms[:at+1], syms[at+2:]...)
		ranks = append(ranks[:at], ranks[at+1:]...)
		ids = append(ids[:at], ids[at+1:]...)
		if at > 0 {
			ranks[at-1], ids[at-1] = m.lookup(syms[at-1], syms[at])
		}
		if at < len(ranks) {
			ranks[at], ids[at] = m.lookup(syms[at], syms[at+1])
		}
	}
	return syms
}

func (m *bpe) lookup(a, b int32) (int32, int32) {
	if mg, ok := m.merges[pairKey(a, b)]; ok {
		return mg.rank, mg.id
	}
	return noMerge, -1
}

// applyLong is the O(n log n) version for long words (sentencepiece-style
// vocabularies without a pre-tokenizer treat a whole text as one word): a
// doubly linked list of symbols and a heap of candidate merges, validated
// lazily when popped.
func (m *bpe) applyLong(syms []int32) []int32 {
	n := len(syms)
	prev := make([]int32, n)
	next := make([]int32, n)
	for i := range n {
		prev[i], next[i] = int32(i-1), int32(i+1)
	}
	next[n-1] = -1
	alive := make([]bool, n)
	for i := range alive {
		alive[i] = true
	}
	h := &binHeap[candidate]{items: make([]candidate, 0, n), less: candidateLess}
	push := func(pos int32) {
		nx := next[pos]
		if nx < 0 {
			return
		}
		if mg, ok := m.merges[pairKey(syms[pos], syms[nx])]; ok {
			h.push(candidate{rank: mg.rank, pos: pos, left: syms[pos], right: syms[nx], id: mg.id})
		}
	}
	for i := range n - 1 {
		push(int32(i))
	}
	for h.len() > 0 {
		c := h.pop()
		nx := next[c.pos]
		if !alive[c.pos] || nx < 0 || syms[c.pos] != c.left || syms[nx] != c.right {
			continue
		}
		syms[c.pos] = c.id
		alive[nx] = false
		next[c.pos] = next[nx]
		if next[nx] >= 0 {
			prev[next[nx]] = c.pos
		}
		if p := prev[c.pos]; p >= 0 {
			push(p)
		}
		push(c.pos)
	}
	out := syms[:0]
	for i := int32(0); i >= 0; i = next[i] {
		out = append(out, syms[i])
	}
	return out
}

type candidate struct {
	rank, pos   int32
	left, right int32
	id          int32
}

func candidateLess(a, b candidate) bool {
	if a.rank != b.rank {
		return a.rank < b.rank
	}
	return a.pos < b.pos
}

// binHeap is a binary min-heap without container/heap's interface boxing,
// which allocated on every push.
type binHeap[T any] struct {
	items []T
	less  func(a, b T) bool
}

func (h *binHeap[T]) len() int { return len(h.items) }

func (h *binHeap[T]) push(x T) {
	h.items = append(h.items, x)
	i := len(h.items) - 1
	for i > 0 {
		p := (i - 1) / 2
		if !h.less(h.items[i], h.items[p]) {
			break
		}
		h.items[i], h.items[p] = h.items[p], h.items[i]
		i = p
	}
}

func (h *binHeap[T]) pop() T {
	top := h.items[0]
	n := len(h.items) - 1
	h.items[0] = h.items[n]
	h.items = h.items[:n]
	for i := 0; ; {
		l, r, m := 2*i+1, 2*i+2, i
		if l < n && h.less(h.items[l], h.items[m]) {
			m = l
		}
		if r < n && h.less(h.items[r], h.items[m]) {
			m = r
		}
		if m == i {
			break
		}
		h.items[i], h.items[m] = h.items[m], h.items[i]
		i = m
	}
	return top
}

// wordCache remembers the ids of recent words. Like Hugging Face's BPE cache
// it stops inserting when full instead of evicting: the frequent words of a
// language arrive early. Reads take a shared lock; writes stop once full.
type wordCache struct {
	mu  sync.RWMutex
	m   map[string][]int32
	max int
}

// maxCachedWord bounds cached words, in bytes (as transformers.js does);
// longer ones are rare and would bloat the cache.
const maxCachedWord = 256

func newWordCache(max int) *wordCache {
	return &wordCache{m: make(map[string][]int32, min(max, 4096)), max: max}
}

func (c *wordCache) get(w string) ([]int32, bool) {
	c.mu.RLock()
	ids, ok := c.m[w]
	c.mu.RUnlock()
	return ids, ok
}

func (c *wordCache) put(w string, ids []int32) {
	if len(w) > maxCachedWord {
		return
	}
	c.mu.Lock()
	if len(c.m) < c.max {
		c.m[strings.Clone(w)] = ids // w may be a slice of a large input
	}
	c.mu.Unlock()
}
