package lora

import (
	"fmt"
	"runtime"
	"sync"
)

// Segment is a contiguous run of batch rows [Start, End) sharing one
// adapter; a nil Adapter means base model only (nothing is added).
// Segments of one call must not overlap; they need not be sorted or cover
// every row.
type Segment struct {
	Start, End int
	Adapter    *Adapter
}

// parallelMinFlops is the per-call work below which ApplySegments stays on
// the calling goroutine: spawning workers costs more than it saves.
const parallelMinFlops = 1 << 17

// ApplySegments adds the LoRA delta of one linear module of one layer to a
// batch: y[i,:] += scale · B(A x[i,:]) for every row i of every segment
// whose adapter targets the module. x is rows×inDim and y rows×outDim,
// row-major. Several segments may use the same adapter (SGMV); one-row
// segments are the decode case (BGMV).
//
// Each row is computed on its own with a fixed summation order (see dot),
// so a row's result depends only on its x row and its adapter: never on
// the other rows, the segment layout or how the work is split across
// goroutines. It panics when a segment or factor shape does not match the
// buffers, which is a caller bug (adapters are validated at load).
func ApplySegments(layer int, module string, x []float32, inDim int, y []float32, outDim int, segs []Segment) {
	mi, ok := ModuleIndex(module)
	if !ok {
		panic(fmt.Sprintf("lora: ApplySegments: unknown module %q", module))
	}
	ApplySegmentsAt(layer, mi, x, inDim, y, outDim, segs, 0)
}

// maxStackRank is the rank up to which the shrink result lives in a stack
// buffer; larger ranks allocate it.
const maxStackRank = 256

// ApplySegmentsAt is ApplySegments with the module as an index into Modules
// and an explicit worker limit (0 = GOMAXPROCS; 1 = the calling goroutine
// only). Work is split into contiguous runs of adapter rows, so it needs
// no allocation beyond the goroutines.
func ApplySegmentsAt(layer, mi int, x []float32, inDim int, y []float32, outDim int, segs []Segment, workers int) {
	if inDim <= 0 || outDim <= 0 || len(x)%inDim != 0 || len(y)%outDim != 0 || len(x)/inDim != len(y)/outDim {
		panic(fmt.Sprintf("lora: ApplySegments: x has %d values for in=%d, y %d for out=%d", len(x), inDim, len(y), outDim))
	}
	rows := len(x) / inDim
	jobs, flops := 0, 0
	for _, s := range segs {
		if s.Start < 0 || s.End > rows || s.Start > s.End {
			panic(fmt.Sprintf("lora: ApplySegments: segment [%d, %d) outside %d rows", s.Start, s.End, rows))
		}
		p := s.Adapter.PairAt(layer, mi)
		if p == nil {
			continue
		}
		if p.In != inDim || p.Out != outDim {
			panic(fmt.Sprintf("lora: ApplySegments: adapter %x layer %d %s is [%d→%d], buffers are [%d→%d]",
				s.Adapter.Hash[:4], layer, Modules[mi], p.In, p.Out, inDim, outDim))
		}
		jobs += s.End - s.Start
		flops += (s.End - s.Start) * p.R * (p.In + p.Out)
	}
	if jobs == 0 {
		return
	}
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	workers = min(workers, jobs, max(1, flops/parallelMinFlops))
	if workers <= 1 {
		applyRange(layer, mi, x, inDim, y, outDim, segs, 0, jobs)
		return
	}
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func(lo, hi int) {
			defer wg.Done()
			applyRange(layer, mi, x, inDim, y, outDim, segs, lo, hi)
		}(jobs*w/workers, jobs*(w+1)/workers)
	}
	wg.Wait()
}

// applyRange applies the adapter rows numbered [lo, hi) in segment order
// (rows of segments without factors for the module are not numbered).
func applyRange(layer, mi int, x []float32, inDim int, y []float32, outDim int, segs []Segment, lo, hi int) {
	var stack [maxStackRank]float32
	n := 0
	for _, s := range segs {
		p := s.Adapter.PairAt(layer, mi)
		if p == nil {
			continue
		}
		a, b := max(lo-n, 0), min(hi-n, s.End-s.Start)
		n += s.End - s.Start
		if a >= b {
			if n >= hi {
				return
			}
			continue
		}
		t := stack[:]
		if p.R > maxStackRank {
			t = make([]float32, p.R)
		}
		t = t[:p.R]
		for row := s.Start + a; row < s.Start+b; row++ {
			applyRow(p, s.Adapter.Scale, x[row*inDim:(row+1)*inDim], y[row*outDim:(row+1)*outDim], t)
		}
	}
}

// applyRow is one row's shrink (t = scale·A·x) and expand (y += B·t).
func applyRow(p *Pair, scale float32, x, y, t []float32) {
	for r := range t {
		t[r] = scale * dot(p.A[r*p.In:(r+1)*p.In], x)
	}
	for o := range y {
		y[o] += dot(p.B[o*p.R:(o+1)*p.R], t)
	}
}

// dot is the fixed-order dot product every LoRA path uses: eight running
// partial sums over i mod 8, combined pairwise, then the tail in order.
// Each product is rounded explicitly (the float32 conversion forbids the
// compiler from fusing it into an FMA), so the result is the same on every
// amd64/arm64 build.
func dot(a, b []float32) float32 {
	n := len(a)
	b = b[:n]
	var s0, s1, s2, s3, s4, s5, s6, s7 float32
	i := 0
	for ; i+8 <= n; i += 8 {
		s0 += float32(a[i] * b[i])
		s1 += float32(a[i+1] * b[i+1])
		s2 += float32(a[i+2] * b[i+2])
		s3 += float32(a[i+3] * b[i+3])
		s4 += float32(a[i+4] * b[i+4])
		s5 += float32(a[i+5] * b[i+5])
		s6 += float32(a[i+6] * b[i+6])
		s7 += float32(a[i+7] * b[i+7])
	}
	s := ((s0 + s1) + (s2 + s3)) + ((s4 + s5) + (s6 + s7))
	for ; i < n; i++ {
		s += float32(a[i] * b[i])
	}
	return s
}
