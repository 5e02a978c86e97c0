package engine

import (
	"math"
	"sync"
	"sync/atomic"
)

// Every reduction in the forward pass goes through dot (or dot4, which
// computes exactly the same per-output arithmetic for four weight rows at
// once). The portable versions are dotScalar/dot4Scalar; a build with
// GOEXPERIMENT=simd on amd64 with AVX2 uses 8-lane vector versions whose
// lanes are the eight partial sums, so they return the same bits. The summation tree is fixed: eight partial sums over i mod 8,
// combined pairwise ((s0+s1)+(s2+s3))+((s4+s5)+(s6+s7)), then the tail in
// order. Each product is rounded to float32 explicitly so no build can fuse
// it into an FMA. An output element therefore depends only on its input row
// and weight row — never on the batch, the row's position in it, or how the
// work is split across goroutines. That is the batch-invariance guarantee.

// dotScalar returns the fixed-order float32 dot product of a and b[:len(a)].
func dotScalar(a, b []float32) float32 {
	n := len(a)
	b = b[:n]
	var s0, s1, s2, s3, s4, s5, s6, s7 float32
	i := 0
	for ; i+8 <= n; i += 8 {
		aa := a[i : i+8 : i+8]
		bb := b[i : i+8 : i+8]
		s0 += float32(aa[0] * bb[0])
		s1 += float32(aa[1] * bb[1])
		s2 += float32(aa[2] * bb[2])
		s3 += float32(aa[3] * bb[3])
		s4 += float32(aa[4] * bb[4])
		s5 += float32(aa[5] * bb[5])
		s6 += float32(aa[6] * bb[6])
		s7 += float32(aa[7] * bb[7])
	}
	s := ((s0 + s1) + (s2 + s3)) + ((s4 + s5) + (s6 + s7))
	for ; i < n; i++ {
		s += float32(a[i] * b[i])
	}
	return s
}

// dot4Scalar is four dots of x against four weight rows.
func dot4Scalar(x, w0, w1, w2, w3 []float32) (float32, float32, float32, float32) {
	return dotScalar(x, w0), dotScalar(x, w1), dotScalar(x, w2), dotScalar(x, w3)
}

// wsum8Scalar adds Σ_j p[j]·v_j to acc, where v_j = V[off+j·stride :][:8],
// in ascending j, each product rounded before its add.
func wsum8Scalar(acc *[8]float32, p []float32, V []float32, off, stride int) {
	a0, a1, a2, a3, a4, a5, a6, a7 := acc[0], acc[1], acc[2], acc[3], acc[4], acc[5], acc[6], acc[7]
	for _, pj := range p {
		v := V[off : off+8 : off+8]
		a0 += float32(pj * v[0])
		a1 += float32(pj * v[1])
		a2 += float32(pj * v[2])
		a3 += float32(pj * v[3])
		a4 += float32(pj * v[4])
		a5 += float32(pj * v[5])
		a6 += float32(pj * v[6])
		a7 += float32(pj * v[7])
		off += stride
	}
	*acc = [8]float32{a0, a1, a2, a3, a4, a5, a6, a7}
}

// matmul computes out[t][n] = dot(x[t], w[n]) (+ bias[n]) for weight rows
// n in [lo, hi) and all T input rows. x is T×k, w is N×k, out is T×N.
// Weight rows are the outer loop, four at a time, so each streams from
// memory once per call and stays in cache across the T inputs.
func matmul(out, x, w, bias []float32, T, k, N, lo, hi int) {
	n := lo
	for ; n+4 <= hi; n += 4 {
		w0 := w[n*k : (n+1)*k : (n+1)*k]
		w1 := w[(n+1)*k : (n+2)*k : (n+2)*k]
		w2 := w[(n+2)*k : (n+3)*k : (n+3)*k]
		w3 := w[(n+3)*k : (n+4)*k : (n+4)*k]
		var b0, b1, b2, b3 float32
		if bias != nil {
			b0, b1, b2, b3 = bias[n], bias[n+1], bias[n+2], bias[n+3]
		}
		for t := 0; t < T; t++ {
			d0, d1, d2, d3 := dot4(x[t*k:(t+1)*k], w0, w1, w2, w3)
			o := out[t*N+n : t*N+n+4 : t*N+n+4]
			o[0], o[1], o[2], o[3] = d0+b0, d1+b1, d2+b2, d3+b3
		}
	}
	for ; n < hi; n++ {
		wr := w[n*k : (n+1)*k : (n+1)*k]
		var b float32
		if bias != nil {
			b = bias[n]
		}
		for t := 0; t < T; t++ {
			out[t*N+n] = dot(x[t*k:(t+1)*k], wr) + b
		}
	}
}

// rmsnorm writes w ⊙ x / sqrt(mean(x²) + eps) to out, row by row.
func rmsnorm(out, x, w []float32, eps float32) {
	ss := dot(x, x)/float32(len(x)) + eps
	inv := float32(1 / math.Sqrt(float64(ss)))
	w = w[:len(x)]
	out = out[:len(x)]
	for i, v := range x {
		out[i] = w[i] * (inv * v)
	}
}

