package lora

import (
	"cmp"
	"errors"
	"fmt"
	"math"
	"slices"

	"gonum.org/v1/gonum/mat"
)

// Merge methods.
const (
	MergeLinear     = "linear"      // Σ wᵢ ΔWᵢ, exact via rank concatenation
	MergeTIES       = "ties"        // trim, elect sign, disjoint mean (Yadav et al. 2023)
	MergeDARELinear = "dare_linear" // random drop + rescale, then Σ wᵢ (Yu et al. 2023)
	MergeDARETIES   = "dare_ties"   // DARE's drop, then TIES's sign election and merge
)

// Default densities (fraction of each delta's entries kept): TIES keeps
// the top 20% by magnitude as in the paper; DARE drops half.
const (
	DefaultTIESDensity = 0.2
	DefaultDAREDensity = 0.5
)

// MergeOptions tunes Merge. Zero values pick the defaults.
type MergeOptions struct {
	// Density is the fraction of each task delta kept by TIES/DARE.
	Density float64
	// Rank is the rank of the re-factored TIES/DARE result; 0 means the sum
	// of the input ranks. It is capped by each module's width.
	Rank int
	// Seed drives DARE's drop mask (and the randomized SVD).
	Seed uint64
}

// Merge combines adapters into one per-request adapter ("ensemble") with
// the given per-adapter weights. See MergeWith.
func Merge(method string, adapters []*Adapter, weights []float64, seed uint64) (*Adapter, error) {
	return MergeWith(method, adapters, weights, MergeOptions{Seed: seed})
}

// MergeWith merges adapters by method:
//
//   - "linear": ΔW = Σ wᵢ sᵢ Bᵢ Aᵢ exactly, as one adapter of rank Σ rᵢ with
//     A' = [A₁; A₂; …], B' = [w₁s₁B₁, w₂s₂B₂, …] and scale 1.
//   - "ties", "dare_linear", "dare_ties": per module, the dense deltas
//     ΔWᵢ = sᵢ Bᵢ Aᵢ are combined element-wise as PEFT's
//     add_weighted_adapter does, and the result is re-factored to rank
//     opts.Rank by truncated SVD (the best rank-k approximation).
//
// The result is deterministic in (method, adapters, weights, opts) and
// carries its own hash. All adapters must be for the same base model.
func MergeWith(method string, adapters []*Adapter, weights []float64, opts MergeOptions) (*Adapter, error) {
	if len(adapters) == 0 {
		return nil, errors.New("lora: merge: no adapters")
	}
	if len(weights) != len(adapters) {
		return nil, fmt.Errorf("lora: merge: %d weights for %d adapters", len(weights), len(adapters))
	}
	for i, w := range weights {
		if math.IsNaN(w) || math.IsInf(w, 0) {
			return nil, fmt.Errorf("lora: merge: weight %d is %v", i, w)
		}
	}
	layers := adapters[0].NumLayers()
	var in, out [NumModules]int
	for i, a := range adapters {
		if a == nil {
			return nil, fmt.Errorf("lora: merge: adapter %d is nil", i)
		}
		if a.NumLayers() != layers {
			return nil, fmt.Errorf("lora: merge: adapter %d spans %d layers, adapter 0 spans %d", i, a.NumLayers(), layers)
		}
		for l := 0; l < layers; l++ {
			for mi := range Modules {
				p := a.PairAt(l, mi)
				if p == nil {
					continue
				}
				if in[mi] == 0 {
					in[mi], out[mi] = p.In, p.Out
				} else if p.In != in[mi] || p.Out != out[mi] {
					return nil, fmt.Errorf("lora: merge: adapter %d %s is [%d→%d], another adapter's is [%d→%d]: not the same base model", i, Modules[mi], p.In, p.Out, in[mi], out[mi])
				}
			}
		}
	}
	switch method {
	case MergeLinear:
		return mergeLinear(adapters, weights, layers)
	case MergeTIES, MergeDARELinear, MergeDARETIES:
		return mergeDense(method, adapters, weights, layers, opts)
	}
	return nil, fmt.Errorf("lora: merge: unknown method %q (want linear, ties, dare_linear or dare_ties)", method)
}

