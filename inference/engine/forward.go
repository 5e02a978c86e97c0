package engine

import (
	"fmt"
	"math"

	"github.com/paichain/paichain/inference/kvcache"
	"github.com/paichain/paichain/inference/lora"
	"github.com/paichain/paichain/inference/model"
)

// Which rows of a chunk get logits.
const (
	LogitsNone = iota
	LogitsLast
	LogitsAll
)

// Chunk is a run of consecutive tokens of one sequence in a forward batch:
// Tokens sit at positions Start, Start+1, ... The sequence's KV blocks must
// already cover Start+len(Tokens) positions, and positions before Start must
// be computed.
type Chunk struct {
	Seq     *kvcache.Seq
	Start   int
	Tokens  []int
	Adapter *lora.Adapter // nil = base model
	Logits  int           // LogitsNone, LogitsLast or LogitsAll
}

// Forward is the batched transformer forward pass over a paged KV cache. It
// is not safe for concurrent use (the scheduler goroutine owns it); inside a
// call, work fans out over a worker pool.
type Forward struct {
	m    *model.Model
	cfg  model.Config
	kv   *kvcache.Cache
	pool *pool

	invFreq []float32
	eps     float32
	attnDiv float32

	// Scratch, grown to the largest batch seen.
	rows                   int
	x, xb, q, k, v, att, o []float32
	gate, up, down         []float32
	cos, sin               []float32 // [rows][HeadDim/2]
	pos                    []int
	seq                    []*kvcache.Seq
	scores                 [][]float32 // per worker, [MaxSeqLen]
	segs                   []lora.Segment
	logitRows              []int
	final, logits          []float32
	anyAdapter             bool
}

// NewForward builds a forward pass for m writing K/V into kv, using workers
// goroutines (including the caller).
func NewForward(m *model.Model, kv *kvcache.Cache, workers int) (*Forward, error) {
	c := m.Config
	kc := kv.Config()
	if kc.Layers != c.NLayers || kc.KVDim != c.KVDim() {
		return nil, fmt.Errorf("engine: kv cache is %d layers × %d, model needs %d × %d", kc.Layers, kc.KVDim, c.NLayers, c.KVDim())
	}
	f := &Forward{m: m, cfg: c, kv: kv, pool: newPool(workers), eps: float32(c.RMSEps)}
	// RoPE inverse frequencies rounded to float32, as both llama2.c
	// (powf) and transformers (float32 arange) compute them.
	for _, v := range c.InvFreq() {
		f.invFreq = append(f.invFreq, float32(v))
	}
	f.attnDiv = float32(math.Sqrt(float64(c.HeadDim)))
	f.scores = make([][]float32, f.pool.workers)
	for i := range f.scores {
		f.scores[i] = make([]float32, c.MaxSeqLen)
	}
	return f, nil
}

// Close stops the worker goroutines.
func (f *Forward) Close() { f.pool.close() }

// Model returns the model.
func (f *Forward) Model() *model.Model { return f.m }

// Cache returns the KV cache.
func (f *Forward) Cache() *kvcache.Cache { return f.kv }

func grow(s []float32, n int) []float32 {
	if cap(s) < n {
		return make([]float32, n)
	}
	return s[:n]
}

func (f *Forward) ensure(rows int) {
	c := f.cfg
	f.x = grow(f.x, rows*c.Dim)
	f.xb = grow(f.xb, rows*c.Dim)
	f.q = grow(f.q, rows*c.QDim())
	f.k = grow(f.k, rows*c.KVDim())
	f.v = grow(f.v, rows*c.KVDim())
	f.att = grow(f.att, rows*c.QDim())
	f.o = grow(f.o, rows*c.Dim)
	f.gate = grow(f.gate, rows*c.HiddenDim)
	f.up = grow(f.up, rows*c.HiddenDim)
	f.down = grow(f.down, rows*c.Dim)
	f.cos = grow(f.cos, rows*c.HeadDim/2)
	f.sin = grow(f.sin, rows*c.HeadDim/2)
	f.rows = rows
}

