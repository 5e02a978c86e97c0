// Package sa builds and searches the suffix array of a Datanet's token
// array.
//
// The token array holds 3-byte little-endian token ids; every document is
// followed by Sentinel. The suffix array lists every non-sentinel position,
// ordered by the suffix read up to and including its first sentinel,
// comparing ids as unsigned integers (Sentinel, the largest value, sorts
// after every token); two suffixes equal through their sentinels are ordered
// by position. This order never looks past a document's end, so comparisons
// cost at most one document length, and the suffixes starting with any
// sentinel-free pattern form one contiguous range.
//
// Construction is external: the positions are cut into chunks of
// Options.ChunkSuffixes, each chunk is sorted in memory (LSD radix sort on a
// 63-bit key of the first three tokens, then comparison sort of equal-key
// groups), written to a run file, and the runs are k-way merged by
// comparing suffixes in the (memory-mapped) token array.
package sa

import (
	"bufio"
	"cmp"
	"container/heap"
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
)

// TokenWidth is the bytes per token in the token array.
const TokenWidth = 3

// Sentinel ends every document.
const Sentinel = 1<<24 - 1

// MaxToken is the largest token id a Datanet can hold (21 bits: the sort key
// packs three ids and a terminator code).
const MaxToken = 1<<21 - 2

// Text is a token array: TokenWidth bytes per token, little-endian.
type Text []byte

// Len is the token count.
func (t Text) Len() int64 { return int64(len(t) / TokenWidth) }

// At is token i.
func (t Text) At(i int64) uint32 {
	b := t[TokenWidth*i : TokenWidth*i+TokenWidth]
	return uint32(b[0]) | uint32(b[1])<<8 | uint32(b[2])<<16
}

// Compare orders suffixes a and b (non-sentinel positions) by the rule in
// the package comment.
func (t Text) Compare(a, b int64) int { return t.compareFrom(a, b, 0) }

func (t Text) compareFrom(a, b, k int64) int {
	for ; ; k++ {
		x, y := t.At(a+k), t.At(b+k)
		if x != y {
			return cmp.Compare(x, y)
		}
		if x == Sentinel {
			return cmp.Compare(a, b)
		}
	}
}

const (
	keyBits = 21
	keyTerm = 1<<keyBits - 1 // a sentinel inside the key; the rest is zero
)

// key packs the first three tokens of suffix i (whose first token is not a
// sentinel); term reports a sentinel among them, after which the suffix
// order is settled by the key alone plus the position.
func (t Text) key(i int64) (k uint64, term bool) {
	k = uint64(t.At(i)) << (2 * keyBits)
	for s := int64(1); s < 3; s++ {
		x := t.At(i + s)
		if x == Sentinel {
			return k | keyTerm<<(keyBits*(2-s)), true
		}
		k |= uint64(x) << (keyBits * (2 - s))
	}
	return k, false
}

// SA is a stored suffix array: Width bytes per entry, little-endian.
type SA struct {
	B     []byte
	Width int
}

// Len is the entry count.
func (s SA) Len() int64 { return int64(len(s.B) / s.Width) }

// At is entry i.
func (s SA) At(i int64) int64 {
	var v uint64
	b := s.B[int64(s.Width)*i : int64(s.Width)*(i+1)]
	for j := len(b) - 1; j >= 0; j-- {
		v = v<<8 | uint64(b[j])
	}
	return int64(v)
}

// WidthFor is the entry width for a token array of n tokens: 4 bytes below
// 2^32 tokens, else 5 (up to 2^40).
func WidthFor(n int64) int {
	if n < 1<<32 {
		return 4
	}
	return 5
}

func putEntry(b []byte, v int64) {
	for j := range b {
		b[j] = byte(v >> (8 * j))
	}
}

// Options tune construction.
type Options struct {
	// ChunkSuffixes bounds the suffixes sorted in memory at once; the sort
	// uses 32 bytes per suffix. Zero means DefaultChunk.
	ChunkSuffixes int
	// TempDir holds the run files (default os.TempDir()).
	TempDir string
}

// DefaultChunk is 8 Mi suffixes: a 256 MiB sort working set.
const DefaultChunk = 1 << 23

type entry struct {
	key uint64
	pos int64
}