func mergeLinear(adapters []*Adapter, weights []float64, layers int) (*Adapter, error) {
	rank := 0
	for _, a := range adapters {
		rank += a.Config.R
	}
	if rank > MaxRank {
		return nil, fmt.Errorf("lora: merge: combined rank %d over the limit %d", rank, MaxRank)
	}
	out := make([][NumModules]*Pair, layers)
	for l := range out {
		for mi := range Modules {
			var first *Pair
			for _, a := range adapters {
				if p := a.PairAt(l, mi); p != nil {
					first = p
					break
				}
			}
			if first == nil {
				continue
			}
			// Adapters that skip this module contribute zero rows, so every
			// module has the same rank.
			m := &Pair{R: rank, In: first.In, Out: first.Out, A: make([]float32, rank*first.In), B: make([]float32, first.Out*rank)}
			off := 0
			for i, a := range adapters {
				p := a.PairAt(l, mi)
				if p != nil {
					copy(m.A[off*m.In:], p.A)
					f := float32(weights[i] * float64(a.Scale))
					for o := 0; o < m.Out; o++ {
						for r := 0; r < p.R; r++ {
							m.B[o*rank+off+r] = f * p.B[o*p.R+r]
						}
					}
				}
				off += a.Config.R
			}
			out[l][mi] = m
		}
	}
	return NewAdapter(mergedConfig(adapters, rank), out)
}

// mergedConfig has scale 1 (alpha = r, no rsLoRA): the weights and the
// inputs' scales are folded into B.
func mergedConfig(adapters []*Adapter, rank int) Config {
	return Config{R: rank, Alpha: float64(rank), BaseModel: adapters[0].Config.BaseModel, TaskType: "CAUSAL_LM"}
}

func mergeDense(method string, adapters []*Adapter, weights []float64, layers int, opts MergeOptions) (*Adapter, error) {
	density := opts.Density
	if density == 0 {
		density = DefaultTIESDensity
		if method != MergeTIES {
			density = DefaultDAREDensity
		}
	}
	if !(density > 0 && density <= 1) {
		return nil, fmt.Errorf("lora: merge: density %v out of range (0, 1]", density)
	}
	rank := opts.Rank
	if rank == 0 {
		for _, a := range adapters {
			rank += a.Config.R
		}
	}
	if rank < 1 || rank > MaxRank {
		return nil, fmt.Errorf("lora: merge: rank %d out of range [1, %d]", rank, MaxRank)
	}
	out := make([][NumModules]*Pair, layers)
	for l := range out {
		for mi := range Modules {
			var deltas [][]float64
			var ws []float64
			var idx []int
			in, outDim := 0, 0
			for i, a := range adapters {
				p := a.PairAt(l, mi)
				if p == nil {
					continue
				}
				in, outDim = p.In, p.Out
				deltas = append(deltas, denseDelta(p, a.Scale))
				ws = append(ws, weights[i])
				idx = append(idx, i)
			}
			if deltas == nil {
				continue
			}
			streams := make([]uint64, len(idx))
			for j, i := range idx {
				streams[j] = opts.Seed ^ mix64(uint64(i)<<32|uint64(l)<<8|uint64(mi)+1)
			}
			merged, err := MergeDense(method, deltas, ws, density, streams)
			if err != nil {
				return nil, fmt.Errorf("lora: merge: layer %d %s: %w", l, Modules[mi], err)
			}
			out[l][mi] = lowRank(merged, outDim, in, rank, opts.Seed^mix64(uint64(l)<<8|uint64(mi)))
		}
	}
	return NewAdapter(mergedConfig(adapters, rank), out)
}

// denseDelta is scale·B·A as a row-major [Out][In] float64 matrix.
func denseDelta(p *Pair, scale float32) []float64 {
	d := make([]float64, p.Out*p.In)
	for o := 0; o < p.Out; o++ {
		row := d[o*p.In : (o+1)*p.In]
		for r := 0; r < p.R; r++ {
			b := float64(scale) * float64(p.B[o*p.R+r])
			for k, a := range p.A[r*p.In : (r+1)*p.In] {
				row[k] += b * float64(a)
			}
		}
	}
	return d
}

