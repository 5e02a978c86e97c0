package lora

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/paichain/paichain/inference/model"
	"github.com/paichain/paichain/internal/cputime"
)

// BenchmarkApplySegments measures one LoRA linear (stories15M q_proj and
// gate_proj shapes, rank 16) over a 512-row decode batch whose rows are
// spread over 1, 8, 64 or 512 distinct adapters (Zipf, s=1.1), rows grouped
// by adapter as the engine's scheduler does. "base" is the base linear
// y = W·x for the same rows, computed with the same fixed-order dot, to
// put the LoRA cost in proportion.
func BenchmarkApplySegments(b *testing.B) {
	cfg := model.Stories15MConfig
	cfg.NLayers = 1
	const rows, rank = 512, 16
	for _, module := range []string{"q_proj", "gate_proj"} {
		in, out, _ := cfg.LinearShape(module)
		rng := rand.New(rand.NewPCG(1, 1))
		x := randomRows(rng, rows, in)
		y := make([]float32, rows*out)
		w := randomRows(rng, out, in)
		b.Run(fmt.Sprintf("%s/base", module), func(b *testing.B) {
			c0 := cputime.Process()
			for b.Loop() {
				for r := 0; r < rows; r++ {
					xr := x[r*in : (r+1)*in]
					for o := 0; o < out; o++ {
						y[r*out+o] = dot(w[o*in:(o+1)*in], xr)
					}
				}
			}
			b.ReportMetric(float64(rows)*float64(b.N)/b.Elapsed().Seconds(), "rows/s")
			b.ReportMetric(float64(rows)*float64(b.N)/(cputime.Process()-c0).Seconds(), "rows/cpu-s")
		})
		pool := make([]*Adapter, 512)
		for i := range pool {
			pool[i], _ = Synthetic(cfg, rank, 2*rank, []string{module}, uint64(i), false)
		}
		for _, distinct := range []int{1, 8, 64, 512} {
			z := rand.NewZipf(rng, 1.1, 1, uint64(distinct-1))
			idx := make([]int, rows)
			for i := range idx {
				idx[i] = int(z.Uint64())
			}
			if distinct > 1 { // every adapter appears at least once when it can
				for i := 0; i < min(distinct, rows); i++ {
					idx[i] = i
				}
			}
			slices.Sort(idx)
			as := make([]*Adapter, rows)
			for i, j := range idx {
				as[i] = pool[j]
			}
			segs := segmentsOf(as)
			b.Run(fmt.Sprintf("%s/adapters=%d", module, distinct), func(b *testing.B) {
				c0 := cputime.Process()
				for b.Loop() {
					ApplySegmentsAt(0, mustIndex(module), x, in, y, out, segs, 0)
				}
				b.ReportMetric(float64(rows)*float64(b.N)/b.Elapsed().Seconds(), "rows/s")
				b.ReportMetric(float64(rows)*float64(b.N)/(cputime.Process()-c0).Seconds(), "rows/cpu-s")
				b.ReportMetric(float64(len(segs)), "segments")
			})
		}
	}
}
