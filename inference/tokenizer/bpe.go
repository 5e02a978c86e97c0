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
	return newMergeList(syms).run(func(a, b int32) (uint32, int32, bool) {
		mg, ok := m.merges[pairKey(a, b)]
		return uint32(mg.rank), mg.id, ok
	})
}

// candidate is a possible merge of the symbol at pos with its right
// neighbour. key orders candidates: priority in the high 32 bits, pos in
// the low ones, so that equal priorities go leftmost first. left and right
// are the ids the pair had when queued (to spot stale entries) and id the
// merged token.
type candidate struct {
	key         uint64
	left, right int32
	id          int32
}

func candidateKey(priority uint32, pos int32) uint64 {
	return uint64(priority)<<32 | uint64(uint32(pos))
}

// candidateHeap is a binary min-heap on key (hand-rolled: container/heap's
// interface boxing allocated on every push, and a comparison callback cost
// a third of the merge loop).
type candidateHeap []candidate

func (h *candidateHeap) push(c candidate) {
	*h = append(*h, c)
	q := *h
	i := len(q) - 1
	for i > 0 {
		p := (i - 1) / 2
		if q[p].key <= q[i].key {
			break
		}
		q[i], q[p] = q[p], q[i]
		i = p
	}
}

func (h *candidateHeap) pop() candidate {
	q := *h
	top := q[0]
	n := len(q) - 1
	q[0] = q[n]
	q = q[:n]
	for i := 0; ; {
		m, l := i, 2*i+1
		if l < n && q[l].key < q[m].key {
			m = l
		}
		if r := l + 1; r < n && q[r].key < q[m].key {
			m = r
		}
		if m == i {
			break
		}
		q[i], q[m] = q[m], q[i]
		i = m
	}
	*h = q
	return top
}

// mergeList is the symbol list of one word being merged: ids plus the
// links of a doubly linked list, and the heap of candidate merges.
type mergeList struct {
	syms       []int32
	prev, next []int32
	heap       candidateHeap
}

func newMergeList(syms []int32) *mergeList {
	n := len(syms)
	l := &mergeList{syms: syms, prev: make([]int32, n), next: make([]int32, n), heap: make(candidateHeap, 0, n)}
	for i := range n {
		l.prev[i], l.next[i] = int32(i-1), int32(i+1)
	}
	l.next[n-1] = -1
	return l
}

// run pops candidates until none is left. lookup gives the merge of a pair
// (priority, merged id) or ok=false; pairs are queued from every symbol
// at the start and around every merge. Stale candidates (a side already
// merged away or changed) are skipped when popped: a removed symbol's id
// is set to -1.
func (l *mergeList) run(lookup func(a, b int32) (prio uint32, id int32, ok bool)) []int32 {
	push := func(pos int32) {
		nx := l.next[pos]
		if nx < 0 {
			return
		}
		if prio, id, ok := lookup(l.syms[pos], l.syms[nx]); ok {
			l.heap.push(candidate{key: candidateKey(prio, pos), left: l.syms[pos], right: l.syms[nx], id: id})
		}
	}
	for i := range int32(len(l.syms) - 1) {
		push(i)
	}
	for len(l.heap) > 0 {
		c := l.heap.pop()
		pos := int32(uint32(c.key))
		nx := l.next[pos]
		if nx < 0 || l.syms[pos] != c.left || l.syms[nx] != c.right {
			continue
		}
		l.syms[pos] = c.id
		l.syms[nx] = -1
		l.next[pos] = l.next[nx]
		if l.next[nx] >= 0 {
			l.prev[l.next[nx]] = pos
		}
		if p := l.prev[pos]; p >= 0 {
			push(p)
		}
		push(pos)
	}
	out := l.syms[:0]
	for i := int32(0); i >= 0; i = l.next[i] {
		out = append(out, l.syms[i])
	}
	return out
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