// MergeDense combines equally sized dense task deltas element-wise the way
// PEFT's merge_utils does:
//
//   - ties: keep each delta's top ⌊density·n⌋ entries by magnitude (ties
//     broken by lower index), elect per entry the sign of the sum of the
//     kept values (≥0 → +), and average wᵢ·δᵢ over the deltas whose kept
//     value has the elected sign (entries with none stay 0).
//   - dare_linear: keep each entry with probability density and rescale
//     it by 1/density, then Σ wᵢ·δᵢ.
//   - dare_ties: DARE's drop and rescale, then TIES's sign election and
//     disjoint mean.
//
// streams[i] seeds delta i's DARE mask: entry j is kept iff a hash of
// (streams[i], j) is below density, so the mask does not depend on the
// order of evaluation. MergeDense does not modify deltas.
func MergeDense(method string, deltas [][]float64, weights []float64, density float64, streams []uint64) ([]float64, error) {
	if len(deltas) == 0 || len(weights) != len(deltas) {
		return nil, fmt.Errorf("%d deltas, %d weights", len(deltas), len(weights))
	}
	n := len(deltas[0])
	for _, d := range deltas {
		if len(d) != n {
			return nil, errors.New("deltas differ in size")
		}
	}
	pruned := make([][]float64, len(deltas))
	for i, d := range deltas {
		switch method {
		case MergeTIES:
			pruned[i] = pruneMagnitude(d, density)
		case MergeDARELinear, MergeDARETIES:
			if len(streams) != len(deltas) {
				return nil, fmt.Errorf("%d seed streams for %d deltas", len(streams), len(deltas))
			}
			pruned[i] = pruneRandom(d, density, streams[i])
		default:
			return nil, fmt.Errorf("unknown method %q", method)
		}
	}
	out := make([]float64, n)
	if method == MergeDARELinear {
		for i, d := range pruned {
			for j, v := range d {
				out[j] += weights[i] * v
			}
		}
		return out, nil
	}
	for j := range out {
		var total float64
		for _, d := range pruned {
			total += d[j]
		}
		sign := 1.0
		if total < 0 {
			sign = -1
		}
		var sum float64
		cnt := 0
		for i, d := range pruned {
			if v := d[j]; v != 0 && (v > 0) == (sign > 0) {
				sum += weights[i] * v
				cnt++
			}
		}
		if cnt > 0 {
			out[j] = sum / float64(cnt)
		}
	}
	return out, nil
}

// pruneMagnitude keeps the ⌊density·n⌋ largest-magnitude entries.
func pruneMagnitude(d []float64, density float64) []float64 {
	k := int(density * float64(len(d)))
	out := make([]float64, len(d))
	if k >= len(d) {
		copy(out, d)
		return out
	}
	if k <= 0 {
		return out
	}
	order := make([]int32, len(d))
	for i := range order {
		order[i] = int32(i)
	}
	slices.SortFunc(order, func(a, b int32) int {
		if c := cmp.Compare(math.Abs(d[b]), math.Abs(d[a])); c != 0 {
			return c
		}
		return cmp.Compare(a, b)
	})
	for _, i := range order[:k] {
		out[i] = d[i]
	}
	return out
}

// pruneRandom keeps entry j iff uniform(stream, j) < density and rescales
// kept entries by 1/density.
func pruneRandom(d []float64, density float64, stream uint64) []float64 {
	out := make([]float64, len(d))
	for j, v := range d {
		u := float64(mix64(stream+uint64(j)*0x9e3779b97f4a7c15)>>11) / (1 << 53)
		if u < density {
			out[j] = v / density
		}
	}
	return out
}

// exactSVDMaxDim is the largest min(out, in) factored with a full thin SVD;
// wider matrices use a randomized range finder with power iterations.
const exactSVDMaxDim = 1024