// Run computes one forward step over chunks and returns the logits of the
// requested rows, concatenated in chunk order ([n][VocabSize]; the slice is
// reused by the next call). Chunks sharing an adapter should be adjacent:
// each maximal run of equal adapters becomes one lora.Segment.
func (f *Forward) Run(chunks []Chunk) ([]float32, error) {
	c := f.cfg
	rows := 0
	for i, ch := range chunks {
		if len(ch.Tokens) == 0 || ch.Seq == nil {
			return nil, fmt.Errorf("engine: chunk %d is empty or has no sequence", i)
		}
		end := ch.Start + len(ch.Tokens)
		if ch.Start < 0 || end > c.MaxSeqLen {
			return nil, fmt.Errorf("engine: chunk %d positions [%d, %d) outside context %d", i, ch.Start, end, c.MaxSeqLen)
		}
		if f.kv.BlocksFor(end) > len(ch.Seq.Blocks) {
			return nil, fmt.Errorf("engine: chunk %d needs %d KV blocks, sequence holds %d", i, f.kv.BlocksFor(end), len(ch.Seq.Blocks))
		}
		for _, t := range ch.Tokens {
			if t < 0 || t >= c.VocabSize {
				return nil, fmt.Errorf("engine: token %d outside vocabulary of %d", t, c.VocabSize)
			}
		}
		rows += len(ch.Tokens)
	}
	f.ensure(rows)
	f.pos = f.pos[:0]
	f.seq = f.seq[:0]
	f.segs = f.segs[:0]
	f.logitRows = f.logitRows[:0]
	f.anyAdapter = false
	r := 0
	for _, ch := range chunks {
		if n := len(f.segs); n > 0 && f.segs[n-1].Adapter == ch.Adapter {
			f.segs[n-1].End += len(ch.Tokens)
		} else {
			f.segs = append(f.segs, lora.Segment{Start: r, End: r + len(ch.Tokens), Adapter: ch.Adapter})
		}
		if ch.Adapter != nil {
			f.anyAdapter = true
		}
		for i, t := range ch.Tokens {
			copy(f.x[r*c.Dim:(r+1)*c.Dim], f.m.Embed[t*c.Dim:(t+1)*c.Dim])
			f.pos = append(f.pos, ch.Start+i)
			f.seq = append(f.seq, ch.Seq)
			if ch.Logits == LogitsAll || (ch.Logits == LogitsLast && i == len(ch.Tokens)-1) {
				f.logitRows = append(f.logitRows, r)
			}
			r++
		}
	}
	f.ropeTables(rows)
	for l := range f.m.Layers {
		f.layer(l, rows)
	}
	return f.classify(), nil
}

// ropeTables fills cos/sin for every row's position (float32 angle, as
// llama2.c and transformers compute it).
func (f *Forward) ropeTables(rows int) {
	half := f.cfg.HeadDim / 2
	for r := 0; r < rows; r++ {
		p := float32(f.pos[r])
		for i, fr := range f.invFreq {
			a := float64(p * fr)
			f.cos[r*half+i] = float32(math.Cos(a))
			f.sin[r*half+i] = float32(math.Sin(a))
		}
	}
}

// rope rotates each head of vec (one row) in place.
func (f *Forward) rope(vec []float32, heads, r int) {
	hd := f.cfg.HeadDim
	half := hd / 2
	cs := f.cos[r*half : (r+1)*half]
	sn := f.sin[r*half : (r+1)*half]
	for h := 0; h < heads; h++ {
		v := vec[h*hd : (h+1)*hd]
		if f.cfg.RopeInterleaved {
			for i := 0; i < half; i++ {
				a, b := v[2*i], v[2*i+1]
				v[2*i] = float32(a*cs[i]) - float32(b*sn[i])
				v[2*i+1] = float32(a*sn[i]) + float32(b*cs[i])
			}
		} else {
			for i := 0; i < half; i++ {
				a, b := v[i], v[i+half]
				v[i] = float32(a*cs[i]) - float32(b*sn[i])
				v[i+half] = float32(b*cs[i]) + float32(a*sn[i])
			}
		}
	}
}

// minWorkPerWorker is the smallest share of a parallel section worth handing
// to another goroutine: 32k multiply-adds, ~20 µs of scalar work, well above
// an idle hand-off (~1 µs) and enough to stay ahead when the machine is
// oversubscribed and a hand-off can cost a scheduler quantum. Tiny models
// (stories260K) therefore run mostly on the calling goroutine.
const minWorkPerWorker = 1 << 15

// minRowsPerWorker converts minWorkPerWorker into weight rows of length k
// applied to rows inputs.
func minRowsPerWorker(k, rows int) int { return max(1, minWorkPerWorker/max(1, k*rows)) }

