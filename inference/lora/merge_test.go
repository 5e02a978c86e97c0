package lora

import (
	"math"
	"slices"
	"strings"
	"testing"

	"github.com/paichain/paichain/inference/model"
	"gonum.org/v1/gonum/mat"
)

// effective is the adapter's dense delta scale·B·A for one module.
func effective(a *Adapter, l, mi int) []float64 {
	p := a.PairAt(l, mi)
	if p == nil {
		return nil
	}
	return denseDelta(p, a.Scale)
}

func maxAbsDiff(a, b []float64) (d, scale float64) {
	for i := range a {
		d = max(d, math.Abs(a[i]-b[i]))
		scale = max(scale, math.Abs(b[i]))
	}
	return d, scale
}

func TestMergeLinearExact(t *testing.T) {
	cfg := model.TinyConfig
	a1, _ := Synthetic(cfg, 4, 8, []string{"q_proj", "v_proj"}, 1, false)
	a2, _ := Synthetic(cfg, 8, 32, []string{"q_proj", "down_proj"}, 2, true)
	a3, _ := Synthetic(cfg, 2, 1, nil, 3, false)
	ws := []float64{0.5, -1.25, 2}
	m, err := Merge(MergeLinear, []*Adapter{a1, a2, a3}, ws, 0)
	if err != nil {
		t.Fatal(err)
	}
	if m.Config.R != 14 || m.Scale != 1 {
		t.Fatalf("merged r=%d scale=%v, want 14 and 1", m.Config.R, m.Scale)
	}
	if err := Validate(m, cfg); err != nil {
		t.Fatal(err)
	}
	for l := 0; l < cfg.NLayers; l++ {
		for mi := range Modules {
			got := effective(m, l, mi)
			var want []float64
			for i, a := range []*Adapter{a1, a2, a3} {
				d := effective(a, l, mi)
				if d == nil {
					continue
				}
				if want == nil {
					want = make([]float64, len(d))
				}
				for j := range d {
					want[j] += ws[i] * d[j]
				}
			}
			if (got == nil) != (want == nil) {
				t.Fatalf("layer %d %s presence differs", l, Modules[mi])
			}
			if d, s := maxAbsDiff(got, want); d > 1e-6*s+1e-7 {
				t.Fatalf("layer %d %s: merged delta off by %g (scale %g)", l, Modules[mi], d, s)
			}
		}
	}
	// Deterministic, and it round-trips through PEFT files with its hash.
	m2, _ := Merge(MergeLinear, []*Adapter{a1, a2, a3}, ws, 99)
	if m2.Hash != m.Hash {
		t.Fatal("linear merge is not deterministic")
	}
	dir := t.TempDir()
	if err := m.Save(dir); err != nil {
		t.Fatal(err)
	}
	back, err := Load(dir, cfg.NLayers)
	if err != nil {
		t.Fatal(err)
	}
	if back.Hash != m.Hash {
		t.Fatal("saved merge reloads with another hash")
	}
}

func TestMergeRejects(t *testing.T) {
	a, _ := Synthetic(model.TinyConfig, 2, 2, nil, 1, false)
	q, _ := Synthetic(model.TinyQwen2Config, 2, 2, nil, 1, false)
	for _, tt := range []struct {
		method string
		as     []*Adapter
		ws     []float64
		want   string
	}{
		{"linear", nil, nil, "no adapters"},
		{"linear", []*Adapter{a}, []float64{1, 2}, "2 weights for 1"},
		{"linear", []*Adapter{a, q}, []float64{1, 1}, "not the same base model"},
		{"linear", []*Adapter{a}, []float64{math.NaN()}, "weight 0"},
		{"svd", []*Adapter{a}, []float64{1}, "unknown method"},
	} {
		if _, err := Merge(tt.method, tt.as, tt.ws, 0); err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s %d: err %v, want %q", tt.method, len(tt.as), err, tt.want)
		}
	}
	if _, err := MergeWith(MergeTIES, []*Adapter{a}, []float64{1}, MergeOptions{Density: 1.5}); err == nil {
		t.Error("density 1.5 accepted")
	}
}