// expf is a float32 exp for x ≤ 0 (softmax inputs), Cephes-style: x = n·ln2
// + r with |r| ≤ ln2/2, a degree-6 polynomial for e^r, scaled by 2^n. Every
// product is rounded explicitly, so it is deterministic across builds;
// TestExpf bounds its error against math.Exp (≤ 2 ulp).
func expf(x float32) float32 {
	if x < -87 {
		return 0 // below the smallest normal float32; softmax weight is nil
	}
	if x > 0 {
		return float32(math.Exp(float64(x)))
	}
	// n = floor(x·log2(e) + 0.5), without math.Floor's call on amd64 v1.
	y := float32(x*1.44269504088896341) + 0.5
	ni := int32(y) // truncates toward zero; y ≤ 0.5 here
	if float32(ni) > y {
		ni--
	}
	n := float32(ni)
	r := x - float32(n*0.693359375)
	r = r - float32(n*-2.12194440e-4)
	p := float32(float32(1.9875691500e-4)*r) + 1.3981999507e-3
	p = float32(p*r) + 8.3334519073e-3
	p = float32(p*r) + 4.1665795894e-2
	p = float32(p*r) + 1.6666665459e-1
	p = float32(p*r) + 5.0000001201e-1
	p = float32(float32(p*r)*r) + r + 1
	return p * math.Float32frombits(uint32(ni+127)<<23)
}

// silu(gate) ⊙ up, in place into gate.
func swiglu(gate, up []float32) {
	up = up[:len(gate)]
	for i, g := range gate {
		s := g * float32(1/(1+math.Exp(-float64(g))))
		gate[i] = s * up[i]
	}
}

// add accumulates src into dst.
func add(dst, src []float32) {
	src = src[:len(dst)]
	for i := range dst {
		dst[i] += src[i]
	}
}

// pool runs data-parallel loops on persistent goroutines. parallel splits
// [0, n) into contiguous ranges, one per worker; callers only use it for work
// whose per-element results do not depend on the split.
//
// A decode step of a small model has dozens of parallel sections of a few
// microseconds each, so hand-off latency matters: both sides spin briefly on
// atomic sequence numbers and only then park on a channel. Spinning must stay
// short: on an oversubscribed machine the other side may not be running at
// all, and a long spin would only burn the time slice it needs.
type pool struct {
	workers int
	slots   []*slot
	closed  atomic.Bool
	once    sync.Once
}

type slot struct {
	seq      atomic.Uint64 // bumped when a task is posted
	done     atomic.Uint64 // set to seq when it finished
	sleeping atomic.Bool   // worker parked on wake
	wake     chan struct{}
	waiting  atomic.Bool // caller parked on finished
	finished chan struct{}
	f        func(w, lo, hi int)
	w        int
	lo, hi   int
}

// Spin budgets (loop iterations, roughly 1 ns each) before parking.
const (
	workerSpin = 1 << 14
	callerSpin = 1 << 12
)

func newPool(workers int) *pool {
	p := &pool{workers: max(1, workers)}
	for i := 1; i < p.workers; i++ {
		s := &slot{wake: make(chan struct{}, 1), finished: make(chan struct{}, 1)}
		p.slots = append(p.slots, s)
		go p.work(s)
	}
	return p
}

func (p *pool) work(s *slot) {
	var last uint64
	for {
		for spins := 0; s.seq.Load() == last; spins++ {
			if p.closed.Load() {
				return
			}
			if spins < workerSpin {
				continue
			}
			s.sleeping.Store(true)
			if s.seq.Load() == last && !p.closed.Load() {
				<-s.wake
			}
			s.sleeping.Store(false)
			spins = 0
		}
		last = s.seq.Load()
		s.f(s.w, s.lo, s.hi)
		s.done.Store(last)
		if s.waiting.Load() {
			select {
			case s.finished <- struct{}{}:
			default:
			}
		}
	}
}

func (p *pool) close() {
	p.once.Do(func() {
		p.closed.Store(true)
		for _, s := range p.slots {
			select {
			case s.wake <- struct{}{}:
			default:
			}
		}
	})
}

// parallel runs f over [0, n) split among up to p.workers workers, but
// gives each worker at least minPer elements. Worker 0 is the caller.
func (p *pool) parallel(n, minPer int, f func(w, lo, hi int)) {
	if n <= 0 {
		return
	}
	nw := p.workers
	if minPer > 0 {
		nw = min(nw, max(1, n/minPer))
	}
	nw = min(nw, n)
	if nw <= 1 {
		f(0, 0, n)
		return
	}
	for i := 1; i < nw; i++ {
		s := p.slots[i-1]
		s.f, s.w, s.lo, s.hi = f, i, n*i/nw, n*(i+1)/nw
		s.seq.Add(1)
		if s.sleeping.Load() {
			select {
			case s.wake <- struct{}{}:
			default:
			}
		}
	}
	f(0, 0, n/nw)
	for i := 1; i < nw; i++ {
		s := p.slots[i-1]
		for spins := 0; s.done.Load() != s.seq.Load() && spins < callerSpin; spins++ {
		}
		// Park; a stale token from an earlier round only costs a re-check.
		s.waiting.Store(true)
		for s.done.Load() != s.seq.Load() {
			<-s.finished
		}
		s.waiting.Store(false)
	}
}