// linear computes out = x·Wᵀ (+b) for all rows, then adds the LoRA deltas.
func (f *Forward) linear(l int, mi int, lin *model.Linear, x, out []float32, rows int) {
	f.pool.parallel(lin.Out, minRowsPerWorker(lin.In, rows), func(_, lo, hi int) {
		matmul(out, x, lin.W, lin.B, rows, lin.In, lin.Out, lo, hi)
	})
	if f.anyAdapter {
		lora.ApplySegmentsAt(l, mi, x[:rows*lin.In], lin.In, out[:rows*lin.Out], lin.Out, f.segs, f.pool.workers)
	}
}

// linear3 runs three linear layers sharing one input in a single parallel
// section (q/k/v, or gate/up with c unused).
func (f *Forward) linearN(x []float32, rows int, lins []*model.Linear, outs [][]float32) {
	total := 0
	for _, lin := range lins {
		total += lin.Out
	}
	k := lins[0].In
	f.pool.parallel(total, minRowsPerWorker(k, rows), func(_, lo, hi int) {
		base := 0
		for i, lin := range lins {
			a, b := max(lo-base, 0), min(hi-base, lin.Out)
			if a < b {
				matmul(outs[i], x, lin.W, lin.B, rows, k, lin.Out, a, b)
			}
			base += lin.Out
		}
	})
}

func (f *Forward) layer(l, rows int) {
	c := f.cfg
	L := &f.m.Layers[l]
	dim, qd, kvd := c.Dim, c.QDim(), c.KVDim()
	for r := 0; r < rows; r++ {
		rmsnorm(f.xb[r*dim:(r+1)*dim], f.x[r*dim:(r+1)*dim], L.AttnNorm, f.eps)
	}
	xb := f.xb[:rows*dim]
	f.linearN(xb, rows, []*model.Linear{&L.Q, &L.K, &L.V}, [][]float32{f.q, f.k, f.v})
	if f.anyAdapter {
		w := f.pool.workers
		lora.ApplySegmentsAt(l, 0, xb, dim, f.q[:rows*qd], qd, f.segs, w)
		lora.ApplySegmentsAt(l, 1, xb, dim, f.k[:rows*kvd], kvd, f.segs, w)
		lora.ApplySegmentsAt(l, 2, xb, dim, f.v[:rows*kvd], kvd, f.segs, w)
	}
	// RoPE, then store K/V for every row before any row attends, so rows of
	// the same chunk see each other's keys.
	K, V := f.kv.K[l], f.kv.V[l]
	for r := 0; r < rows; r++ {
		f.rope(f.q[r*qd:(r+1)*qd], c.NHeads, r)
		f.rope(f.k[r*kvd:(r+1)*kvd], c.NKVHeads, r)
		off := f.kv.Row(f.seq[r], f.pos[r])
		copy(K[off:off+kvd], f.k[r*kvd:(r+1)*kvd])
		copy(V[off:off+kvd], f.v[r*kvd:(r+1)*kvd])
	}
	// Attention: one (row, head) unit per task.
	unitWork := 2 * c.HeadDim * (f.pos[rows-1] + 1) // one (row, head) unit, roughly
	f.pool.parallel(rows*c.NHeads, max(1, minWorkPerWorker/unitWork), func(w, lo, hi int) {
		for u := lo; u < hi; u++ {
			f.attend(l, u/c.NHeads, u%c.NHeads, f.scores[w])
		}
	})
	f.linear(l, 3, &L.O, f.att[:rows*qd], f.o, rows)
	add(f.x[:rows*dim], f.o[:rows*dim])

	for r := 0; r < rows; r++ {
		rmsnorm(f.xb[r*dim:(r+1)*dim], f.x[r*dim:(r+1)*dim], L.FFNNorm, f.eps)
	}
	hd := c.HiddenDim
	f.linearN(xb, rows, []*model.Linear{&L.Gate, &L.Up}, [][]float32{f.gate, f.up})
	if f.anyAdapter {
		w := f.pool.workers
		lora.ApplySegmentsAt(l, 4, xb, dim, f.gate[:rows*hd], hd, f.segs, w)
		lora.ApplySegmentsAt(l, 5, xb, dim, f.up[:rows*hd], hd, f.segs, w)
	}
	for r := 0; r < rows; r++ {
		swiglu(f.gate[r*hd:(r+1)*hd], f.up[r*hd:(r+1)*hd])
	}
	f.linear(l, 6, &L.Down, f.gate[:rows*hd], f.down, rows)
	add(f.x[:rows*dim], f.down[:rows*dim])
}