// Build writes the suffix array of text to w (width bytes per entry) and
// returns the entry count. The text must end with a sentinel and hold no id
// above MaxToken.
func Build(text Text, w io.Writer, width int, opt Options) (int64, error) {
	n := text.Len()
	if n > 0 && text.At(n-1) != Sentinel {
		return 0, errors.New("sa: token array does not end with a sentinel")
	}
	chunk := int64(opt.ChunkSuffixes)
	if chunk <= 0 {
		chunk = DefaultChunk
	}
	var (
		runFile *os.File // every run, one after another
		runOut  *bufio.Writer
		runs    [][2]int64 // byte offset and length of each run
		end     int64
	)
	defer func() {
		if runFile != nil {
			runFile.Close()
			os.Remove(runFile.Name())
		}
	}()
	buf := make([]entry, 0, min(chunk, n))
	tmp := make([]entry, min(chunk, n))
	var total int64
	for start := int64(0); start < n; {
		buf = buf[:0]
		for ; start < n && int64(len(buf)) < chunk; start++ {
			x := text.At(start)
			if x == Sentinel {
				continue
			}
			if x > MaxToken {
				return 0, fmt.Errorf("sa: token %d at %d exceeds %d", x, start, MaxToken)
			}
			k, _ := text.key(start)
			buf = append(buf, entry{k, start})
		}
		if len(buf) == 0 {
			break
		}
		sortChunk(text, buf, tmp[:len(buf)])
		total += int64(len(buf))
		if len(runs) == 0 && start >= n { // one chunk: no merge
			return total, writeEntries(bufio.NewWriterSize(w, 1<<20), buf, width)
		}
		if runFile == nil {
			f, err := os.CreateTemp(opt.TempDir, "sa-runs-*")
			if err != nil {
				return 0, fmt.Errorf("sa: run file: %w", err)
			}
			runFile = f
			runOut = bufio.NewWriterSize(f, int(min(1<<20, n*int64(width))))
		}
		size := int64(len(buf)) * int64(width)
		if err := writeEntries(runOut, buf, width); err != nil {
			return 0, err
		}
		runs = append(runs, [2]int64{end, size})
		end += size
	}
	if len(runs) == 0 {
		return total, nil
	}
	buf, tmp = nil, nil // let the merge run in little memory
	if err := merge(text, runFile, runs, w, width); err != nil {
		return 0, err
	}
	return total, nil
}

func writeEntries(w *bufio.Writer, es []entry, width int) error {
	var b [8]byte
	for _, e := range es {
		putEntry(b[:width], e.pos)
		if _, err := w.Write(b[:width]); err != nil {
			return fmt.Errorf("sa: write: %w", err)
		}
	}
	if err := w.Flush(); err != nil {
		return fmt.Errorf("sa: write: %w", err)
	}
	return nil
}

// sortChunk sorts es (in position order on entry) by suffix order: a stable
// LSD radix sort on the key, then a comparison sort of each run of equal
// keys that the key does not settle.
func sortChunk(text Text, es, tmp []entry) {
	if len(es) < 1<<12 { // radix passes cost 4 x 64 Ki counters
		slices.SortFunc(es, func(a, b entry) int {
			if c := cmp.Compare(a.key, b.key); c != 0 || keyTerminated(a.key) {
				if c == 0 {
					return cmp.Compare(a.pos, b.pos)
				}
				return c
			}
			return text.compareFrom(a.pos, b.pos, 3)
		})
		return
	}
	const digit = 16
	var count [1 << digit]int
	src, dst := es, tmp
	for shift := 0; shift < 64; shift += digit {
		clear(count[:])
		for _, e := range src {
			count[(e.key>>shift)&(1<<digit-1)]++
		}
		if count[(src[0].key>>shift)&(1<<digit-1)] == len(src) {
			continue // every key has this digit
		}
		sum := 0
		for i, c := range count {
			count[i] = sum
			sum += c
		}
		for _, e := range src {
			d := (e.key >> shift) & (1<<digit - 1)
			dst[count[d]] = e
			count[d]++
		}
		src, dst = dst, src
	}
	if &src[0] != &es[0] {
		copy(es, src)
	}
	for i := 0; i < len(es); {
		j := i + 1
		for j < len(es) && es[j].key == es[i].key {
			j++
		}
		if j-i > 1 && !keyTerminated(es[i].key) {
			slices.SortFunc(es[i:j], func(a, b entry) int { return text.compareFrom(a.pos, b.pos, 3) })
		}
		i = j
	}
}

func keyTerminated(k uint64) bool {
	return (k>>keyBits)&keyTerm == keyTerm || k&keyTerm == keyTerm
}

type run struct {
	r    *bufio.Reader
	head entry
	b    []byte
}

type runHeap struct {
	text Text
	runs []*run
}