func TestMergeDenseTIES(t *testing.T) {
	// Hand-checked: density 0.5 keeps the top 2 of 4 by magnitude.
	d1 := []float64{3, -1, 0.5, -4}   // keeps 3, -4
	d2 := []float64{-2, 2, 1, -1}     // keeps -2, 2 (tie at |2|: lower index first... both kept)
	d3 := []float64{1, -0.1, 5, -0.2} // keeps 1, 5
	got, err := MergeDense(MergeTIES, [][]float64{d1, d2, d3}, []float64{1, 0.5, 2}, 0.5, nil)
	if err != nil {
		t.Fatal(err)
	}
	// col 0: kept 3, -2, 1 → sum 2 ≥ 0 → +: (1·3 + 2·1)/2 = 2.5
	// col 1: kept 0, 2, 0 → +: 0.5·2/1 = 1
	// col 2: kept 0, 0, 5 → +: 2·5/1 = 10
	// col 3: kept -4, 0, 0 → −: 1·(-4)/1 = -4
	want := []float64{2.5, 1, 10, -4}
	if !slices.Equal(got, want) {
		t.Fatalf("ties = %v, want %v", got, want)
	}
	// Density 1 and agreeing signs: the weighted mean.
	got, _ = MergeDense(MergeTIES, [][]float64{{1, -2}, {3, -4}}, []float64{1, 1}, 1, nil)
	if !slices.Equal(got, []float64{2, -3}) {
		t.Fatalf("ties density 1 = %v", got)
	}
	// Magnitude ties break by index.
	got, _ = MergeDense(MergeTIES, [][]float64{{1, -1, 1, -1}}, []float64{1}, 0.5, nil)
	if !slices.Equal(got, []float64{1, -1, 0, 0}) {
		t.Fatalf("tie-break = %v", got)
	}
}

func TestMergeDenseDARE(t *testing.T) {
	n := 20000
	d1, d2 := make([]float64, n), make([]float64, n)
	for i := range d1 {
		d1[i], d2[i] = 1, -0.5
	}
	streams := []uint64{11, 12}
	got, err := MergeDense(MergeDARELinear, [][]float64{d1, d2}, []float64{1, 2}, 0.25, streams)
	if err != nil {
		t.Fatal(err)
	}
	// Each entry is a sum of w·v/density over the kept deltas.
	kept := 0
	var sum float64
	for _, v := range got {
		switch v {
		case 0, 4, -4: // none, d1 only (1/0.25), d2 only (2·-0.5/0.25)
		default:
			t.Fatalf("entry %v is not a kept-and-rescaled combination", v)
		}
		if v == 4 {
			kept++
		}
		sum += v
	}
	// Expectation is preserved: E[entry] = 1·1 + 2·(-0.5) = 0; about a
	// quarter of entries keep d1 (rate within 5 sigma).
	if frac := float64(kept) / float64(n); math.Abs(frac-0.25*0.75) > 5*math.Sqrt(0.19*0.81/float64(n)) {
		t.Fatalf("d1-only rate %v, want ≈%v", frac, 0.25*0.75)
	}
	if mean := sum / float64(n); math.Abs(mean) > 0.15 {
		t.Fatalf("mean %v, want ≈0 (DARE rescaling keeps the expectation)", mean)
	}
	again, _ := MergeDense(MergeDARELinear, [][]float64{d1, d2}, []float64{1, 2}, 0.25, streams)
	if !slices.Equal(got, again) {
		t.Fatal("dare is not deterministic")
	}
	other, _ := MergeDense(MergeDARELinear, [][]float64{d1, d2}, []float64{1, 2}, 0.25, []uint64{13, 12})
	if slices.Equal(got, other) {
		t.Fatal("seed does not change the mask")
	}
	// Density 1 is plain linear.
	full, _ := MergeDense(MergeDARELinear, [][]float64{{1, 2}, {3, -4}}, []float64{1, 0.5}, 1, []uint64{1, 2})
	if !slices.Equal(full, []float64{2.5, 0}) {
		t.Fatalf("dare density 1 = %v", full)
	}
	// dare_ties: the dropped-and-rescaled deltas go through sign election.
	dt, _ := MergeDense(MergeDARETIES, [][]float64{{2, 2}, {-1, 4}}, []float64{1, 1}, 1, []uint64{1, 2})
	if !slices.Equal(dt, []float64{2, 3}) {
		t.Fatalf("dare_ties density 1 = %v", dt)
	}
}