// attend computes one head of one row: causal (optionally sliding-window)
// softmax attention over the row's sequence, positions in ascending order.
// It walks the block table block by block, so no per-position division.
func (f *Forward) attend(l, r, h int, scores []float32) {
	c := f.cfg
	hd, kvd := c.HeadDim, c.KVDim()
	kvh := h / (c.NHeads / c.NKVHeads)
	q := f.q[r*c.QDim()+h*hd : r*c.QDim()+(h+1)*hd]
	out := f.att[r*c.QDim()+h*hd : r*c.QDim()+(h+1)*hd : r*c.QDim()+(h+1)*hd]
	K, V := f.kv.K[l], f.kv.V[l]
	seq, pos := f.seq[r], f.pos[r]
	bs := f.kv.Config().BlockSize
	start := 0
	if c.SlidingWindow > 0 {
		start = max(0, pos-c.SlidingWindow+1)
	}
	sc := scores[:pos+1-start]
	maxS := float32(math.Inf(-1))
	i := 0
	for t := start; t <= pos; {
		within := t % bs
		n := min(bs-within, pos+1-t)
		off := (int(seq.Blocks[t/bs])*bs+within)*kvd + kvh*hd
		j := 0
		if hd == 8 {
			// Small heads (llama2.c's tiny models): dot's tree for n = 8,
			// inlined, so a score costs no call.
			q8 := q[:8:8]
			for ; j < n; j++ {
				k8 := K[off : off+8 : off+8]
				s := ((float32(q8[0]*k8[0]) + float32(q8[1]*k8[1])) + (float32(q8[2]*k8[2]) + float32(q8[3]*k8[3]))) +
					((float32(q8[4]*k8[4]) + float32(q8[5]*k8[5])) + (float32(q8[6]*k8[6]) + float32(q8[7]*k8[7])))
				sc[i] = s / f.attnDiv
				i++
				off += kvd
			}
		}
		// Four positions per dot4 call: the same per-score arithmetic as dot.
		for ; j+4 <= n; j += 4 {
			s0, s1, s2, s3 := dot4(q, K[off:off+hd], K[off+kvd:off+kvd+hd], K[off+2*kvd:off+2*kvd+hd], K[off+3*kvd:off+3*kvd+hd])
			sc[i], sc[i+1], sc[i+2], sc[i+3] = s0/f.attnDiv, s1/f.attnDiv, s2/f.attnDiv, s3/f.attnDiv
			i += 4
			off += 4 * kvd
		}
		for ; j < n; j++ {
			sc[i] = dot(q, K[off:off+hd:off+hd]) / f.attnDiv
			i++
			off += kvd
		}
		t += n
	}
	for _, s := range sc {
		if s > maxS {
			maxS = s
		}
	}
	var sum float32
	for i, s := range sc {
		e := expf(s - maxS)
		sc[i] = e
		sum += e
	}
	inv := 1 / sum
	for i := range sc {
		sc[i] *= inv
	}
	// out[k] = Σ_t p_t·V[t][k], summed in ascending t. Columns go eight at a
	// time with register accumulators (same per-element order and rounding
	// as a plain loop; products rounded explicitly so nothing fuses).
	k0 := 0
	for ; k0+8 <= hd; k0 += 8 {
		var acc [8]float32
		i = 0
		for t := start; t <= pos; {
			within := t % bs
			n := min(bs-within, pos+1-t)
			off := (int(seq.Blocks[t/bs])*bs+within)*kvd + kvh*hd + k0
			wsum8(&acc, sc[i:i+n], V, off, kvd)
			i += n
			t += n
		}
		copy(out[k0:k0+8], acc[:])
	}
	for ; k0 < hd; k0++ {
		var a float32
		i = 0
		for t := start; t <= pos; t++ {
			off := f.kv.Row(seq, t) + kvh*hd + k0
			a += float32(sc[i] * V[off])
			i++
		}
		out[k0] = a
	}
}

// classify applies the final norm and the classifier to the logit rows.
func (f *Forward) classify() []float32 {
	c := f.cfg
	n := len(f.logitRows)
	if n == 0 {
		return nil
	}
	f.final = grow(f.final, n*c.Dim)
	f.logits = grow(f.logits, n*c.VocabSize)
	for i, r := range f.logitRows {
		rmsnorm(f.final[i*c.Dim:(i+1)*c.Dim], f.x[r*c.Dim:(r+1)*c.Dim], f.m.Norm, f.eps)
	}
	f.pool.parallel(c.VocabSize, minRowsPerWorker(c.Dim, n), func(_, lo, hi int) {
		matmul(f.logits, f.final, f.m.LMHead, nil, n, c.Dim, c.VocabSize, lo, hi)
	})
	return f.logits
}