// lowRank factors the row-major out×in matrix m as B·A with rank k (capped
// by the matrix widths; the result is zero-padded to rank k so every module
// shares it): B = U_k √Σ_k, A = √Σ_k V_kᵀ.
func lowRank(m []float64, out, in, k int, seed uint64) *Pair {
	p := &Pair{R: k, In: in, Out: out, A: make([]float32, k*in), B: make([]float32, out*k)}
	kk := min(k, out, in)
	M := mat.NewDense(out, in, m)
	var u, v *mat.Dense
	var s []float64
	if min(out, in) <= exactSVDMaxDim || kk*4 >= min(out, in) {
		var svd mat.SVD
		if !svd.Factorize(M, mat.SVDThin) {
			return p // a zero matrix: all-zero factors are exact
		}
		s = svd.Values(nil)
		u, v = &mat.Dense{}, &mat.Dense{}
		svd.UTo(u)
		svd.VTo(v)
	} else {
		u, s, v = randomizedSVD(M, kk, seed)
	}
	for r := 0; r < kk && r < len(s); r++ {
		sq := math.Sqrt(s[r])
		for o := 0; o < out; o++ {
			p.B[o*k+r] = float32(u.At(o, r) * sq)
		}
		for i := 0; i < in; i++ {
			p.A[r*in+i] = float32(v.At(i, r) * sq)
		}
	}
	return p
}

// randomizedSVD approximates the top-k singular triplets of m (Halko,
// Martinsson, Tropp 2011): a seeded Gaussian sketch with oversampling,
// two power iterations with re-orthonormalization, then an exact SVD of
// the small projected matrix.
func randomizedSVD(m *mat.Dense, k int, seed uint64) (u *mat.Dense, s []float64, v *mat.Dense) {
	rows, cols := m.Dims()
	l := min(k+10, rows, cols)
	rng := splitmix64{s: seed}
	omega := mat.NewDense(cols, l, nil)
	for i := 0; i < cols; i++ {
		for j := 0; j < l; j++ {
			omega.Set(i, j, rng.normal())
		}
	}
	var y mat.Dense
	y.Mul(m, omega)
	q := orthonormal(&y)
	for it := 0; it < 2; it++ {
		var z mat.Dense
		z.Mul(m.T(), q)
		qz := orthonormal(&z)
		y.Reset()
		y.Mul(m, qz)
		q = orthonormal(&y)
	}
	var small mat.Dense
	small.Mul(q.T(), m) // l×cols
	var svd mat.SVD
	if !svd.Factorize(&small, mat.SVDThin) {
		return mat.NewDense(rows, l, nil), make([]float64, l), mat.NewDense(cols, l, nil)
	}
	s = svd.Values(nil)
	var us mat.Dense
	svd.UTo(&us)
	v = &mat.Dense{}
	svd.VTo(v)
	u = &mat.Dense{}
	u.Mul(q, &us)
	return u, s, v
}

// orthonormal returns an orthonormal basis of a's columns (thin Q of its
// QR factorization) by modified Gram–Schmidt with one re-orthogonalization
// pass ("twice is enough"); columns that vanish are left zero. gonum's
// QR.QTo would build the full rows×rows Q, far costlier for tall sketches.
func orthonormal(a *mat.Dense) *mat.Dense {
	rows, cols := a.Dims()
	q := mat.DenseCopyOf(a)
	col := make([][]float64, cols)
	for j := range col {
		col[j] = mat.Col(nil, j, q)
	}
	var norm0 float64
	for _, c := range col {
		norm0 = max(norm0, floats64Norm(c))
	}
	for j := range col {
		for pass := 0; pass < 2; pass++ {
			for i := 0; i < j; i++ {
				var d float64
				for r := 0; r < rows; r++ {
					d += col[i][r] * col[j][r]
				}
				for r := 0; r < rows; r++ {
					col[j][r] -= d * col[i][r]
				}
			}
		}
		n := floats64Norm(col[j])
		if n <= 1e-12*norm0 || n == 0 {
			clear(col[j])
			continue
		}
		for r := range col[j] {
			col[j][r] /= n
		}
	}
	for j, c := range col {
		q.SetCol(j, c)
	}
	return q
}

func floats64Norm(v []float64) float64 {
	var s float64
	for _, x := range v {
		s += x * x
	}
	return math.Sqrt(s)
}