func TestMergeTIESAdapters(t *testing.T) {
	cfg := model.TinyConfig
	a1, _ := Synthetic(cfg, 4, 8, []string{"q_proj", "o_proj"}, 1, false)
	a2, _ := Synthetic(cfg, 4, 8, []string{"q_proj"}, 2, false)
	ws := []float64{1, 0.5}
	for _, method := range []string{MergeTIES, MergeDARELinear, MergeDARETIES} {
		// Full rank: the re-factoring is exact, so the adapter reproduces
		// the element-wise merge of the dense deltas.
		m, err := MergeWith(method, []*Adapter{a1, a2}, ws, MergeOptions{Rank: 64, Seed: 5})
		if err != nil {
			t.Fatal(err)
		}
		if err := Validate(m, cfg); err != nil {
			t.Fatal(err)
		}
		for l := 0; l < cfg.NLayers; l++ {
			for _, mi := range []int{0, 3} {
				var deltas [][]float64
				var w []float64
				var streams []uint64
				for i, a := range []*Adapter{a1, a2} {
					if d := effective(a, l, mi); d != nil {
						deltas, w = append(deltas, d), append(w, ws[i])
						streams = append(streams, 5^mix64(uint64(i)<<32|uint64(l)<<8|uint64(mi)+1))
					}
				}
				density := DefaultTIESDensity
				if method != MergeTIES {
					density = DefaultDAREDensity
				}
				want, _ := MergeDense(method, deltas, w, density, streams)
				if d, s := maxAbsDiff(effective(m, l, mi), want); d > 1e-5*s {
					t.Fatalf("%s layer %d %s: full-rank refactoring off by %g (scale %g)", method, l, Modules[mi], d, s)
				}
			}
		}
		// Truncated rank: the best rank-k approximation (Eckart–Young):
		// the residual's Frobenius norm is the tail of the singular values.
		m8, err := MergeWith(method, []*Adapter{a1, a2}, ws, MergeOptions{Seed: 5})
		if err != nil {
			t.Fatal(err)
		}
		if m8.Config.R != 8 {
			t.Fatalf("default rank %d, want 4+4", m8.Config.R)
		}
		full := effective(m, 0, 0)
		approx := effective(m8, 0, 0)
		var res float64
		for i := range full {
			res += (full[i] - approx[i]) * (full[i] - approx[i])
		}
		var svd mat.SVD
		svd.Factorize(mat.NewDense(64, 64, full), mat.SVDNone)
		var tail float64
		for _, s := range svd.Values(nil)[8:] {
			tail += s * s
		}
		if math.Abs(res-tail) > 1e-6*tail+1e-12 {
			t.Fatalf("%s: rank-8 residual %g, optimal %g", method, res, tail)
		}
		again, _ := MergeWith(method, []*Adapter{a1, a2}, ws, MergeOptions{Seed: 5})
		if again.Hash != m8.Hash {
			t.Fatalf("%s is not deterministic", method)
		}
	}
}

func TestRandomizedSVD(t *testing.T) {
	// A rank-6 matrix wider than the exact-SVD limit: the randomized path
	// must recover it.
	out, in, k := 1100, exactSVDMaxDim+40, 6
	rng := splitmix64{s: 9}
	u, v := make([]float64, out*k), make([]float64, k*in)
	for i := range u {
		u[i] = rng.normal()
	}
	for i := range v {
		v[i] = rng.normal()
	}
	m := make([]float64, out*in)
	for o := 0; o < out; o++ {
		for r := 0; r < k; r++ {
			for i := 0; i < in; i++ {
				m[o*in+i] += u[o*k+r] * v[r*in+i]
			}
		}
	}
	p := lowRank(m, out, in, k, 1)
	got := denseDelta(p, 1)
	if d, s := maxAbsDiff(got, m); d > 1e-4*s {
		t.Fatalf("randomized SVD reconstruction off by %g (scale %g)", d, s)
	}
}