func (h *runHeap) Len() int { return len(h.runs) }
func (h *runHeap) Less(i, j int) bool {
	a, b := h.runs[i].head, h.runs[j].head
	if a.key != b.key {
		return a.key < b.key
	}
	if keyTerminated(a.key) {
		return a.pos < b.pos
	}
	return h.text.compareFrom(a.pos, b.pos, 3) < 0
}
func (h *runHeap) Swap(i, j int) { h.runs[i], h.runs[j] = h.runs[j], h.runs[i] }
func (h *runHeap) Push(x any)    { h.runs = append(h.runs, x.(*run)) }
func (h *runHeap) Pop() any {
	r := h.runs[len(h.runs)-1]
	h.runs = h.runs[:len(h.runs)-1]
	return r
}

// next loads the run's next entry; false at its end.
func (r *run) next(text Text) (bool, error) {
	if _, err := io.ReadFull(r.r, r.b); err != nil {
		if err == io.EOF {
			return false, nil
		}
		return false, fmt.Errorf("sa: read run: %w", err)
	}
	r.head.pos = SA{r.b, len(r.b)}.At(0)
	r.head.key, _ = text.key(r.head.pos)
	return true, nil
}

func merge(text Text, f *os.File, runs [][2]int64, w io.Writer, width int) error {
	h := &runHeap{text: text}
	for _, rn := range runs {
		// At most 64 KiB per run: with the default chunk, a 2^32-token
		// corpus merges 512 runs in 32 MiB of buffers.
		sr := io.NewSectionReader(f, rn[0], rn[1])
		r := &run{r: bufio.NewReaderSize(sr, int(min(1<<16, max(16, rn[1])))), b: make([]byte, width)}
		ok, err := r.next(text)
		if err != nil {
			return err
		}
		if ok {
			h.runs = append(h.runs, r)
		}
	}
	heap.Init(h)
	out := bufio.NewWriterSize(w, 1<<20)
	var b [8]byte
	for h.Len() > 0 {
		r := h.runs[0]
		putEntry(b[:width], r.head.pos)
		if _, err := out.Write(b[:width]); err != nil {
			return fmt.Errorf("sa: write: %w", err)
		}
		ok, err := r.next(text)
		if err != nil {
			return err
		}
		if ok {
			heap.Fix(h, 0)
		} else {
			heap.Pop(h)
		}
	}
	if err := out.Flush(); err != nil {
		return fmt.Errorf("sa: write: %w", err)
	}
	return nil
}

// Narrow returns the sub-range of [lo, hi) — suffixes that share a depth-d
// prefix — whose token at depth d is tok.
func Narrow(text Text, s SA, lo, hi, d int64, tok uint32) (int64, int64) {
	at := func(m int64) uint32 { return text.At(s.At(m) + d) }
	a, b := lo, hi
	for a < b { // first m with at(m) >= tok
		m := a + (b-a)/2
		if at(m) < tok {
			a = m + 1
		} else {
			b = m
		}
	}
	first := a
	b = hi
	for a < b { // first m with at(m) > tok
		m := a + (b-a)/2
		if at(m) <= tok {
			a = m + 1
		} else {
			b = m
		}
	}
	return first, a
}

// Find returns the range of suffixes starting with pattern.
func Find(text Text, s SA, pattern []uint32) (int64, int64) {
	lo, hi := int64(0), s.Len()
	for d, tok := range pattern {
		if lo == hi {
			break
		}
		lo, hi = Narrow(text, s, lo, hi, int64(d), tok)
	}
	return lo, hi
}

// ErrInvalid is wrapped by Check's findings.
var ErrInvalid = errors.New("invalid suffix array")

// Check verifies that s is exactly the sorted suffix array of text: a
// permutation of the non-sentinel positions in suffix order. It needs n/8
// bytes of memory.
func Check(text Text, s SA) error {
	n := text.Len()
	seen := make([]uint64, (n+63)/64)
	var want int64
	for i := int64(0); i < n; i++ {
		if text.At(i) != Sentinel {
			want++
		}
	}
	if n > 0 && text.At(n-1) != Sentinel {
		return fmt.Errorf("%w: token array does not end with a sentinel", ErrInvalid)
	}
	if s.Len() != want {
		return fmt.Errorf("%w: %d entries for %d suffixes", ErrInvalid, s.Len(), want)
	}
	for i := int64(0); i < s.Len(); i++ {
		p := s.At(i)
		if p < 0 || p >= n || text.At(p) == Sentinel {
			return fmt.Errorf("%w: entry %d = %d is not a suffix position", ErrInvalid, i, p)
		}
		if seen[p/64]&(1<<(p%64)) != 0 {
			return fmt.Errorf("%w: position %d appears twice (not a permutation)", ErrInvalid, p)
		}
		seen[p/64] |= 1 << (p % 64)
		if i > 0 && text.Compare(s.At(i-1), p) >= 0 {
			return fmt.Errorf("%w: entries %d and %d out of order", ErrInvalid, i-1, i)
		}
	}
	return nil
}
